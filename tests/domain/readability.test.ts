import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSyllables, readability, readabilityOfSentences } from '../../src/domain/readability';

describe('readability: published worked examples', () => {
  // Wikipedia, "Flesch–Kincaid readability tests" (en.wikipedia.org/wiki/Flesch–Kincaid_readability_tests):
  // "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature" has 24
  // syllables and 13 words, a reading ease of 37.5 and a grade of 11.3.
  it('scores the platypus sentence as Wikipedia does', () => {
    const score = readability(
      'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.',
    );
    expect(score).toMatchObject({ words: 13, sentences: 1, syllables: 24 });
    expect(score.fleschReadingEase).toBeCloseTo(37.5, 1);
    expect(score.fleschKincaidGrade).toBeCloseTo(11.3, 1);
  });

  // Same page: the highest reading ease is 121.22 and the lowest grade −3.40, reached only when
  // every sentence is one word of one syllable.
  it('reaches the published extremes with one-word, one-syllable sentences', () => {
    const score = readability('Go. Stop. Run.');
    expect(score).toMatchObject({ words: 3, sentences: 3, syllables: 3 });
    expect(score.fleschReadingEase).toBeCloseTo(121.22, 2);
    expect(score.fleschKincaidGrade).toBeCloseTo(-3.4, 2);
  });
});

describe('countSyllables', () => {
  it.each([
    ['the', 1],
    ['creature', 2],
    ['table', 2],
    ['make', 1],
    ['makes', 1],
    ['boxes', 2],
    ['jumped', 1],
    ['wanted', 2],
    ['seemingly', 3],
    ['Australian', 3],
    ['long-range', 2],
    ['1937', 1],
    ['rhythm', 1],
  ])('counts %s as %i', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables);
  });
});

describe('readability: texts', () => {
  it('counts each line on its own and hyphenated compounds as one word', () => {
    const score = readability('A long-range drone flew\nIt fell.');
    expect(score).toMatchObject({ words: 6, sentences: 2 });
  });

  it('scores a text with no words as zero instead of dividing by zero', () => {
    expect(readability(' \n — ')).toEqual({
      words: 0,
      sentences: 1,
      syllables: 0,
      fleschReadingEase: 0,
      fleschKincaidGrade: 0,
    });
  });
});

/** A word of `syllables` syllables by the counting rule: "ba", "baba", "bababa", ... */
const word = (syllables: number) => 'ba'.repeat(syllables);
/** A sentence starts with a capital, or the splitter reads on past its full stop. */
const sentence = (lengths: number[]) => {
  const text = lengths.map(word).join(' ');
  return `B${text.slice(1)}.`;
};
const sentencesArbitrary = fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), {
  minLength: 1,
  maxLength: 6,
});

describe('readability: properties', () => {
  it('never lowers the grade or raises the ease when a word gets a syllable longer', () => {
    fc.assert(
      fc.property(sentencesArbitrary, fc.nat(), (sentences, pick) => {
        const flat = sentences.flat();
        const index = pick % flat.length;
        let seen = 0;
        const longer = sentences.map((lengths) =>
          lengths.map((length) => (seen++ === index ? length + 1 : length)),
        );
        const before = readability(sentences.map(sentence).join(' '));
        const after = readability(longer.map(sentence).join(' '));
        expect(after.syllables).toBe(before.syllables + 1);
        expect(after.fleschKincaidGrade).toBeGreaterThan(before.fleschKincaidGrade);
        expect(after.fleschReadingEase).toBeLessThan(before.fleschReadingEase);
      }),
    );
  });

  it('never raises the grade when a sentence is split in two', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 20 }),
        fc.nat(),
        (lengths, pick) => {
          const at = 1 + (pick % (lengths.length - 1));
          const whole = readability(sentence(lengths));
          const split = readability(
            `${sentence(lengths.slice(0, at))} ${sentence(lengths.slice(at))}`,
          );
          expect(split.sentences).toBe(2);
          expect(split.fleschKincaidGrade).toBeLessThanOrEqual(whole.fleschKincaidGrade);
        },
      ),
    );
  });

  it('stays within the published bounds: grade at least −3.40, ease at most 121.22', () => {
    fc.assert(
      fc.property(sentencesArbitrary, (sentences) => {
        const score = readability(sentences.map(sentence).join(' '));
        expect(score.fleschKincaidGrade).toBeGreaterThanOrEqual(-3.4 - 1e-9);
        expect(score.fleschReadingEase).toBeLessThanOrEqual(121.22 + 1e-9);
      }),
    );
  });
});

describe('readabilityOfSentences', () => {
  it("counts the sentences as given, so an author's merge is one sentence", () => {
    const split = readability('Go home. Then rest.');
    const merged = readabilityOfSentences(['Go home. Then rest.']);
    expect(split).toMatchObject({ words: 4, sentences: 2 });
    expect(merged).toMatchObject({ words: 4, sentences: 1, syllables: split.syllables });
    expect(merged.fleschKincaidGrade).toBeGreaterThan(split.fleschKincaidGrade);
  });

  it('gives what readability gives for the same text split by the splitter', () => {
    const text = 'The Australian platypus is seemingly a hybrid. It lays eggs.';
    expect(
      readabilityOfSentences(['The Australian platypus is seemingly a hybrid.', 'It lays eggs.']),
    ).toEqual(readability(text));
  });
});
