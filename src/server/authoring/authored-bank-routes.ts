import { readFile } from 'node:fs/promises';
import { createRoute, z } from '@hono/zod-openapi';
import type { Selectable } from 'kysely';
import type { AppDatabase } from '../db/database';
import { lockUntilCommit } from '../db/dialect';
import type { AuthoredBankTable } from '../db/schema';
import { saveContentSnapshot } from '../content/snapshot-queries';
import { createTeacherRouter, jsonBody, jsonResponse } from '../http/create-router';
import { ApiError, errorResponse } from '../http/errors';
import { articleSchema, slugSchema } from '../http/schemas';
import { cookieAuth, notSignedIn, sameOriginRefused } from '../teachers/teacher-openapi';
import type { AuthoringRoutesOptions } from './authored-article-routes';
import {
  articleOfOwnBank,
  checkBankText,
  checkOwnBankDraft,
  claimNewId,
  copyBankText,
  contentVersionOf,
  findBankArticle,
  newBankText,
  problemsError,
  saveOwnDraft,
} from './authored-content';
import {
  deleteBankDraft,
  getOwnArticle,
  getOwnBank,
  insertBankDraft,
  insertBankVersion,
  listArticleVersions,
  listBankVersions,
  listOwnBanks,
} from './authoring-queries';
import {
  bankDraftSchema,
  bankDraftSummarySchema,
  bankParams,
  saveDraftSchema,
  staleRevision,
  unprocessableContent,
} from './authoring-schemas';
import type { LoadedContent } from '../../content/load-content';

const bankNotFound = errorResponse(
  '`bank-not-found`: the signed-in teacher has no bank with this id.',
);
const tooLarge = errorResponse('`bank-too-large`: the bank has more than 200 questions.');

const newBankSchema = z
  .union([
    z.strictObject({
      articleId: slugSchema.openapi({
        description: "A shipped article's id, or one of the teacher's own articles.",
      }),
      title: z.string().trim().min(1).max(200),
    }),
    z.strictObject({
      duplicateOf: slugSchema.openapi({ description: 'A shipped bank to copy.' }),
    }),
  ])
  .openapi('NewBank');

const createBankRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['authoring'],
  summary: 'Creates a bank draft on an article, or a copy of a shipped bank',
  description:
    'A new bank has no questions (a draft: it cannot be published until it has one). A copy is the shipped file with a new bank id.',
  security: cookieAuth,
  request: { body: jsonBody(newBankSchema) },
  responses: {
    201: jsonResponse('The draft, checked.', bankDraftSchema),
    400: errorResponse('`invalid-request`: a field fails its schema.'),
    401: notSignedIn,
    403: sameOriginRefused,
    404: errorResponse(
      '`article-not-found` or `bank-not-found`: no shipped article or bank, nor the teacher’s own article, has this id.',
    ),
  },
});

const listBanksRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['authoring'],
  summary: "The signed-in teacher's own banks, last edited first",
  security: cookieAuth,
  responses: {
    200: jsonResponse('Every bank of the teacher.', z.array(bankDraftSummarySchema)),
    401: notSignedIn,
  },
});

const getBankRoute = createRoute({
  method: 'get',
  path: '/{bankId}',
  tags: ['authoring'],
  summary: 'One bank draft: its YAML, its problems against its article, and its versions',
  description:
    "Checked against the article's latest published version (its draft before the first publication).",
  security: cookieAuth,
  request: { params: bankParams },
  responses: {
    200: jsonResponse('The draft, checked.', bankDraftSchema),
    401: notSignedIn,
    404: bankNotFound,
  },
});

const bankArticleSchema = z
  .object({
    article: articleSchema.openapi({
      description:
        'The article as the bank is checked against it: the latest published version of the teacher’s article (its draft before the first publication), or the shipped article.',
    }),
    version: z.int().nullable().openapi({
      description: 'That published version’s number; null for a shipped or unpublished article.',
    }),
    unpublishedChanges: z.boolean().openapi({
      description:
        'The teacher’s article has a draft that differs from that version: questions on its new text wait for the article to be published.',
    }),
  })
  .openapi('BankArticle');

const getBankArticleRoute = createRoute({
  method: 'get',
  path: '/{bankId}/article',
  tags: ['authoring'],
  summary: 'The article version a bank is checked against, which its evidence is chosen on',
  security: cookieAuth,
  request: { params: bankParams },
  responses: {
    200: jsonResponse('The article the bank is checked against.', bankArticleSchema),
    401: notSignedIn,
    404: bankNotFound,
  },
});

const saveBankRoute = createRoute({
  method: 'put',
  path: '/{bankId}',
  tags: ['authoring'],
  summary: 'Saves the draft (autosave); problems do not prevent saving',
  security: cookieAuth,
  request: { params: bankParams, body: jsonBody(saveDraftSchema) },
  responses: {
    200: jsonResponse('The draft as saved, checked.', bankDraftSchema),
    400: errorResponse('`invalid-request`: a field fails its schema.'),
    401: notSignedIn,
    403: sameOriginRefused,
    404: bankNotFound,
    409: staleRevision,
    422: tooLarge,
  },
});

const publishedBankSchema = z
  .object({
    version: z.int(),
    publishedAt: z.string(),
    contentVersion: z.string().openapi({
      description:
        'sha-256 of the bank file and its article file, as `check:content` versions shipped banks.',
    }),
  })
  .openapi('PublishedBank');

const publishBankRoute = createRoute({
  method: 'post',
  path: '/{bankId}/publish',
  tags: ['authoring'],
  summary: 'Publishes the draft as a new immutable version, which assignments then use',
  description:
    "Checked against the article's latest published version, which it is published on. Publishing the same content as the latest version adds no version.",
  security: cookieAuth,
  request: { params: bankParams },
  responses: {
    200: jsonResponse('The version published.', publishedBankSchema),
    401: notSignedIn,
    403: sameOriginRefused,
    404: bankNotFound,
    409: errorResponse('`article-not-published`: publish the article first.'),
    422: unprocessableContent('`bank-has-problems`: the draft has problems.'),
  },
});

const deleteBankRoute = createRoute({
  method: 'delete',
  path: '/{bankId}',
  tags: ['authoring'],
  summary: 'Deletes a bank draft that was never published',
  security: cookieAuth,
  request: { params: bankParams },
  responses: {
    204: { description: 'Deleted.' },
    401: notSignedIn,
    403: sameOriginRefused,
    404: bankNotFound,
    409: errorResponse(
      '`bank-published`: the bank has a published version, which assignments may use.',
    ),
  },
});

function bankNotFoundError(): ApiError {
  return new ApiError(404, 'bank-not-found', 'You have no bank with this id.');
}

export async function loadOwnBank(db: AppDatabase, teacherId: string, bankId: string) {
  const row = await getOwnBank(db, teacherId, bankId);
  if (!row) throw bankNotFoundError();
  return row;
}

async function describeBankDraft(
  db: AppDatabase,
  content: LoadedContent,
  row: Selectable<AuthoredBankTable>,
) {
  const {
    checked: { problems },
  } = await checkOwnBankDraft(db, content, row);
  const versions = await listBankVersions(db, row.id);
  return {
    id: row.id,
    articleId: row.article_id,
    revision: row.revision,
    text: row.draft_text,
    problems,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    versions: versions.map(({ version, publishedAt }) => ({ version, publishedAt })),
  };
}

/** A new draft's article and text: a fresh bank on an article, or a copy of a shipped bank. */
async function draftToCreate(
  { db, content }: Pick<AuthoringRoutesOptions, 'db' | 'content'>,
  teacherId: string,
  request: z.infer<typeof newBankSchema>,
): Promise<{ id: string; articleId: string; text: string }> {
  if ('duplicateOf' in request) {
    const shipped = content.banks.get(request.duplicateOf);
    if (!shipped) {
      throw new ApiError(
        404,
        'bank-not-found',
        `There is no shipped bank "${request.duplicateOf}".`,
      );
    }
    const id = await claimNewId(db, content, 'bank', `${shipped.bank.id}-copy`);
    const text = copyBankText(await readFile(shipped.file, 'utf8'), id);
    return { id, articleId: shipped.article.meta.id, text };
  }
  const article = await findBankArticle(db, content, teacherId, request.articleId);
  if (!article) {
    throw new ApiError(404, 'article-not-found', `You have no article "${request.articleId}".`);
  }
  const id = await claimNewId(db, content, 'bank', request.title);
  return { id, articleId: article.id, text: newBankText(id, article.id, request.title) };
}

export function createAuthoredBankRoutes(options: AuthoringRoutesOptions) {
  const { db, content, sessions, now } = options;
  const router = createTeacherRouter();
  router.use('*', sessions.requireTeacher);
  return router
    .openapi(createBankRoute, async (c) => {
      const teacherId = c.var.teacher.id;
      const draft = await draftToCreate(options, teacherId, c.req.valid('json'));
      await insertBankDraft(db, { ...draft, teacherId, at: now().toISOString() });
      const row = await loadOwnBank(db, teacherId, draft.id);
      return c.json(await describeBankDraft(db, content, row), 201);
    })
    .openapi(listBanksRoute, async (c) => {
      const summaries = [];
      for (const row of await listOwnBanks(db, c.var.teacher.id)) {
        const title = /^title:[ \t]*(.*)$/m.exec(row.draft_text)?.[1]?.trim();
        summaries.push({
          id: row.id,
          articleId: row.article_id,
          title: title ?? null,
          revision: row.revision,
          updatedAt: row.updated_at,
          latestVersion: (await listBankVersions(db, row.id))[0]?.version ?? null,
        });
      }
      return c.json(summaries, 200);
    })
    .openapi(getBankRoute, async (c) => {
      const row = await loadOwnBank(db, c.var.teacher.id, c.req.valid('param').bankId);
      return c.json(await describeBankDraft(db, content, row), 200);
    })
    .openapi(getBankArticleRoute, async (c) => {
      const row = await loadOwnBank(db, c.var.teacher.id, c.req.valid('param').bankId);
      const { article, published, text } = await articleOfOwnBank(db, content, row);
      const own = await getOwnArticle(db, row.teacher_id, row.article_id);
      const version = own && published ? (await listArticleVersions(db, own.id))[0] : undefined;
      return c.json(
        {
          article,
          version: version?.version ?? null,
          unpublishedChanges: own !== undefined && published && own.draft_text !== text,
        },
        200,
      );
    })
    .openapi(saveBankRoute, async (c) => {
      const { bankId } = c.req.valid('param');
      const { revision, text } = c.req.valid('json');
      const save = { id: bankId, teacherId: c.var.teacher.id, revision, text };
      const current = await saveOwnDraft(
        db,
        'bank',
        { ...save, at: now().toISOString() },
        {
          load: loadOwnBank,
          check: async (row) =>
            checkBankText(bankId, text, await articleOfOwnBank(db, content, row), content),
          describe: (row) => describeBankDraft(db, content, row),
        },
      );
      return c.json(current, 200);
    })
    .openapi(publishBankRoute, async (c) => {
      const { bankId } = c.req.valid('param');
      const teacherId = c.var.teacher.id;
      const at = now();
      const published = await db.transaction().execute(async (trx) => {
        await lockUntilCommit(trx, `authored-bank/${bankId}`);
        const row = await loadOwnBank(trx, teacherId, bankId);
        const { bankArticle, checked } = await checkOwnBankDraft(trx, content, row);
        if (!bankArticle.published) {
          throw new ApiError(
            409,
            'article-not-published',
            'Publish the article first: a bank is published on a published version of its article.',
          );
        }
        if (checked.problems.length > 0 || !checked.resolved) {
          throw problemsError(
            'bank-has-problems',
            'Fix the bank before publishing it:',
            checked.problems,
          );
        }
        const contentVersion = contentVersionOf(row.draft_text, bankArticle.text);
        const latest = (await listBankVersions(trx, bankId))[0];
        if (latest?.contentVersion === contentVersion) return latest;
        await saveContentSnapshot(
          trx,
          { contentVersion, bank: checked.resolved, article: bankArticle.article },
          at,
        );
        const version = await insertBankVersion(trx, {
          bankId,
          text: row.draft_text,
          contentVersion,
          at: at.toISOString(),
        });
        return { version, publishedAt: at.toISOString(), contentVersion };
      });
      return c.json(
        {
          version: published.version,
          publishedAt: published.publishedAt,
          contentVersion: published.contentVersion,
        },
        200,
      );
    })
    .openapi(deleteBankRoute, async (c) => {
      const { bankId } = c.req.valid('param');
      await db.transaction().execute(async (trx) => {
        await lockUntilCommit(trx, `authored-bank/${bankId}`);
        await loadOwnBank(trx, c.var.teacher.id, bankId);
        if ((await listBankVersions(trx, bankId)).length > 0) {
          throw new ApiError(
            409,
            'bank-published',
            'This bank has a published version, which assignments may use, so it cannot be deleted.',
          );
        }
        await deleteBankDraft(trx, bankId);
      });
      return c.body(null, 204);
    });
}
