import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countWords,
  listWords,
  segmentSentences,
  splitSentences,
} from '../../src/domain/sentences';

function sentencesOf(text: string): string[] {
  return splitSentences(text).map((span) => span.text);
}

describe('splitSentences', () => {
  it('keeps "U.S. President Donald Trump" inside one sentence of the article', () => {
    const paragraph =
      'Putin’s visit to Kursk followed a phone call with U.S. President Donald Trump on Monday, in which he refused to commit to a 30-day ceasefire proposed by Washington and Kyiv.';
    expect(sentencesOf(paragraph)).toEqual([paragraph]);
  });

  it('splits the article’s eighth paragraph into its two sentences', () => {
    const first =
      'Last August, Ukrainian forces launched a rapid and unexpected incursion into Kursk, capturing territory in an unprecedented move that stunned Russian command.';
    const second =
      'It was the first time since the Second World War that a foreign military had taken ground inside Russia.';
    expect(sentencesOf(`${first} ${second}`)).toEqual([first, second]);
  });

  it('does not break after initials', () => {
    expect(sentencesOf('J. R. R. Tolkien wrote The Hobbit. It was published in 1937.')).toEqual([
      'J. R. R. Tolkien wrote The Hobbit.',
      'It was published in 1937.',
    ]);
  });

  it('does not break after titles such as Mr. and Dr.', () => {
    expect(sentencesOf('Mr. Smith went to Washington. Dr. Jones stayed home.')).toEqual([
      'Mr. Smith went to Washington.',
      'Dr. Jones stayed home.',
    ]);
  });

  it('does not break inside dotted acronyms', () => {
    expect(sentencesOf('The U.K. and the U.S. agreed. Then they met again.')).toEqual([
      'The U.K. and the U.S. agreed.',
      'Then they met again.',
    ]);
  });

  it('keeps a quotation and its attribution together', () => {
    const quote =
      '“We are continuing our active operations in the Kursk and Belgorod regions – we are proactively defending Ukraine’s border areas,” Zelensky said last week.';
    expect(sentencesOf(quote)).toEqual([quote]);
    expect(sentencesOf('“We will win,” Zelensky said. “We will hold.” He left.')).toEqual([
      '“We will win,” Zelensky said.',
      '“We will hold.”',
      'He left.',
    ]);
  });

  it('breaks after question and exclamation marks', () => {
    expect(sentencesOf('Wait! What? Yes.')).toEqual(['Wait!', 'What?', 'Yes.']);
  });

  it('keeps text with no final punctuation as one sentence', () => {
    const text = 'No final punctuation here';
    expect(splitSentences(text)).toEqual([{ text, start: 0, end: text.length }]);
  });

  it('gives offsets that slice each sentence out of the text, without surrounding space', () => {
    const text = '  First one.   Second one!  ';
    const spans = splitSentences(text);
    expect(spans.map((span) => span.text)).toEqual(['First one.', 'Second one!']);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });
});

describe('countWords', () => {
  it.each([
    ['President Vladimir Putin visited Kursk', 5],
    ['long-range drones', 2],
    ['a 30-day ceasefire', 3],
    ['Moscow’s claims', 2],
    ['U.S. President', 2],
    ['63 of 76', 3],
    ['Russia — reportedly', 2],
    ['regions – we are', 3],
    ['', 0],
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('segmentSentences', () => {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const pieces = fc.constantFrom(
    'Go now. ',
    'He said “stop.” ',
    'it rose 3.5 per cent. ',
    'Really? ',
    'no! ',
    'U.S. President ',
    '... ',
    '1. 2. 3. ',
    '(see p. 4) ',
    'a.b ',
    '  ',
    'word ',
    'Émile left. ',
    '; ',
    '12,345 — 6.7 ',
    '" ',
    'etc. and ',
  );

  it('gives the same sentences as segmenting the whole text at once, however long it is', () => {
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 600, maxLength: 2000 }), (parts) => {
        const text = parts.join('');
        const whole = [...segmenter.segment(text)].map(({ segment, index }) => ({
          segment,
          index,
        }));
        expect([...segmentSentences(text)]).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it('splits a paragraph of 200,000 sentences in linear time', () => {
    const started = performance.now();
    expect(splitSentences('Go now. '.repeat(200_000))).toHaveLength(200_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('listWords', () => {
  /** The rule on the whole text at once, as countWords first did it: the oracle for the pieces. */
  function wordsAtOnce(text: string): string[] {
    const words: string[] = [];
    let joinedByHyphen = false;
    let previous: Intl.SegmentData | undefined;
    for (const segment of new Intl.Segmenter('en', { granularity: 'word' }).segment(text)) {
      if (segment.isWordLike) {
        if (joinedByHyphen && words.length > 0) words[words.length - 1] += `-${segment.segment}`;
        else words.push(segment.segment);
      }
      joinedByHyphen = segment.segment === '-' && previous?.isWordLike === true;
      previous = segment;
    }
    return words;
  }

  it('finds the same words as walking the whole text at once', () => {
    const pieces = fc.constantFrom(
      'word ',
      'long-range ',
      '30-day',
      ' - ',
      '—',
      '\n',
      'don’t ',
      '3.5 ',
      'U.S. ',
      '“quoted” ',
      'Émile ',
      '  ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 50, maxLength: 600 }), (parts) => {
        const text = parts.join('');
        expect(listWords(text)).toEqual(wordsAtOnce(text));
      }),
      { numRuns: 50 },
    );
  });
});
