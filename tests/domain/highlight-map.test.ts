import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleMeta } from '../../src/domain/article';
import { mapClassHighlights } from '../../src/domain/highlight-map';

const meta: ArticleMeta = {
  id: 'bridge',
  title: 'The bridge vote',
  summary: 'A vote.',
  sources: ['The council'],
  genre: 'news report',
  note: 'Made up.',
  language: 'en',
};

const { article } = parseArticle(
  meta,
  'The council voted on Monday. The bridge will be repaired.\n\n## Reactions\n\nThe mayor was pleased. Others were not.',
);

/** A question whose evidence names these sentences (only the ids matter here). */
function needing(...sentenceIds: string[]) {
  return {
    evidence: [{ quote: '', paragraphId: 'p1', start: 0, end: 0, sentenceIds }],
  };
}

describe('mapClassHighlights', () => {
  it('counts each student once per sentence, however many attempts or spans', () => {
    const map = mapClassHighlights({
      article,
      questions: [needing('p1.s1'), needing('p1.s1', 'p2.s2'), needing()],
      attempts: [
        { studentKey: 'ann', sentenceIds: ['p1.s1', 'p2.s1'] },
        { studentKey: 'ann', sentenceIds: ['p1.s1'] },
        { studentKey: 'bo', sentenceIds: ['p1.s1'] },
        { studentKey: 'cy', sentenceIds: [] },
      ],
    });

    expect(map).toMatchObject({ studentCount: 3, highlighterCount: 2 });
    expect(map.sections).toEqual([
      {
        id: 'intro',
        heading: null,
        paragraphs: [
          {
            id: 'p1',
            sentences: [
              {
                id: 'p1.s1',
                text: 'The council voted on Monday.',
                studentCount: 2,
                questionNumbers: [1, 2],
              },
              {
                id: 'p1.s2',
                text: 'The bridge will be repaired.',
                studentCount: 0,
                questionNumbers: [],
              },
            ],
          },
        ],
      },
      {
        id: 'reactions',
        heading: 'Reactions',
        paragraphs: [
          {
            id: 'p2',
            sentences: [
              { id: 'p2.s1', text: 'The mayor was pleased.', studentCount: 1, questionNumbers: [] },
              { id: 'p2.s2', text: 'Others were not.', studentCount: 0, questionNumbers: [2] },
            ],
          },
        ],
      },
    ]);
  });

  it('leaves out sentences the article does not have, and their students as highlighters', () => {
    const map = mapClassHighlights({
      article,
      questions: [],
      attempts: [{ studentKey: 'ann', sentenceIds: ['p9.s1'] }],
    });

    expect(map).toMatchObject({ studentCount: 1, highlighterCount: 0 });
  });

  it('is empty of counts without attempts, and still shows the evidence', () => {
    const map = mapClassHighlights({ article, questions: [needing('p1.s2')], attempts: [] });

    expect(map).toMatchObject({ studentCount: 0, highlighterCount: 0 });
    expect(map.sections[0]?.paragraphs[0]?.sentences[1]).toMatchObject({
      studentCount: 0,
      questionNumbers: [1],
    });
  });
});
