import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleMeta } from '../../src/domain/article';
import {
  applySentenceCorrections,
  mergeCorrection,
  splitCorrection,
  type SentenceCorrection,
} from '../../src/domain/sentence-corrections';
import { splitSentences } from '../../src/domain/sentences';
import { readArticle } from '../../src/content/read-article';

// Self-written texts.
const meta: ArticleMeta = {
  id: 'sample',
  title: 'Sample',
  summary: 'A sample.',
  sources: ['Nobody'],
  genre: 'news report',
  note: 'Made up.',
  language: 'en',
};

function sentencesOf(body: string, sentenceCorrections?: SentenceCorrection[]) {
  const { article, problems } = parseArticle(
    sentenceCorrections ? { ...meta, sentenceCorrections } : meta,
    body,
  );
  return {
    sentences: article.paragraphs.flatMap((paragraph) =>
      paragraph.sentences.map((sentence) => [sentence.id, sentence.text]),
    ),
    problems,
  };
}

const firm = 'Shares of Acme Inc. Chief Executive Jane Doe sold hers. Others kept theirs.';

describe('sentence corrections in parseArticle', () => {
  it('merges a cut after an abbreviation the splitter does not know, renumbering what follows', () => {
    expect(sentencesOf(`${firm}\n\nA second paragraph.`).sentences).toEqual([
      ['p1.s1', 'Shares of Acme Inc.'],
      ['p1.s2', 'Chief Executive Jane Doe sold hers.'],
      ['p1.s3', 'Others kept theirs.'],
      ['p2.s1', 'A second paragraph.'],
    ]);
    const merged = sentencesOf(`${firm}\n\nA second paragraph.`, [
      { paragraph: 'p1', action: 'merge', before: 'Acme Inc.', after: 'Chief' },
    ]);
    expect(merged).toEqual({
      sentences: [
        ['p1.s1', 'Shares of Acme Inc. Chief Executive Jane Doe sold hers.'],
        ['p1.s2', 'Others kept theirs.'],
        ['p2.s1', 'A second paragraph.'],
      ],
      problems: [],
    });
  });

  it('splits a run-on sentence the splitter missed, with offsets into the paragraph', () => {
    const text = 'The rain stopped at noon; then the crowd came back.';
    const { article, problems } = parseArticle(
      {
        ...meta,
        sentenceCorrections: [
          { paragraph: 'p1', action: 'split', before: 'at noon;', after: 'then the' },
        ],
      },
      text,
    );
    expect(problems).toEqual([]);
    const sentences = article.paragraphs[0]?.sentences ?? [];
    expect(sentences.map(({ id, text: sentence }) => [id, sentence])).toEqual([
      ['p1.s1', 'The rain stopped at noon;'],
      ['p1.s2', 'then the crowd came back.'],
    ]);
    for (const sentence of sentences)
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('matches the words with any spacing and straight or curly quotes', () => {
    const { sentences, problems } = sentencesOf('He said “stop.” Then he left.', [
      { paragraph: 'p1', action: 'merge', before: '"stop."', after: 'Then   he' },
    ]);
    expect(problems).toEqual([]);
    expect(sentences).toEqual([['p1.s1', 'He said “stop.” Then he left.']]);
  });

  it.each<[string, SentenceCorrection, RegExp]>([
    [
      'words no longer in the paragraph',
      { paragraph: 'p1', action: 'merge', before: 'Acme Corp.', after: 'Chief' },
      /are not in paragraph p1/,
    ],
    [
      'words that name two places',
      { paragraph: 'p1', action: 'split', before: 'kept', after: 'theirs' },
      /appear 2 times in paragraph p1/,
    ],
    [
      'a merge where there is no break',
      { paragraph: 'p1', action: 'merge', before: 'Jane', after: 'Doe' },
      /nothing to merge/,
    ],
    [
      'a split where there already is a break',
      { paragraph: 'p1', action: 'split', before: 'hers.', after: 'Others' },
      /already has a sentence break/,
    ],
    [
      'a paragraph that does not exist',
      { paragraph: 'p9', action: 'merge', before: 'Acme Inc.', after: 'Chief' },
      /There is no paragraph p9/,
    ],
  ])('reports %s and leaves the sentences as they were', (_, correction, message) => {
    const text = `${firm} They kept theirs.`;
    const { sentences, problems } = sentencesOf(text, [correction]);
    expect(sentences).toEqual(sentencesOf(text).sentences);
    expect(problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(message) as unknown }),
    ]);
  });

  it('reports a stale correction at its entry in the front matter, with line and column', () => {
    const file = [
      '---',
      'id: sample',
      'title: Sample',
      'summary: A sample.',
      'sources: [Nobody]',
      'genre: news report',
      'note: Made up.',
      'language: en',
      'sentenceCorrections:',
      '  - paragraph: p1',
      '    action: merge',
      '    before: Acme Inc.',
      '    after: Chief',
      '  - paragraph: p1',
      '    action: merge',
      '    before: Acme Corp.',
      '    after: Chief',
      '---',
      '',
      firm,
    ].join('\n');
    const { problems, article } = readArticle('sample/article.md', file, 'sample');
    expect(problems).toEqual([
      {
        file: 'sample/article.md',
        line: 14,
        column: 5,
        message: expect.stringContaining('"Acme Corp. | Chief" are not in paragraph p1') as unknown,
      },
    ]);
    expect(article.paragraphs[0]?.sentences).toHaveLength(2);
  });
});

describe('mergeCorrection and splitCorrection', () => {
  const text = 'It rained. It rained. It rained again.';
  const paragraph = { id: 'p3', text, sentences: splitSentences(text) };

  it('name the break with as few words on each side as make it unique in the paragraph', () => {
    expect(mergeCorrection(paragraph, 0)).toEqual({
      paragraph: 'p3',
      action: 'merge',
      before: 'It rained.',
      after: 'It rained.',
    });
    expect(mergeCorrection(paragraph, 1)).toEqual({
      paragraph: 'p3',
      action: 'merge',
      before: 'rained. It rained.',
      after: 'It rained again.',
    });
    expect(mergeCorrection(paragraph, 2)).toBeUndefined();
  });

  it('split at the start of a word inside a sentence, and nowhere else', () => {
    const at = text.indexOf('again');
    expect(splitCorrection(paragraph, at)).toEqual({
      paragraph: 'p3',
      action: 'split',
      before: 'rained',
      after: 'again.',
    });
    expect(splitCorrection(paragraph, 0)).toBeUndefined();
    expect(splitCorrection(paragraph, text.indexOf(' It'))).toBeUndefined();
  });
});

const wordArbitrary = fc.constantFrom('cat', 'sat', 'the', 'mat', 'Dr.', 'ran', 'far', 'U.S.', 'a');
const paragraphArbitrary = fc
  .array(fc.array(wordArbitrary, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 })
  .map((sentences) =>
    sentences.map((words) => `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`).join(' '),
  );

describe('sentence corrections: properties', () => {
  it('change nothing when there are none', () => {
    fc.assert(
      fc.property(paragraphArbitrary, (text) => {
        const corrected = parseArticle({ ...meta, sentenceCorrections: [] }, text);
        const plain = parseArticle(meta, text);
        expect(corrected.problems).toEqual(plain.problems);
        expect(corrected.article.paragraphs).toEqual(plain.article.paragraphs);
        expect(applySentenceCorrections(text, splitSentences(text), []).sentences).toEqual(
          splitSentences(text),
        );
      }),
    );
  });

  it('restore the original when a merge is followed by a split at the same place', () => {
    fc.assert(
      fc.property(paragraphArbitrary, fc.nat(), (text, pick) => {
        const sentences = splitSentences(text);
        fc.pre(sentences.length > 1);
        const merge = mergeCorrection({ id: 'p1', text, sentences }, pick % (sentences.length - 1));
        if (!merge) throw new Error('a sentence before the last has a break after it');
        const corrected = applySentenceCorrections(text, sentences, [
          { index: 0, correction: merge },
          { index: 1, correction: { ...merge, action: 'split' } },
        ]);
        expect(corrected).toEqual({ sentences, problems: [] });
      }),
    );
  });

  it('restore the original when a split is followed by a merge at the same place', () => {
    fc.assert(
      fc.property(paragraphArbitrary, fc.nat(), (text, pick) => {
        const sentences = splitSentences(text);
        const wordStarts = [...text.matchAll(/(?<=\s)\S/g)].map((match) => match.index);
        const split = splitCorrection(
          { id: 'p1', text, sentences },
          wordStarts[pick % Math.max(1, wordStarts.length)] ?? 0,
        );
        fc.pre(split !== undefined);
        if (!split) return;
        const once = applySentenceCorrections(text, sentences, [{ index: 0, correction: split }]);
        expect(once.problems).toEqual([]);
        expect(once.sentences).toHaveLength(sentences.length + 1);
        const back = applySentenceCorrections(text, once.sentences, [
          { index: 0, correction: { ...split, action: 'merge' } },
        ]);
        expect(back).toEqual({ sentences, problems: [] });
      }),
    );
  });
});
