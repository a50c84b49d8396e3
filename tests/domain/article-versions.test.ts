import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleMeta } from '../../src/domain/article';
import { questionsWithUnresolvedEvidence } from '../../src/domain/article-versions';

// Self-written texts: a first version and an edited one.
const meta: ArticleMeta = {
  id: 'harbour',
  title: 'Harbour',
  summary: 'A harbour reopens.',
  sources: ['The council'],
  genre: 'news report',
  note: 'Made up.',
  language: 'en',
};
const first = [
  'The harbour reopened on Monday after two weeks of repairs.',
  'The council said the work cost 40,000 pounds. Fishing boats returned the same day.',
].join('\n\n');
const edited = [
  'The harbour reopened on Tuesday after two weeks of repairs.',
  'The council said the work cost 40,000 pounds. Fishing boats returned the same day.',
  'Fishing boats returned the same day, the harbour master said.',
].join('\n\n');

const bank = {
  questions: [
    { id: 'when', evidence: ['The harbour reopened on Monday'] },
    { id: 'cost', evidence: ['the work cost 40,000 pounds'] },
    {
      id: 'boats',
      evidence: [
        'Fishing boats returned the same day',
        { quote: 'two weeks', after: 'on Monday' },
        { quote: 'repairs', after: 'reopened' },
      ],
    },
  ],
};

describe('questionsWithUnresolvedEvidence', () => {
  it('finds nothing when every quote still resolves', () => {
    expect(questionsWithUnresolvedEvidence(bank, parseArticle(meta, first).article)).toEqual([]);
  });

  it('lists the questions whose quotes the new version loses, with each quote and why', () => {
    const result = questionsWithUnresolvedEvidence(bank, parseArticle(meta, edited).article);
    expect(result).toEqual([
      {
        questionId: 'when',
        questionIndex: 0,
        quotes: [
          {
            quoteIndex: 0,
            quote: 'The harbour reopened on Monday',
            reason: 'not-found',
            message: expect.stringContaining('is not in the article') as unknown,
            path: ['questions', 0, 'evidence', 0],
          },
        ],
      },
      {
        questionId: 'boats',
        questionIndex: 2,
        quotes: [
          {
            quoteIndex: 0,
            quote: 'Fishing boats returned the same day',
            reason: 'ambiguous',
            message: expect.stringContaining('appears 2 times (in p2, p3)') as unknown,
            path: ['questions', 2, 'evidence', 0],
          },
          {
            quoteIndex: 1,
            quote: { quote: 'two weeks', after: 'on Monday' },
            reason: 'context-not-found',
            message: 'The context "on Monday" given in "after" is not in the article.',
            path: ['questions', 2, 'evidence', 1],
          },
        ],
      },
    ]);
  });

  it('does not list a question whose quote resolves to sentences numbered differently', () => {
    const inserted = `A new first paragraph.\n\n${first}`;
    const { article } = parseArticle(meta, inserted);
    expect(questionsWithUnresolvedEvidence(bank, article)).toEqual([]);
  });

  it('follows a split sentence: the quote still resolves, across both sentences', () => {
    const { article } = parseArticle(
      {
        ...meta,
        sentenceCorrections: [
          { paragraph: 'p1', action: 'split', before: 'on Monday', after: 'after two' },
        ],
      },
      first,
    );
    expect(article.paragraphs[0]?.sentences).toHaveLength(2);
    expect(
      questionsWithUnresolvedEvidence(
        { questions: [{ id: 'span', evidence: ['on Monday after two weeks'] }] },
        article,
      ),
    ).toEqual([]);
  });
});
