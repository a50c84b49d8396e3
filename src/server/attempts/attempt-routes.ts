import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { responseSchema } from '../../domain/response-schema';
import type { QuestionResponse } from '../../domain/responses';
import type { AttemptResult } from '../../domain/results';
import { validateResponse } from '../../domain/validate-response';
import {
  checkHighlight,
  HIGHLIGHT_COLOURS,
  HIGHLIGHT_LIMITS,
  parseHighlightKey,
} from '../../domain/highlights';
import { attemptNotFoundError, createAttemptAccess, type AttemptKeys } from './attempt-access';
import { expiredDeadlineAt, scoreAgainst, submitOverdueAttempts } from './attempt-lifecycle';
import {
  attemptIdSchema,
  attemptSchema,
  describeAttempt,
  describeNewAttempt,
  newAttemptSchema,
  prepareAttempt,
  previewFlagSchema,
} from './attempt-view';
import { versionOf, type ContentStore } from '../content/content-store';
import { createRouter, jsonBody, jsonResponse } from '../http/create-router';
import { getAssignment } from '../assignments/assignment-queries';
import type { AppDatabase } from '../db/database';
import {
  getAttempt,
  insertAttempt,
  listHighlights,
  saveHighlight,
  saveResponse,
  submitAttemptInNextCommit,
  type Attempt,
} from './attempt-queries';
import { ApiError, errorResponse } from '../http/errors';
import { decideAttemptReview, showResult, type ReviewDecision } from './review-access';
import { articleSchema, attemptResultSchema, highlightSchema, slugSchema } from '../http/schemas';

export interface AttemptRoutesOptions {
  db: AppDatabase;
  store: ContentStore;
  now: () => Date;
}

const questionIdSchema = slugSchema.openapi({ param: { name: 'questionId', in: 'path' } });

const reviewAccessSchema = z.enum(['none', 'score', 'full']).openapi({
  description:
    'What the review policy shows now: none; score (total and percent, breakdowns only by groups of 3 or more questions, `result.questions` empty); full (every question with its answer, explanation and evidence). Practice is full, and any review is none while held (see `reviewHeld`).',
});

const submissionSchema = z
  .object({
    attemptId: z.string(),
    status: z.literal('submitted'),
    submittedAt: z.string(),
    result: attemptResultSchema.nullable().openapi({
      description:
        'The scored result as the review policy shows it now (score only: no questions), or null when it shows nothing yet.',
    }),
    reviewAccess: reviewAccessSchema,
    reviewAvailable: z.boolean().openapi({
      description: '`GET .../review` answers now (reviewAccess is score or full).',
    }),
    reviewOpensAt: z.string().nullable().openapi({
      description:
        'When the review is expected to open, if it waits for a known time (the due time, or the due time of the class holding it); else null.',
    }),
    reviewHeld: z.boolean().openapi({
      description:
        'A class is being assessed on this quiz and has not seen its answers yet, so this attempt shows nothing (no key, no score) until it has.',
    }),
  })
  .openapi('Submission');

const reviewSchema = z
  .object({
    attemptId: z.string(),
    bankId: z.string(),
    articleId: z.string(),
    bankTitle: z.string().openapi({ description: 'The quiz, for the title of the results.' }),
    assignmentTitle: z.string().nullable().openapi({
      description: 'The assignment this attempt belongs to, or null for practice.',
    }),
    submittedAt: z.string(),
    reviewAccess: reviewAccessSchema.exclude(['none']),
    result: attemptResultSchema.openapi({
      description: 'With reviewAccess `score`, `questions` is empty.',
    }),
    article: articleSchema.openapi({
      description: 'The article as this attempt saw it, which the evidence offsets refer to.',
    }),
    highlights: z.array(highlightSchema).openapi({
      description: "The student's own highlights and notes, in reading order.",
    }),
    preview: previewFlagSchema,
    inLibrary: z.boolean().openapi({
      description:
        'Whether the quiz and its article are in the public library, where practice and the reader open them; false for a teacher’s own quiz.',
    }),
  })
  .openapi('Review');

const attemptParams = z.object({ attemptId: attemptIdSchema });
const responseParams = attemptParams.extend({ questionId: questionIdSchema });
const bearer = [{ bearerAuth: [] }];
const unauthorized = errorResponse('No `Authorization: Bearer <token>` header.');
const notFound = errorResponse('No attempt with this id opens with this token.');

const createAttemptRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['attempts'],
  summary: 'Starts an attempt at a quiz',
  request: { body: jsonBody(z.object({ bankId: slugSchema }).openapi('NewAttemptRequest')) },
  responses: {
    201: jsonResponse(
      "The attempt, its token, and the questions in this attempt's order.",
      newAttemptSchema,
    ),
    400: errorResponse('The body is not `{ "bankId": string }`.'),
    404: errorResponse('There is no bank with this id.'),
  },
});

const getAttemptRoute = createRoute({
  method: 'get',
  path: '/{attemptId}',
  tags: ['attempts'],
  summary: 'An attempt with its questions and saved answers',
  security: bearer,
  request: { params: attemptParams },
  responses: {
    200: jsonResponse('The attempt.', attemptSchema),
    401: unauthorized,
    404: notFound,
  },
});

const getAttemptArticleRoute = createRoute({
  method: 'get',
  path: '/{attemptId}/article',
  tags: ['attempts'],
  summary: 'The article as this attempt started on it, which the quiz shows beside its questions',
  description:
    'The version the attempt started on, a teacher’s own article as well as a shipped one (`GET /api/articles/{id}` has only the shipped ones, at their current version).',
  security: bearer,
  request: { params: attemptParams },
  responses: {
    200: jsonResponse('The article.', articleSchema),
    401: unauthorized,
    404: notFound,
  },
});

const savedResponseSchema = z
  .object({ questionId: z.string(), savedAt: z.string() })
  .openapi('SavedResponse');
const noSuchQuestion = errorResponse(
  'No attempt with this id opens with this token, or it has no such question.',
);
const answersClosed = errorResponse('The attempt is submitted, or its deadline has passed.');

const saveResponseRoute = createRoute({
  method: 'put',
  path: '/{attemptId}/responses/{questionId}',
  tags: ['attempts'],
  summary: 'Saves one answer (autosave: idempotent, the last write wins)',
  security: bearer,
  request: {
    params: responseParams,
    body: jsonBody(z.object({ response: responseSchema }).openapi('SaveResponseRequest')),
  },
  responses: {
    200: jsonResponse('Saved.', savedResponseSchema),
    400: errorResponse('The body is not `{ "response": <answer> }`.'),
    401: unauthorized,
    404: noSuchQuestion,
    409: answersClosed,
    422: errorResponse('The answer does not fit the question (an unknown option, sentence, ...).'),
  },
});

const clearResponseRoute = createRoute({
  method: 'delete',
  path: '/{attemptId}/responses/{questionId}',
  tags: ['attempts'],
  summary: 'Clears one answer (idempotent; a clear is a write, and the last write wins)',
  description:
    'The question is unanswered again. The attempt then lists no response for it, and its `savedAt` keeps when it was cleared.',
  security: bearer,
  request: { params: responseParams },
  responses: {
    200: jsonResponse('Cleared, or it had no answer.', savedResponseSchema),
    401: unauthorized,
    404: noSuchQuestion,
    409: answersClosed,
  },
});

const highlightKeySchema = z
  .string()
  .max(HIGHLIGHT_LIMITS.keyLength)
  .refine((key) => parseHighlightKey(key) !== undefined, {
    message:
      'A highlight key is a sentence id such as "p3.s1", with "_start-end" for a part of it ("p3.s1_4-25").',
  })
  .openapi({ param: { name: 'highlightKey', in: 'path' }, example: 'p3.s1' });
const highlightParams = attemptParams.extend({ highlightKey: highlightKeySchema });
const savedHighlightSchema = z
  .object({ highlightKey: z.string(), savedAt: z.string() })
  .openapi('SavedHighlight');
const highlightsRefused = errorResponse(
  '`highlights-off`: the teacher turned highlights and notes off for this assignment.',
);

const saveHighlightRoute = createRoute({
  method: 'put',
  path: '/{attemptId}/highlights/{highlightKey}',
  tags: ['attempts'],
  summary: 'Saves a highlight and its note (idempotent, the last write wins)',
  description: `At most ${HIGHLIGHT_LIMITS.perAttempt} highlights an attempt and ${HIGHLIGHT_LIMITS.noteLength} characters a note; only while the attempt takes answers.`,
  security: bearer,
  request: {
    params: highlightParams,
    body: jsonBody(
      z
        .object({
          colour: z.enum(HIGHLIGHT_COLOURS, {
            error: `Choose a highlight colour: ${HIGHLIGHT_COLOURS.join(', ')}.`,
          }),
          note: z
            .string()
            .max(HIGHLIGHT_LIMITS.noteLength, {
              error: `Keep a note to ${HIGHLIGHT_LIMITS.noteLength} characters or fewer.`,
            })
            .nullable()
            .optional(),
        })
        .openapi('SaveHighlightRequest'),
    ),
  },
  responses: {
    200: jsonResponse('Saved.', savedHighlightSchema),
    400: errorResponse('The body is not `{ "colour": …, "note"?: string | null }`.'),
    401: unauthorized,
    403: highlightsRefused,
    404: notFound,
    409: answersClosed,
    422: errorResponse(
      '`invalid-highlight`: not on a sentence of the article; `too-many-highlights`: the attempt has as many as it may.',
    ),
  },
});

const removeHighlightRoute = createRoute({
  method: 'delete',
  path: '/{attemptId}/highlights/{highlightKey}',
  tags: ['attempts'],
  summary: 'Removes a highlight and its note (idempotent; a removal is a write, the last wins)',
  security: bearer,
  request: { params: highlightParams },
  responses: {
    200: jsonResponse('Removed, or there was none.', savedHighlightSchema),
    401: unauthorized,
    403: highlightsRefused,
    404: notFound,
    409: answersClosed,
  },
});

const submitAttemptRoute = createRoute({
  method: 'post',
  path: '/{attemptId}/submit',
  tags: ['attempts'],
  summary: 'Submits and scores an attempt; submitting again returns the same result',
  security: bearer,
  request: { params: attemptParams },
  responses: {
    200: jsonResponse('The attempt is submitted.', submissionSchema),
    401: unauthorized,
    404: notFound,
  },
});

const getReviewRoute = createRoute({
  method: 'get',
  path: '/{attemptId}/review',
  tags: ['attempts'],
  summary: 'The scored review: answers, explanations and evidence, as the review policy allows',
  security: bearer,
  request: { params: attemptParams },
  responses: {
    200: jsonResponse('The review.', reviewSchema),
    401: unauthorized,
    403: errorResponse(
      '`review-not-available`: the review policy shows nothing yet; `review-held`: a class is being assessed on this quiz and has not seen its answers yet (`details.opensAt`: when it is expected to open, or null when unknown).',
    ),
    404: notFound,
    409: errorResponse('The attempt is not submitted yet.'),
  },
});

export function createAttemptRoutes({ db, store, now }: AttemptRoutesOptions) {
  const access = createAttemptAccess(db, now);

  /**
   * The attempt this request's token opens, submitted first if its time ran out: every access to
   * an overdue attempt settles it with what was saved.
   */
  async function openSettled(c: Context, attemptId: string): Promise<Attempt> {
    const attempt = await access.open(c, attemptId);
    const at = now();
    if (
      attempt.status === 'in-progress' &&
      attempt.deadline !== null &&
      attempt.deadline < expiredDeadlineAt(at)
    ) {
      await submitOverdueAttempts({ db, store }, at, { attemptId });
      return (await getAttempt(db, attemptId)) ?? attempt;
    }
    return attempt;
  }

  /** The question of the attempt these keys open, and its bank version; a 404 if it has none. */
  async function findQuestion(keys: AttemptKeys, questionId: string) {
    const version = await versionOf(store, keys);
    const question = keys.plan.questionIds.includes(questionId)
      ? version.questionsById.get(questionId)
      : undefined;
    if (!question) {
      throw new ApiError(
        404,
        'question-not-found',
        `This attempt has no question "${questionId}".`,
      );
    }
    return { question, article: version.article };
  }

  /**
   * Saves an answer, or clears it with null, at `savedAt`. The write itself refuses a submitted
   * or overdue attempt, so status and deadline, which can change, are read only to explain a
   * refusal.
   */
  async function writeResponse(
    attemptId: string,
    questionId: string,
    response: QuestionResponse | null,
    savedAt: Date,
  ) {
    const saved = await saveResponse(db, {
      attemptId,
      questionId,
      response,
      savedAt: savedAt.toISOString(),
      latestDeadline: expiredDeadlineAt(savedAt),
    });
    if (!saved) throw await explainClosed(attemptId, savedAt);
    return { questionId, savedAt: savedAt.toISOString() };
  }

  /** Why a write to an attempt was refused: it is submitted, out of time, or gone. */
  async function explainClosed(attemptId: string, at: Date): Promise<ApiError> {
    // An overdue attempt is submitted now, with what was saved before its deadline.
    await submitOverdueAttempts({ db, store }, at, { attemptId });
    const current = await getAttempt(db, attemptId);
    // Gone: the teacher deleted it since its keys were remembered.
    if (!current) return attemptNotFoundError();
    return current.submittedBy === 'student' ? submittedError() : deadlineError();
  }

  /**
   * Saves a highlight, or removes it with null, at `savedAt`, once the attempt this request's
   * token opens is known to allow them (its assignment may have turned them off).
   */
  async function writeHighlight(
    c: Context,
    attemptId: string,
    highlightKey: string,
    mark: { colour: unknown; note?: unknown } | null,
  ) {
    const attempt = await access.open(c, attemptId);
    const savedAt = now();
    if (attempt.assignmentId !== null) {
      const assignment = await getAssignment(db, attempt.assignmentId);
      if (assignment && !assignment.allowHighlights) {
        throw new ApiError(
          403,
          'highlights-off',
          'Your teacher has turned highlights and notes off for this assignment.',
        );
      }
    }
    const { article } = await versionOf(store, attempt);
    const check = checkHighlight(highlightKey, mark ?? { colour: 'yellow' }, article);
    if (!check.ok) {
      throw new ApiError(422, 'invalid-highlight', check.message, { field: check.field });
    }
    const { sentenceId, span, colour, note } = check.highlight;
    const outcome = await saveHighlight(db, {
      attemptId,
      place: { sentenceId, span },
      mark: mark === null ? null : { colour, note },
      savedAt: savedAt.toISOString(),
      latestDeadline: expiredDeadlineAt(savedAt),
    });
    if (outcome === 'closed') throw await explainClosed(attemptId, savedAt);
    if (outcome === 'full') {
      throw new ApiError(
        422,
        'too-many-highlights',
        `An attempt can have up to ${HIGHLIGHT_LIMITS.perAttempt} highlights: remove one to add another.`,
      );
    }
    return { highlightKey, savedAt: savedAt.toISOString() };
  }

  /** The result as the review policy lets the student see it now. */
  async function shownResult(attempt: Attempt, result: AttemptResult) {
    const review = await decideAttemptReview(db, attempt, now());
    return { review, shown: showResult(review.access, result) };
  }

  return createRouter()
    .openapi(createAttemptRoute, async (c) => {
      const { bankId } = c.req.valid('json');
      const startedAt = now();
      const version = await store.startBank(bankId, startedAt);
      if (!version) throw new ApiError(404, 'bank-not-found', `There is no bank "${bankId}".`);
      const started = prepareAttempt(
        version,
        { shuffleQuestions: true, shuffleOptions: true },
        {
          reviewPolicy: 'immediately',
          startedAt: startedAt.toISOString(),
          deadline: null,
          assignmentId: null,
          studentName: null,
          studentKey: null,
        },
      );
      await insertAttempt(db, started.attempt);
      access.remember(started.attempt);
      return c.json(await describeNewAttempt({ db, store }, started), 201);
    })
    .openapi(getAttemptRoute, async (c) => {
      const attempt = await openSettled(c, c.req.valid('param').attemptId);
      return c.json(await describeAttempt({ db, store }, attempt, now()), 200);
    })
    .openapi(getAttemptArticleRoute, async (c) => {
      const keys = await access.openKeys(c, c.req.valid('param').attemptId);
      return c.json((await versionOf(store, keys)).article, 200);
    })
    .openapi(saveResponseRoute, async (c) => {
      const { attemptId, questionId } = c.req.valid('param');
      const keys = await access.openKeys(c, attemptId);
      const savedAt = now();
      const { question, article } = await findQuestion(keys, questionId);
      const validation = validateResponse(question, c.req.valid('json').response, article);
      if (!validation.ok) {
        throw new ApiError(422, 'invalid-response', validation.message, { path: validation.path });
      }
      return c.json(await writeResponse(attemptId, questionId, validation.response, savedAt), 200);
    })
    .openapi(clearResponseRoute, async (c) => {
      const { attemptId, questionId } = c.req.valid('param');
      const keys = await access.openKeys(c, attemptId);
      const savedAt = now();
      await findQuestion(keys, questionId);
      return c.json(await writeResponse(attemptId, questionId, null, savedAt), 200);
    })
    .openapi(saveHighlightRoute, async (c) => {
      const { attemptId, highlightKey } = c.req.valid('param');
      return c.json(await writeHighlight(c, attemptId, highlightKey, c.req.valid('json')), 200);
    })
    .openapi(removeHighlightRoute, async (c) => {
      const { attemptId, highlightKey } = c.req.valid('param');
      return c.json(await writeHighlight(c, attemptId, highlightKey, null), 200);
    })
    .openapi(submitAttemptRoute, async (c) => {
      const { attemptId } = c.req.valid('param');
      const version = await versionOf(store, await access.openKeys(c, attemptId));
      const submittedAt = now();
      // Committed with the saves and submits of the same turn (one commit for many); past its
      // deadline and grace, an attempt counts as submitted by the deadline, not now.
      const submitted = await submitAttemptInNextCommit(
        db,
        attemptId,
        {
          submittedAt: submittedAt.toISOString(),
          submittedBy: 'student',
          overdueBefore: expiredDeadlineAt(submittedAt),
        },
        (current, responses, acceptances) =>
          scoreAgainst(version, current.plan, responses, acceptances),
      );
      if (!submitted) throw attemptNotFoundError();
      if (!submitted.submittedAt || !submitted.result) {
        throw new Error(`Attempt ${attemptId} was not stored as submitted`);
      }
      const { review, shown } = await shownResult(submitted, submitted.result);
      const submission = {
        attemptId,
        status: 'submitted' as const,
        submittedAt: submitted.submittedAt,
        reviewAccess: review.access,
        reviewAvailable: review.access !== 'none',
        reviewOpensAt: review.opensAt,
        reviewHeld: review.held,
      };
      if (shown === submitted.result && submitted.resultJson !== undefined) {
        // The whole result, just serialised to be stored: spliced in rather than serialised
        // again (17 KB for a practice attempt).
        const text = `${JSON.stringify(submission).slice(0, -1)},"result":${submitted.resultJson}}`;
        c.header('Content-Type', 'application/json');
        return c.body(text, 200) as unknown as ReturnType<
          typeof c.json<typeof submission & { result: AttemptResult }, 200>
        >;
      }
      return c.json({ ...submission, result: shown }, 200);
    })
    .openapi(getReviewRoute, async (c) => {
      const attempt = await openSettled(c, c.req.valid('param').attemptId);
      if (attempt.status !== 'submitted' || !attempt.submittedAt || !attempt.result) {
        throw new ApiError(
          409,
          'not-submitted',
          'The review is shown once the attempt is submitted.',
        );
      }
      const { review, shown } = await shownResult(attempt, attempt.result);
      if (review.access === 'none' || shown === null) throw reviewNotAvailable(review);
      const { bank, article } = await versionOf(store, attempt);
      const assignment =
        attempt.assignmentId === null ? undefined : await getAssignment(db, attempt.assignmentId);
      return c.json(
        {
          attemptId: attempt.id,
          bankId: bank.id,
          articleId: bank.articleId,
          bankTitle: bank.title,
          assignmentTitle: assignment?.title ?? null,
          submittedAt: attempt.submittedAt,
          reviewAccess: review.access,
          result: shown,
          article,
          highlights: (await listHighlights(db, attempt.id)).highlights,
          preview: attempt.previewTeacherId !== null,
          inLibrary: store.content.banks.has(bank.id),
        },
        200,
      );
    });
}

/** Why the review shows nothing yet, worded for the student (`details.opensAt`: when, if known). */
function reviewNotAvailable({ held, opensAt }: ReviewDecision): ApiError {
  if (held) {
    return new ApiError(
      403,
      'review-held',
      `Results for this quiz are held while a class is being assessed on it; come back ${opensAt === null ? 'later' : `after ${opensAt}`}.`,
      { opensAt },
    );
  }
  return new ApiError(
    403,
    'review-not-available',
    opensAt === null
      ? 'Your teacher has not released the review of this assignment.'
      : 'The review opens once the assignment is due.',
    { opensAt },
  );
}

function submittedError(): ApiError {
  return new ApiError(
    409,
    'attempt-submitted',
    'This attempt is submitted; answers can no longer change.',
  );
}

function deadlineError(): ApiError {
  return new ApiError(
    409,
    'deadline-passed',
    "This attempt's time is up; answers can no longer change.",
  );
}
