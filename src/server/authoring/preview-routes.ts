import { createRoute, z } from '@hono/zod-openapi';
import type { ContentProblem } from '../../content/content-problem';
import type { BankVersion, ContentStore } from '../content/content-store';
import { saveContentSnapshot } from '../content/snapshot-queries';
import { insertAttempt } from '../attempts/attempt-queries';
import { describeNewAttempt, newAttemptSchema, prepareAttempt } from '../attempts/attempt-view';
import { createTeacherRouter, jsonBody, jsonResponse } from '../http/create-router';
import { ApiError, errorResponse } from '../http/errors';
import { slugSchema } from '../http/schemas';
import { cookieAuth, notSignedIn, sameOriginRefused } from '../teachers/teacher-openapi';
import type { AuthoringRoutesOptions } from './authored-article-routes';
import { checkOwnBankDraft, contentVersionOf, problemsError } from './authored-content';
import { getOwnBank, listBankVersions } from './authoring-queries';
import { bankParams, unprocessableContent } from './authoring-schemas';
import { deleteOldPreviews } from './preview-queries';

const previewRequestSchema = z
  .strictObject({
    questionId: slugSchema.optional().openapi({
      description: 'Preview this one question only; without it, the whole quiz.',
    }),
  })
  .openapi('PreviewRequest');

const previewSchema = newAttemptSchema
  .extend({
    previewOf: z
      .object({
        source: z.enum(['draft', 'published']).openapi({
          description:
            'draft: the draft as saved, which checks clean; published: the latest published version, because the draft has problems.',
        }),
        version: z.int().nullable().openapi({
          description: 'The published version previewed; null for the draft.',
        }),
        draftProblems: z.int().openapi({ description: 'How many problems the draft has.' }),
      })
      .openapi({ description: 'Which version of the quiz the preview shows.' }),
  })
  .openapi('Preview');

const startPreviewRoute = createRoute({
  method: 'post',
  path: '/{bankId}/preview',
  tags: ['authoring'],
  summary: 'Starts a preview of the teacher’s own quiz, or one question of it, in the quiz player',
  description:
    'An attempt as practice starts one (open it with its token at `/api/attempts/{attemptId}`), with three differences: it opens only with the token and this teacher’s session, its review shows everything at once, and it is in no gradebook, statistics, export or assignment. It shows the draft as saved when it checks clean, else the latest published version. Previews are deleted a week after they start.',
  security: cookieAuth,
  request: { params: bankParams, body: jsonBody(previewRequestSchema) },
  responses: {
    201: jsonResponse('The preview attempt, its token, and what it shows.', previewSchema),
    400: errorResponse('`invalid-request`: the body is not `{ "questionId"?: string }`.'),
    401: notSignedIn,
    403: sameOriginRefused,
    404: errorResponse(
      '`bank-not-found`: the signed-in teacher has no bank with this id; `question-not-found`: the quiz has no such question.',
    ),
    422: unprocessableContent(
      '`bank-has-problems`: the draft has problems and no version is published.',
    ),
  },
});

interface ChosenVersion {
  version: BankVersion;
  previewOf: z.infer<typeof previewSchema>['previewOf'];
  /** The draft's problems, when they made the preview fall back to the published version. */
  problems?: ContentProblem[];
}

/**
 * The version a preview shows: the draft as saved when it checks clean (its snapshot stored as a
 * publication would store it), else the latest published version; with neither, the problems.
 */
async function chooseVersion(
  { db, content, store }: AuthoringRoutesOptions & { store: ContentStore },
  teacherId: string,
  bankId: string,
  at: Date,
): Promise<ChosenVersion> {
  const row = await getOwnBank(db, teacherId, bankId);
  if (!row) throw new ApiError(404, 'bank-not-found', 'You have no bank with this id.');
  const { bankArticle, checked } = await checkOwnBankDraft(db, content, row);
  const draftProblems = checked.problems.length;
  if (draftProblems === 0 && checked.resolved) {
    const contentVersion = contentVersionOf(row.draft_text, bankArticle.text);
    await saveContentSnapshot(
      db,
      { contentVersion, bank: checked.resolved, article: bankArticle.article },
      at,
    );
    const version = await store.bankAtVersion(contentVersion);
    if (version) return { version, previewOf: { source: 'draft', version: null, draftProblems } };
  }
  const latest = (await listBankVersions(db, bankId))[0];
  const version = latest && (await store.bankAtVersion(latest.contentVersion));
  if (!latest || !version) {
    throw problemsError(
      'bank-has-problems',
      'Fix the quiz before previewing it:',
      checked.problems,
    );
  }
  return {
    version,
    previewOf: { source: 'published', version: latest.version, draftProblems },
    problems: checked.problems,
  };
}

/** `/api/teacher/banks/{bankId}/preview`: the teacher previews their own quiz as a student would. */
export function createPreviewRoutes(options: AuthoringRoutesOptions & { store: ContentStore }) {
  const { db, store, sessions, now } = options;
  const router = createTeacherRouter();
  // Only this route: the bank routes mounted beside it check the session themselves.
  router.use('/:bankId/preview', sessions.requireTeacher);
  return router.openapi(startPreviewRoute, async (c) => {
    const { bankId } = c.req.valid('param');
    const { questionId } = c.req.valid('json');
    const teacherId = c.var.teacher.id;
    const startedAt = now();
    const chosen = await chooseVersion(options, teacherId, bankId, startedAt);
    if (questionId !== undefined && !chosen.version.questionsById.has(questionId)) {
      // A question written since the last publication, in a draft with problems.
      if (chosen.problems) {
        throw problemsError(
          'bank-has-problems',
          'Fix the quiz before previewing this question:',
          chosen.problems,
        );
      }
      throw new ApiError(404, 'question-not-found', `The quiz has no question "${questionId}".`);
    }
    await deleteOldPreviews(db, teacherId, startedAt);
    const started = prepareAttempt(
      chosen.version,
      {
        shuffleQuestions: true,
        shuffleOptions: true,
        ...(questionId !== undefined && { questionIds: [questionId] }),
      },
      {
        reviewPolicy: 'immediately',
        startedAt: startedAt.toISOString(),
        deadline: null,
        assignmentId: null,
        studentName: null,
        studentKey: null,
        previewTeacherId: teacherId,
      },
    );
    await insertAttempt(db, started.attempt);
    const attempt = await describeNewAttempt({ db, store }, started);
    return c.json({ ...attempt, previewOf: chosen.previewOf }, 201);
  });
}
