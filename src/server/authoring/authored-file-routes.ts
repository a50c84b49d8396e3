import { createRoute, z } from '@hono/zod-openapi';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { LoadedContent } from '../../content/load-content';
import { articleBodyFromUpload, ArticleUploadError } from '../../content/article-upload';
import { decodeUtf8, unzipWithin, ZipError } from '../../content/read-zip';
import type { AppDatabase } from '../db/database';
import { createTeacherRouter, jsonResponse } from '../http/create-router';
import { ApiError, errorResponse } from '../http/errors';
import { cookieAuth, notSignedIn, sameOriginRefused } from '../teachers/teacher-openapi';
import type { AuthoringRoutesOptions } from './authored-article-routes';
import {
  AUTHORING_LIMITS,
  articleFileName,
  bankFileName,
  checkArticleText,
  checkBankText,
  findBankArticle,
  frontMatterField,
  problemsError,
  type BankArticle,
} from './authored-content';
import {
  getOwnArticle,
  getOwnBank,
  insertArticleDraft,
  insertBankDraft,
  isAuthoredIdTaken,
  listArticleVersions,
  listBankVersions,
  listOwnBanks,
  saveDraft,
} from './authoring-queries';
import { articleParams, fileUploadBody } from './authoring-schemas';

const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
/** The only files an exported zip holds: `<article-id>/article.md` and `<article-id>/<bank-id>.yaml`. */
const ZIP_ENTRY = new RegExp(`^(${ID})/(?:(article)\\.md|(${ID})\\.yaml)$`);
const MAX_ZIP_FILES = 100;

const exportRoute = createRoute({
  method: 'get',
  path: '/{articleId}/export',
  tags: ['authoring'],
  summary: 'The article and the teacher’s banks on it as a zip in the repository’s format',
  description:
    "`<article-id>/article.md` and one `<article-id>/<bank-id>.yaml` per bank of the teacher's on the article: the latest published versions (a bank never published is left out), so `npm run check:content` accepts the folder unchanged in questions/. The article may be a shipped one, exported with the teacher's banks on it.",
  security: cookieAuth,
  request: { params: articleParams },
  responses: {
    200: {
      description: 'The zip.',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    401: notSignedIn,
    404: errorResponse(
      '`article-not-found`: no shipped article nor the teacher’s own has this id.',
    ),
    409: errorResponse('`article-not-published`: the article has no published version yet.'),
  },
});

const importedSchema = z
  .object({
    articleIds: z
      .array(z.string())
      .openapi({ description: 'Articles created or whose draft changed.' }),
    bankIds: z.array(z.string()).openapi({ description: 'Banks created or whose draft changed.' }),
  })
  .openapi('ImportedContent');

const importRoute = createRoute({
  method: 'post',
  path: '/import',
  tags: ['authoring'],
  summary: 'Imports an exported zip, an article.md or a bank .yaml as drafts',
  description:
    "Every file must pass `check:content`'s checks; then, in one transaction, each becomes a draft: a new one, or the teacher's own with the same id, whose draft text it replaces. A single bank file is checked against `articleId` (the query) or else the article its YAML names. Nothing is saved if any file is refused.",
  security: cookieAuth,
  request: {
    query: z.object({
      articleId: z.string().optional().openapi({ description: 'For a single bank file.' }),
    }),
    body: fileUploadBody('A .zip as exported, an article.md or a bank .yaml; at most 5 MB.'),
  },
  responses: {
    200: jsonResponse('What was imported.', importedSchema),
    400: errorResponse('`invalid-request`: no file in the form.'),
    401: notSignedIn,
    403: sameOriginRefused,
    413: errorResponse('`payload-too-large`: the file (or a file in the zip) is over 5 MB.'),
    422: errorResponse(
      '`import-refused`: a file is not one of the repository’s, is malformed, has problems (`details.problems` with file, line and column), names an article it is not with, or has an id another article or bank has.',
    ),
  },
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/upload',
  tags: ['authoring'],
  summary: 'Turns an uploaded .txt, .md or .docx into an article body in Markdown',
  description: 'Nothing is saved: the body is for a new article (`POST /api/teacher/articles`).',
  security: cookieAuth,
  request: { body: fileUploadBody('A .txt, .md or .docx file of at most 5 MB.') },
  responses: {
    200: jsonResponse(
      'The body: paragraphs separated by blank lines, `## ` headings.',
      z.object({ body: z.string() }).openapi('UploadedArticleBody'),
    ),
    400: errorResponse('`invalid-request`: no file in the form.'),
    401: notSignedIn,
    403: sameOriginRefused,
    413: errorResponse('`payload-too-large`: the file is over 5 MB.'),
    422: errorResponse('`unreadable-upload`: not a .txt, .md or .docx, or one with no text.'),
  },
});

function refused(message: string): ApiError {
  return new ApiError(422, 'import-refused', message);
}

function tooLarge(name: string, bytes: number): ApiError {
  return new ApiError(
    413,
    'payload-too-large',
    `${name} is ${(bytes / 1024 / 1024).toFixed(1)} MB; a file may be at most ${AUTHORING_LIMITS.uploadBytes / 1024 / 1024} MB.`,
  );
}

function decodeText(name: string, bytes: Uint8Array): string {
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    throw refused(`${name} is not UTF-8 text: save it as UTF-8 and import it again.`);
  }
  // PostgreSQL cannot store U+0000 in text, and no article or bank has it.
  if (text.includes('\u0000')) throw refused(`${name} holds the character U+0000: remove it.`);
  return text;
}

/** The files of an import, by their place in the repository's layout. */
interface ImportedFiles {
  articles: Map<string, string>;
  banks: { articleId: string; bankId: string; text: string }[];
}

function filesOfZip(name: string, bytes: Uint8Array): ImportedFiles {
  const files: ImportedFiles = { articles: new Map(), banks: [] };
  let entries: Map<string, Uint8Array>;
  try {
    entries = unzipWithin(bytes, AUTHORING_LIMITS.uploadBytes);
  } catch (error) {
    if (error instanceof ZipError && error.reason === 'too-large') {
      throw new ApiError(
        413,
        'payload-too-large',
        `${name} unpacks to more than ${AUTHORING_LIMITS.uploadBytes / 1024 / 1024} MB, the most an import may hold.`,
      );
    }
    throw refused(`${name} is not a zip file that can be read. Export it again.`);
  }
  for (const entryName of entries.keys()) {
    if (!ZIP_ENTRY.test(entryName)) {
      throw refused(
        `${name}: "${entryName}" is not a file of the repository's layout. A zip holds <article-id>/article.md and <article-id>/<bank-id>.yaml only.`,
      );
    }
  }
  if (entries.size > MAX_ZIP_FILES) {
    throw refused(`${name} holds ${entries.size} files; an import may hold ${MAX_ZIP_FILES}.`);
  }
  for (const [entryName, data] of entries) {
    const [, articleId = '', article, bankId] = ZIP_ENTRY.exec(entryName) ?? [];
    const text = decodeText(entryName, data);
    if (article) files.articles.set(articleId, text);
    else if (bankId) files.banks.push({ articleId, bankId, text });
  }
  return files;
}

function filesOfUpload(name: string, bytes: Uint8Array, articleId?: string): ImportedFiles {
  if (bytes.byteLength > AUTHORING_LIMITS.uploadBytes) throw tooLarge(name, bytes.byteLength);
  if (name.endsWith('.zip')) return filesOfZip(name, bytes);
  const text = decodeText(name, bytes);
  if (name.endsWith('.md')) {
    const id = frontMatterField(text, 'id');
    if (typeof id !== 'string' || !new RegExp(`^${ID}$`).test(id)) {
      throw refused(
        `${name}: the front matter has no article id (a line "id: my-article" between the "---" lines).`,
      );
    }
    return { articles: new Map([[id, text]]), banks: [] };
  }
  if (name.endsWith('.yaml')) {
    const bankId = /^id:[ \t]*(\S+)[ \t]*$/m.exec(text)?.[1];
    const named = /^article:[ \t]*(\S+)[ \t]*$/m.exec(text)?.[1];
    const folder = articleId ?? named;
    if (bankId === undefined || folder === undefined) {
      throw refused(`${name}: the bank has no "id:" or no "article:" line at the top level.`);
    }
    return { articles: new Map(), banks: [{ articleId: folder, bankId, text }] };
  }
  throw refused(`${name} is not a .zip, an article.md or a bank .yaml.`);
}

/** Saves imported files as drafts, all or none; throws on the first file refused. */
async function importFiles(
  trx: AppDatabase,
  content: LoadedContent,
  teacherId: string,
  files: ImportedFiles,
  at: string,
): Promise<z.infer<typeof importedSchema>> {
  const imported: z.infer<typeof importedSchema> = { articleIds: [], bankIds: [] };
  const articles = new Map<string, BankArticle>();
  for (const [id, text] of files.articles) {
    const file = articleFileName(id);
    const { article, problems } = checkArticleText(id, text);
    if (problems.length > 0)
      throw problemsError('import-refused', `${file} has problems:`, problems);
    articles.set(id, { id, article, text, published: false });
    if (content.articles.has(id)) {
      const shipped = await findBankArticle(trx, content, teacherId, id);
      if (shipped?.text !== text) {
        throw refused(
          `${file}: "${id}" is the id of a shipped article, and this text differs from it. Give your article another id in its front matter.`,
        );
      }
      continue;
    }
    const own = await getOwnArticle(trx, teacherId, id);
    if (own) {
      if (own.draft_text === text) continue;
      await saveDraft(trx, 'article', { id, teacherId, text, at });
    } else if (await isAuthoredIdTaken(trx, 'article', id)) {
      throw refused(
        `${file}: the id "${id}" is taken. Give the article another id in its front matter.`,
      );
    } else {
      await insertArticleDraft(trx, { id, teacherId, text, at });
    }
    imported.articleIds.push(id);
  }
  for (const { articleId, bankId, text } of files.banks) {
    const file = bankFileName(articleId, bankId);
    const bankArticle =
      articles.get(articleId) ?? (await findBankArticle(trx, content, teacherId, articleId));
    if (!bankArticle) {
      throw refused(
        `${file}: there is no article "${articleId}" in the import, among the shipped ones or among yours. Import the bank with its article.`,
      );
    }
    const { problems } = checkBankText(bankId, text, bankArticle, content);
    if (problems.length > 0)
      throw problemsError('import-refused', `${file} has problems:`, problems);
    const own = await getOwnBank(trx, teacherId, bankId);
    if (own) {
      if (own.article_id !== articleId) {
        throw refused(`${file}: your bank "${bankId}" is on the article "${own.article_id}".`);
      }
      if (own.draft_text === text) continue;
      await saveDraft(trx, 'bank', { id: bankId, teacherId, text, at });
    } else if (content.banks.has(bankId) || (await isAuthoredIdTaken(trx, 'bank', bankId))) {
      throw refused(`${file}: the bank id "${bankId}" is taken. Give the bank another id.`);
    } else {
      await insertBankDraft(trx, { id: bankId, teacherId, articleId, text, at });
    }
    imported.bankIds.push(bankId);
  }
  return imported;
}

/** The article's file and the latest published file of each of the teacher's banks on it. */
async function exportedFiles(
  db: AppDatabase,
  content: LoadedContent,
  teacherId: string,
  articleId: string,
): Promise<Zippable> {
  const article = await findBankArticle(db, content, teacherId, articleId);
  if (!article) throw new ApiError(404, 'article-not-found', `You have no article "${articleId}".`);
  const latestArticle = content.articles.has(articleId)
    ? article.text
    : (await listArticleVersions(db, articleId))[0]?.text;
  if (latestArticle === undefined) {
    throw new ApiError(
      409,
      'article-not-published',
      'Publish the article first: an export holds published versions.',
    );
  }
  // Flat names: a nested object would add a directory entry, which no file of questions/ is.
  const files: Zippable = { [articleFileName(articleId)]: strToU8(latestArticle) };
  for (const bank of await listOwnBanks(db, teacherId, articleId)) {
    const latest = (await listBankVersions(db, bank.id))[0];
    if (latest) files[bankFileName(articleId, bank.id)] = strToU8(latest.text);
  }
  return files;
}

async function bytesOf(file: File) {
  if (file.size > AUTHORING_LIMITS.uploadBytes) throw tooLarge(file.name, file.size);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function createAuthoredFileRoutes({ db, content, sessions, now }: AuthoringRoutesOptions) {
  const router = createTeacherRouter();
  router.use('*', sessions.requireTeacher);
  return router
    .openapi(exportRoute, async (c) => {
      const { articleId } = c.req.valid('param');
      const files = await exportedFiles(db, content, c.var.teacher.id, articleId);
      return c.body(zipSync(files), 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${articleId}.zip"`,
      });
    })
    .openapi(importRoute, async (c) => {
      const { name, bytes } = await bytesOf(c.req.valid('form').file);
      const files = filesOfUpload(name, bytes, c.req.valid('query').articleId);
      const at = now().toISOString();
      const imported = await db
        .transaction()
        .execute((trx) => importFiles(trx, content, c.var.teacher.id, files, at));
      return c.json(imported, 200);
    })
    .openapi(uploadRoute, async (c) => {
      const { name, bytes } = await bytesOf(c.req.valid('form').file);
      try {
        return c.json({ body: await articleBodyFromUpload(name, bytes) }, 200);
      } catch (error) {
        if (error instanceof ArticleUploadError) {
          throw new ApiError(422, 'unreadable-upload', error.message);
        }
        throw error;
      }
    });
}
