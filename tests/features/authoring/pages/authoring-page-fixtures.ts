import { readArticle } from '../../../../src/content/read-article';
import { readabilityOfSentences } from '../../../../src/domain/readability';
import type { ArticleDraft } from '../../../../src/lib/authoring-api-client';

export const ARTICLE_ID = 'harbour-bridge-k2m9x1';

/**
 * A self-written text for these tests (no outside source), with two places the sentence splitter
 * gets wrong: it misses the end after "a.m." and cuts inside the quoted question.
 */
export const ARTICLE_BODY = [
  'The council voted at 3 a.m. Nobody came to watch.',
  '',
  '## The cost',
  '',
  'The treasurer wrote "Why? Because." and left. Work starts in May.',
].join('\n');

export function articleText({
  title = 'Town votes to repair the harbour bridge',
  body = ARTICLE_BODY,
  extra = '',
}: { title?: string; body?: string; extra?: string } = {}): string {
  return [
    '---',
    `id: ${ARTICLE_ID}`,
    `title: ${title}`,
    'summary: The council agrees to repair the old bridge.',
    'sources:',
    '  - The town council minutes',
    'genre: news report',
    'note: A made-up report written for these tests.',
    'language: en',
    ...(extra === '' ? [] : [extra]),
    '---',
    '',
    body,
    '',
  ].join('\n');
}

/** The draft as `GET /api/teacher/articles/:id` answers it, checked as the server checks it. */
export function articleDraft(text: string, changes: Partial<ArticleDraft> = {}): ArticleDraft {
  const { article, problems } = readArticle(`${ARTICLE_ID}/article.md`, text, ARTICLE_ID);
  return {
    id: ARTICLE_ID,
    revision: 1,
    text,
    problems,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    article,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    readability: readabilityOfSentences(
      article.paragraphs.flatMap((paragraph) => paragraph.sentences.map(({ text }) => text)),
    ),
    versions: [],
    ...changes,
  } as ArticleDraft;
}
