import { createRoute, z } from '@hono/zod-openapi';
import type { Selectable } from 'kysely';
import type { LoadedContent } from '../../content/load-content';
import { readabilityOfSentences } from '../../domain/readability';
import type { AppDatabase } from '../db/database';
import { lockUntilCommit } from '../db/dialect';
import type { AuthoredArticleTable } from '../db/schema';
import { createTeacherRouter, jsonBody, jsonResponse } from '../http/create-router';
import { ApiError, errorResponse } from '../http/errors';
import type { TeacherSessions } from '../teachers/session';
import { cookieAuth, notSignedIn, sameOriginRefused } from '../teachers/teacher-openapi';
import {
  assembleArticleText,
  checkArticleText,
  claimNewId,
  frontMatterField,
  problemsError,
  questionsToFix,
  saveOwnDraft,
} from './authored-content';
import {
  getOwnArticle,
  insertArticleDraft,
  insertArticleVersion,
  listArticleVersions,
  listOwnArticles,
  listOwnBanks,
} from './authoring-queries';
import {
  articleDraftSchema,
  articleDraftSummarySchema,
  articleParams,
  saveDraftSchema,
  staleRevision,
  textSchema,
  unprocessableContent,
} from './authoring-schemas';

export interface AuthoringRoutesOptions {
  db: AppDatabase;
  content: LoadedContent;
  sessions: TeacherSessions;
  now: () => Date;
}

const articleNotFound = errorResponse(
  '`article-not-found`: the signed-in teacher has no article with this id.',
);
const tooLong = errorResponse('`article-too-long`: the article has more than 20,000 words.');

const newArticleSchema = z
  .strictObject({
    fields: z.record(z.string(), z.unknown()).openapi({
      description:
        'The front matter but `id` (title, summary, sources, genre, note, language, ...); the server gives the article its id.',
      example: { title: 'A day at the harbour', language: 'en' },
    }),
    body: textSchema.openapi({
      description: 'The text in Markdown: paragraphs separated by blank lines, `## ` headings.',
    }),
  })
  .openapi('NewArticle');

const createArticleRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['authoring'],
  summary: 'Creates an article draft from its front-matter fields and Markdown body',
  security: cookieAuth,
  request: { body: jsonBody(newArticleSchema) },
  responses: {
    201: jsonResponse('The draft, checked.', articleDraftSchema),
    400: errorResponse('`invalid-request`: a field fails its schema.'),
    401: notSignedIn,
    403: sameOriginRefused,
    422: tooLong,
  },
});

const listArticlesRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['authoring'],
  summary: "The signed-in teacher's own articles, last edited first",
  security: cookieAuth,
  responses: {
    200: jsonResponse('Every article of the teacher.', z.array(articleDraftSummarySchema)),
    401: notSignedIn,
  },
});

const getArticleRoute = createRoute({
  method: 'get',
  path: '/{articleId}',
  tags: ['authoring'],
  summary: 'One article draft: its text, parsed paragraphs and sentences, problems and versions',
  security: cookieAuth,
  request: { params: articleParams },
  responses: {
    200: jsonResponse('The draft, checked.', articleDraftSchema),
    401: notSignedIn,
    404: articleNotFound,
  },
});

const saveArticleRoute = createRoute({
  method: 'put',
  path: '/{articleId}',
  tags: ['authoring'],
  summary: 'Saves the draft (autosave); problems do not prevent saving',
  security: cookieAuth,
  request: { params: articleParams, body: jsonBody(saveDraftSchema) },
  responses: {
    200: jsonResponse('The draft as saved, checked.', articleDraftSchema),
    400: errorResponse('`invalid-request`: a field fails its schema.'),
    401: notSignedIn,
    403: sameOriginRefused,
    404: articleNotFound,
    409: staleRevision,
    422: tooLong,
  },
});

const publishedArticleSchema = z
  .object({
    version: z.int(),
    publishedAt: z.string(),
    banksToFix: z
      .array(
        z.object({
          bankId: z.string(),
          questions: z.array(
            z.object({
              questionId: z.string(),
              questionIndex: z.int(),
              quotes: z.array(
                z.object({
                  quoteIndex: z.int(),
                  message: z.string(),
                  path: z.array(z.union([z.string(), z.int()])),
                }),
              ),
            }),
          ),
        }),
      )
      .openapi({
        description:
          "The teacher's banks on this article whose drafts have evidence this version no longer resolves: each question, its quotes that fail, why, and their paths in the bank.",
      }),
  })
  .openapi('PublishedArticle');

const publishArticleRoute = createRoute({
  method: 'post',
  path: '/{articleId}/publish',
  tags: ['authoring'],
  summary: 'Publishes the draft as a new immutable version',
  description:
    'Publishing the same text as the latest version adds no version. Banks published on earlier versions keep them, as do their assignments and attempts.',
  security: cookieAuth,
  request: { params: articleParams },
  responses: {
    200: jsonResponse('The version published.', publishedArticleSchema),
    401: notSignedIn,
    403: sameOriginRefused,
    404: articleNotFound,
    422: unprocessableContent('`article-has-problems`: the draft has problems.'),
  },
});

function notFound(): ApiError {
  return new ApiError(404, 'article-not-found', 'You have no article with this id.');
}

/** A draft as the editor shows it: text, the article parsed from it, problems and versions. */
async function describeArticleDraft(db: AppDatabase, row: Selectable<AuthoredArticleTable>) {
  const { article, problems } = checkArticleText(row.id, row.draft_text);
  const versions = await listArticleVersions(db, row.id);
  return {
    id: row.id,
    revision: row.revision,
    text: row.draft_text,
    problems,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    article,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    readability: readabilityOfSentences(
      article.paragraphs.flatMap((paragraph) => paragraph.sentences.map(({ text }) => text)),
    ),
    versions: versions.map(({ version, publishedAt }) => ({ version, publishedAt })),
  };
}

/** The draft of the signed-in teacher's article, or a 404 like a missing one. */
export async function loadOwnArticle(db: AppDatabase, teacherId: string, articleId: string) {
  const row = await getOwnArticle(db, teacherId, articleId);
  if (!row) throw notFound();
  return row;
}

export function createAuthoredArticleRoutes({
  db,
  content,
  sessions,
  now,
}: AuthoringRoutesOptions) {
  const router = createTeacherRouter();
  router.use('*', sessions.requireTeacher);
  return router
    .openapi(createArticleRoute, async (c) => {
      const { fields, body } = c.req.valid('json');
      const title = typeof fields.title === 'string' ? fields.title : '';
      const id = await claimNewId(db, content, 'article', title);
      const text = assembleArticleText({ ...fields, id }, body);
      checkArticleText(id, text);
      await insertArticleDraft(db, {
        id,
        teacherId: c.var.teacher.id,
        text,
        at: now().toISOString(),
      });
      return c.json(
        await describeArticleDraft(db, await loadOwnArticle(db, c.var.teacher.id, id)),
        201,
      );
    })
    .openapi(listArticlesRoute, async (c) => {
      const rows = await listOwnArticles(db, c.var.teacher.id);
      const summaries = [];
      for (const row of rows) {
        const title = frontMatterField(row.draft_text, 'title');
        summaries.push({
          id: row.id,
          title: typeof title === 'string' ? title : null,
          revision: row.revision,
          updatedAt: row.updated_at,
          latestVersion: (await listArticleVersions(db, row.id))[0]?.version ?? null,
        });
      }
      return c.json(summaries, 200);
    })
    .openapi(getArticleRoute, async (c) => {
      const { articleId } = c.req.valid('param');
      const row = await loadOwnArticle(db, c.var.teacher.id, articleId);
      return c.json(await describeArticleDraft(db, row), 200);
    })
    .openapi(saveArticleRoute, async (c) => {
      const { articleId } = c.req.valid('param');
      const { revision, text } = c.req.valid('json');
      const save = { id: articleId, teacherId: c.var.teacher.id, revision, text };
      const current = await saveOwnDraft(
        db,
        'article',
        { ...save, at: now().toISOString() },
        {
          load: loadOwnArticle,
          check: () => checkArticleText(articleId, text),
          describe: (row) => describeArticleDraft(db, row),
        },
      );
      return c.json(current, 200);
    })
    .openapi(publishArticleRoute, async (c) => {
      const { articleId } = c.req.valid('param');
      const teacherId = c.var.teacher.id;
      const publishedAt = now().toISOString();
      const published = await db.transaction().execute(async (trx) => {
        await lockUntilCommit(trx, `authored-article/${articleId}`);
        const row = await loadOwnArticle(trx, teacherId, articleId);
        const checked = checkArticleText(articleId, row.draft_text);
        if (checked.problems.length > 0) {
          throw problemsError(
            'article-has-problems',
            'Fix the article before publishing it:',
            checked.problems,
          );
        }
        const latest = (await listArticleVersions(trx, articleId))[0];
        if (latest?.text === row.draft_text) return { ...latest, article: checked.article };
        const version = await insertArticleVersion(trx, {
          articleId,
          text: row.draft_text,
          at: publishedAt,
        });
        return { version, publishedAt, text: row.draft_text, article: checked.article };
      });
      const banksToFix = [];
      for (const bank of await listOwnBanks(db, teacherId, articleId)) {
        const questions = questionsToFix(bank.draft_text, published.article);
        if (questions.length > 0) {
          banksToFix.push({
            bankId: bank.id,
            questions: questions.map(({ questionId, questionIndex, quotes }) => ({
              questionId,
              questionIndex,
              quotes: quotes.map(({ quoteIndex, message, path }) => ({
                quoteIndex,
                message,
                path,
              })),
            })),
          });
        }
      }
      return c.json(
        { version: published.version, publishedAt: published.publishedAt, banksToFix },
        200,
      );
    });
}
