import { createRoute, z } from '@hono/zod-openapi';
import type { LoadedContent } from '../../content/load-content';
import { importedBankTitle, writeImportedBankFile } from '../../content/interop/imported-bank-file';
import { buildLmsExport } from '../../content/interop/lms-export';
import { LmsUploadError, readLmsUpload } from '../../content/interop/lms-upload';
import { INTEROP_CODECS } from '../../domain/interop/codecs';
import {
  INTEROP_FORMATS,
  type BankExportInput,
  type InteropNote,
} from '../../domain/interop/interop-format';
import type { AppDatabase } from '../db/database';
import { getContentSnapshot } from '../content/snapshot-queries';
import { createTeacherRouter, jsonResponse } from '../http/create-router';
import { ApiError, errorResponse } from '../http/errors';
import { slugSchema } from '../http/schemas';
import { cookieAuth, notSignedIn, sameOriginRefused } from '../teachers/teacher-openapi';
import type { AuthoringRoutesOptions } from './authored-article-routes';
import {
  checkOwnBankDraft,
  checkBankText,
  claimNewId,
  findBankArticle,
  problemsError,
} from './authored-content';
import { getOwnBank, insertBankDraft, listBankVersions } from './authoring-queries';
import { bankParams, fileUploadBody } from './authoring-schemas';

const interopNoteSchema = z
  .object({
    kind: z.enum(['lossy', 'skipped', 'unsupported', 'invalid']).openapi({
      description:
        '`lossy`: moved, but something the format has no place for was left behind; `skipped`: an exported question the format cannot hold; `unsupported`: an imported question of a type Readproof does not score; `invalid`: an imported question that could not be read.',
    }),
    questionId: z.string().optional(),
    name: z.string().optional().openapi({ description: 'The question’s name in the file.' }),
    file: z.string().optional().openapi({ description: 'The file within a package.' }),
    line: z.int().optional().openapi({ description: '1-based line in the imported file.' }),
    message: z.string(),
  })
  .openapi('InteropNote');

const formatQuery = z.object({
  format: z.enum(INTEROP_FORMATS).openapi({
    description: '`gift` (a .gift text file), `moodle-xml` (one .xml file) or `qti3` (a zip).',
  }),
});

const exportSourceDescription =
  "A shipped bank as it ships; the teacher's own bank at its latest published version, or its draft if it was never published and has no problems.";

const exportErrors = {
  401: notSignedIn,
  404: errorResponse(
    '`bank-not-found`: no shipped bank nor the signed-in teacher’s own has this id.',
  ),
  422: errorResponse(
    '`bank-has-problems`: a bank never published whose draft has problems (`details.problems`); fix or publish it first.',
  ),
} as const;

const exportRoute = createRoute({
  method: 'get',
  path: '/{bankId}/export',
  tags: ['interop'],
  summary: 'A bank as a GIFT, Moodle XML or QTI 3.0 file for an LMS',
  description: `${exportSourceDescription} The export holds the key. What was mapped with a loss or skipped is in \`GET …/export/report\`.`,
  security: cookieAuth,
  request: { params: bankParams, query: formatQuery },
  responses: {
    200: {
      description: 'The file, as an attachment.',
      content: {
        'text/plain': { schema: z.string().openapi({ description: 'GIFT.' }) },
        'application/xml': { schema: z.string().openapi({ description: 'Moodle XML.' }) },
        'application/zip': {
          schema: z.string().openapi({ format: 'binary', description: 'A QTI 3.0 package.' }),
        },
      },
    },
    ...exportErrors,
  },
});

const exportReportSchema = z
  .object({
    bankId: z.string(),
    format: z.enum(INTEROP_FORMATS),
    fileName: z.string(),
    mediaType: z.string(),
    source: z.enum(['shipped', 'published', 'draft']).openapi({
      description: 'Which text of the bank is exported.',
    }),
    version: z.int().nullable().openapi({ description: 'The published version exported.' }),
    questionCount: z.int(),
    report: z.array(interopNoteSchema).openapi({
      description: 'Every question mapped with a loss (`lossy`) or left out (`skipped`), and why.',
    }),
  })
  .openapi('ExportReport');

const exportReportRoute = createRoute({
  method: 'get',
  path: '/{bankId}/export/report',
  tags: ['interop'],
  summary: 'What an export of the bank to the format leaves behind',
  description: `The same export as \`GET …/export\`, described: its file name, which text of the bank it holds, and its report. ${exportSourceDescription}`,
  security: cookieAuth,
  request: { params: bankParams, query: formatQuery },
  responses: {
    200: jsonResponse('The export’s report.', exportReportSchema),
    ...exportErrors,
  },
});

const importedBankSchema = z
  .object({
    bankId: z.string(),
    articleId: z.string(),
    title: z.string(),
    format: z.enum(INTEROP_FORMATS),
    questionCount: z.int(),
    report: z.array(interopNoteSchema).openapi({
      description:
        'Every question not imported (`unsupported`, `invalid`) or imported with a loss (`lossy`), with its name and line.',
    }),
  })
  .openapi('LmsImport');

const importRoute = createRoute({
  method: 'post',
  path: '/import-lms',
  tags: ['interop'],
  summary: 'Imports a GIFT, Moodle XML or QTI 3.0 file as a new draft bank on an article',
  description:
    'The format is read from the file: `.gift` or `.txt` GIFT, `.xml` Moodle XML (root `<quiz>`) or one QTI 3.0 item, `.zip` a QTI 3.0 package with `imsmanifest.xml`. The questions arrive without evidence (no format has it): the draft lists them as problems until the teacher sets it, so it cannot be published before. Nothing is saved when the file is refused.',
  security: cookieAuth,
  request: {
    body: fileUploadBody('At most 5 MB.', {
      articleId: slugSchema.openapi({
        description: "A shipped article's id, or one of the teacher's own articles.",
      }),
    }),
  },
  responses: {
    201: jsonResponse('The new draft bank and the import report.', importedBankSchema),
    400: errorResponse('`invalid-request`: no file or no article id in the form.'),
    401: notSignedIn,
    403: sameOriginRefused,
    404: errorResponse(
      '`article-not-found`: no shipped article nor the teacher’s own has this id.',
    ),
    413: errorResponse('`payload-too-large`: the file, or what a zip unpacks to, is over 5 MB.'),
    422: errorResponse(
      '`import-refused`: not a file of these formats, not UTF-8, malformed (the message names the file and line), a zip without a manifest or with a path outside it, no question Readproof can score (`details.report`), or more than 200 questions.',
    ),
  },
});

interface ExportableBank {
  input: BankExportInput;
  source: 'shipped' | 'published' | 'draft';
  version: number | null;
}

/** The bank an export holds; see `exportSourceDescription`. */
async function findExportableBank(
  db: AppDatabase,
  content: LoadedContent,
  teacherId: string,
  bankId: string,
): Promise<ExportableBank> {
  const shipped = content.banks.get(bankId);
  if (shipped) {
    return {
      input: { bank: shipped.bank, article: shipped.article },
      source: 'shipped',
      version: null,
    };
  }
  const own = await getOwnBank(db, teacherId, bankId);
  if (!own) throw new ApiError(404, 'bank-not-found', `You have no quiz "${bankId}".`);
  const latest = (await listBankVersions(db, bankId))[0];
  if (latest) {
    const snapshot = await getContentSnapshot(db, latest.contentVersion);
    // Publishing stores the snapshot first, and a snapshot is never deleted.
    if (!snapshot) throw new Error(`No content snapshot ${latest.contentVersion} for ${bankId}`);
    return {
      input: { bank: snapshot.bank, article: snapshot.article },
      source: 'published',
      version: latest.version,
    };
  }
  const { bankArticle, checked } = await checkOwnBankDraft(db, content, own);
  if (checked.problems.length > 0 || !checked.resolved) {
    throw problemsError(
      'bank-has-problems',
      'This quiz was never published and its draft has problems; fix them (or publish it) to export it:',
      checked.problems,
    );
  }
  return {
    input: { bank: checked.resolved, article: bankArticle.article },
    source: 'draft',
    version: null,
  };
}

function refused(message: string, details?: Record<string, unknown>): ApiError {
  return new ApiError(422, 'import-refused', message, details);
}

/**
 * The refusal of a file with no question to import: why, from its first `invalid` note (a file
 * that cannot be read at all), with the file and line, and the whole report in the details.
 */
function nothingImported(fileName: string, report: InteropNote[]): ApiError {
  const invalid = report.find((note) => note.kind === 'invalid');
  if (!invalid) {
    return refused(
      `${fileName} has no question Readproof can score, so no quiz was made. The report says why for each.`,
      { report },
    );
  }
  const file = invalid.file ?? fileName;
  const place = [
    file === fileName ? fileName : `${fileName}: ${file}`,
    invalid.line === undefined ? undefined : `line ${invalid.line}`,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  // Some importers' messages name the file already.
  const message = invalid.message.includes(file) ? invalid.message : `${place}: ${invalid.message}`;
  const more = report.length > 1 ? ` (and ${report.length - 1} more in the report)` : '';
  return refused(`${message}${more} Nothing was imported.`, { report });
}

export function createInteropRoutes({ db, content, sessions, now }: AuthoringRoutesOptions) {
  const router = createTeacherRouter();
  router.use('*', sessions.requireTeacher);
  return router
    .openapi(exportRoute, async (c) => {
      const { bankId } = c.req.valid('param');
      const { format } = c.req.valid('query');
      const { input } = await findExportableBank(db, content, c.var.teacher.id, bankId);
      const download = buildLmsExport(format, input);
      return c.body(download.bytes, 200, {
        'Content-Type': download.mediaType,
        'Content-Disposition': `attachment; filename="${download.fileName}"`,
      });
    })
    .openapi(exportReportRoute, async (c) => {
      const { bankId } = c.req.valid('param');
      const { format } = c.req.valid('query');
      const found = await findExportableBank(db, content, c.var.teacher.id, bankId);
      const { fileName, mediaType, report } = buildLmsExport(format, found.input);
      return c.json(
        {
          bankId,
          format,
          fileName,
          mediaType,
          source: found.source,
          version: found.version,
          questionCount: found.input.bank.questions.length,
          report,
        },
        200,
      );
    })
    .openapi(importRoute, async (c) => {
      const { file, articleId } = c.req.valid('form');
      const teacherId = c.var.teacher.id;
      const bankArticle = await findBankArticle(db, content, teacherId, articleId);
      if (!bankArticle) {
        throw new ApiError(404, 'article-not-found', `You have no article "${articleId}".`);
      }
      // The body limit keeps a request near 5 MB; `readLmsUpload` says so by the file's name.
      let upload;
      try {
        upload = readLmsUpload(file.name, new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        if (!(error instanceof LmsUploadError)) throw error;
        if (error.reason === 'too-large')
          throw new ApiError(413, 'payload-too-large', error.message);
        throw refused(error.message);
      }
      const codec = INTEROP_CODECS[upload.format];
      const imported = codec.importFiles(upload.files, {
        article: bankArticle.article,
        fileName: file.name,
      });
      if (imported.questions.length === 0) throw nothingImported(file.name, imported.report);
      const title = importedBankTitle(imported, file.name);
      const bankId = await claimNewId(db, content, 'bank', title);
      const { text, report } = writeImportedBankFile(imported, {
        bankId,
        title,
        articleId,
        fileName: file.name,
        formatLabel: codec.label,
      });
      // Refuses a bank over the question limit before anything is saved.
      checkBankText(bankId, text, bankArticle, content);
      await insertBankDraft(db, {
        id: bankId,
        teacherId,
        articleId,
        text,
        at: now().toISOString(),
      });
      return c.json(
        {
          bankId,
          articleId,
          title,
          format: upload.format,
          questionCount: imported.questions.length,
          report,
        },
        201,
      );
    });
}
