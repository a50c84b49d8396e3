import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/content/read-article';
import { ARTICLE_MAX_CHARACTERS, ARTICLE_MAX_WORDS } from '../../src/domain/article';

// Self-written front matter and text.
function articleFile(extra: string[], body = 'The harbour reopened on Monday.'): string {
  return [
    '---',
    'id: harbour',
    'title: Harbour',
    'summary: A harbour reopens.',
    'sources: [The council]',
    'genre: news report',
    'note: Made up.',
    'language: en',
    ...extra,
    '---',
    '',
    body,
  ].join('\n');
}

const read = (text: string) => readArticle('harbour/article.md', text, 'harbour');

describe('readArticle: origin', () => {
  it('reads where the text comes from into the meta; an unquoted year is the year', () => {
    const { article, problems } = read(
      articleFile([
        'origin:',
        '  publication: The Valley Post',
        '  date: 2025',
        '  url: https://example.org/harbour',
        '  licence: CC BY 4.0',
      ]),
    );
    expect(problems).toEqual([]);
    expect(article.meta.origin).toEqual({
      publication: 'The Valley Post',
      date: '2025',
      url: 'https://example.org/harbour',
      licence: 'CC BY 4.0',
    });
  });

  it('accepts any one field alone, and no origin at all', () => {
    expect(read(articleFile(['origin:', '  licence: Public domain'])).problems).toEqual([]);
    expect(read(articleFile([])).article.meta.origin).toBeUndefined();
  });

  it.each([
    ['  url: javascript:alert(1)', 8, 'starting with https:// or http://'],
    ['  url: ftp://example.org/a', 8, 'starting with https:// or http://'],
    ['  date: 2025-02-30', 9, 'Write the date as 2025-03-12, 2025-03 or 2025.'],
    ['  date: 12 March 2025', 9, 'Write the date as 2025-03-12, 2025-03 or 2025.'],
    ['  publication: ""', 16, 'Write some text here.'],
  ])('reports %s at its line', (line, column, message) => {
    const { problems } = read(articleFile(['origin:', line]));
    expect(problems).toEqual([
      {
        file: 'harbour/article.md',
        line: 10,
        column,
        message: expect.stringContaining(message) as unknown,
      },
    ]);
  });

  it('reports an empty origin, and an unknown field without adding "say at least one"', () => {
    expect(read(articleFile(['origin: {}'])).problems).toEqual([
      expect.objectContaining({
        line: 9,
        message: expect.stringContaining(
          'Say at least one of publication, date, url or licence',
        ) as unknown,
      }),
    ]);
    expect(read(articleFile(['origin:', '  author: Me'])).problems).toEqual([
      expect.objectContaining({
        line: 10,
        column: 3,
        message: expect.stringContaining('Unknown field "author"') as unknown,
      }),
    ]);
  });
});

describe('readArticle: length', () => {
  it(`refuses a text over ${ARTICLE_MAX_CHARACTERS} characters before splitting it`, () => {
    const huge = 'The harbour reopened. '.repeat(50_000);
    const started = performance.now();
    const { article, problems } = read(articleFile([], huge));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 10,
        message: expect.stringMatching(
          `^The article is \\d+ characters long; an article may have at most ${ARTICLE_MAX_WORDS} words`,
        ) as unknown,
      }),
    ]);
    expect(article.paragraphs).toEqual([]);
  });

  it(`reports an article over ${ARTICLE_MAX_WORDS} words`, () => {
    const long = `${'word '.repeat(ARTICLE_MAX_WORDS)}more.`;
    expect(read(articleFile([], long)).problems).toEqual([
      expect.objectContaining({
        message: `The article has ${ARTICLE_MAX_WORDS + 1} words; an article may have at most ${ARTICLE_MAX_WORDS}. Use an extract, or split it into two articles.`,
      }),
    ]);
  });
});
