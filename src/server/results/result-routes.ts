import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { presentQuestions } from '../../domain/attempt-plan';
import { mapClassHighlights } from '../../domain/highlight-map';
import { computeItemStatistics } from '../../domain/statistics';
import {
  assignmentMaxPoints,
  assignmentQuestions,
  assignmentStatusAt,
} from '../assignments/assignment-views';
import { submitOverdueAttempts, submitOverdueAttemptsOf } from '../attempts/attempt-lifecycle';
import { attemptIdSchema } from '../attempts/attempt-view';
import { createTeacherRouter, jsonResponse } from '../http/create-router';
import { listAssignmentAttempts } from '../assignments/assignment-attempt-queries';
import { listAttemptRemovals, removeAssignmentAttempt } from '../assignments/assignment-queries';
import {
  getResultsRevision,
  listHighlightedSentences,
  listPlansAndAnswers,
  listScoredAttempts,
} from './result-queries';
import { getAttempt, listHighlights, listResponses } from '../attempts/attempt-queries';
import { ApiError, errorResponse } from '../http/errors';
import {
  checkTimeZone,
  shortenPrompt,
  toFileStem,
  writeResponsesCsv,
  writeSummaryCsv,
} from './assignment-csv';
import { attemptState, buildGradebook } from './gradebook';
import type { ResolvedQuestion } from '../../domain/resolved-bank';
import {
  acceptAnswer,
  listAcceptedAnswerHistory,
  revokeAcceptedAnswer,
  type AcceptedAnswerRecord,
} from './accepted-answer-queries';
import { acceptAnswerRoute, regradeHistoryRoute, revokeAnswerRoute } from './regrade-routes';
import { listRegradedQuestions } from './regraded-marks';
import {
  attemptRemovalSchema,
  gradebookAttemptSchema,
  gradebookSchema,
  highlightMapSchema,
  testStatisticsSchema,
  typedAnswerTallySchema,
} from './result-schemas';
import { tallyTypedAnswers } from './typed-answers';
import {
  assignmentNotFoundResponse,
  assignmentParams,
  loadAssignmentView,
  loadOwnAssignment,
  siteOriginOf,
  type OwnAssignment,
  type TeacherRoutesOptions,
} from '../assignments/own-assignment';
import {
  articleSchema,
  highlightSchema,
  attemptResultSchema,
  publicQuestionSchema,
  questionResponseSchema,
} from '../http/schemas';
import { cookieAuth, notSignedIn, sameOriginRefused } from '../teachers/teacher-openapi';

const attemptParams = assignmentParams.extend({ attemptId: attemptIdSchema });

const attemptNotFound = errorResponse(
  '`assignment-not-found`, or `attempt-not-found`: this assignment has no attempt with this id.',
);

/**
 * How long a teacher's request waits for the attempts whose time ran out to be submitted. A class
 * takes a moment; when a year group's time runs out at once the page shows what is submitted so
 * far, and the rest as the sweep, still running, reaches them.
 */
const SWEEP_WAIT_MS = 2000;

const csvResponse = (description: string) =>
  ({ description, content: { 'text/csv': { schema: z.string() } } }) as const;

function isTimeZone(timeZone: string): boolean {
  try {
    checkTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}

const csvQuery = z.object({
  timeZone: z
    .string()
    .max(100)
    .refine(isTimeZone, 'Give a time zone by its IANA name, such as Europe/Berlin or UTC.')
    .default('UTC')
    .openapi({
      description:
        'The IANA time zone the times are written in (named in the column headings). Default UTC.',
    }),
});

const gradebookRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/gradebook',
  tags: ['results'],
  summary: 'Every attempt and every student of an assignment, with scores (poll it to watch)',
  description:
    'Attempts whose time ran out are submitted first, so they show as `overdue` with what was saved. Send the `ETag` of the copy you have as `If-None-Match`: while nothing has changed the answer is a bodiless 304, which costs the server almost nothing.',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: jsonResponse('The gradebook, with its `ETag`.', gradebookSchema),
    304: { description: 'Nothing has changed since the gradebook with this `ETag`.' },
    401: notSignedIn,
    404: assignmentNotFoundResponse,
  },
});

const teacherAttemptSchema = gradebookAttemptSchema
  .pick({
    attemptId: true,
    studentName: true,
    status: true,
    startedAt: true,
    deadline: true,
    submittedAt: true,
  })
  .extend({
    questions: z.array(publicQuestionSchema).openapi({ description: "In this attempt's order." }),
    responses: z.record(z.string(), questionResponseSchema),
    savedAt: z.record(z.string(), z.string()),
    result: attemptResultSchema.nullable().openapi({
      description:
        'The full review (whatever the review policy shows the student); null while in progress.',
    }),
    article: articleSchema,
    highlights: z.array(highlightSchema).openapi({
      description: "The student's highlights and notes on the article, in reading order.",
    }),
  })
  .openapi('TeacherAttempt');

const teacherAttemptRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/attempts/{attemptId}',
  tags: ['results'],
  summary: "One student's attempt with its full review",
  security: cookieAuth,
  request: { params: attemptParams },
  responses: {
    200: jsonResponse('The attempt.', teacherAttemptSchema),
    401: notSignedIn,
    404: attemptNotFound,
  },
});

const removedAttemptsRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/removed-attempts',
  tags: ['results'],
  summary: 'The audit trail of attempts removed from an assignment, most recent first',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: jsonResponse(
      'Who removed which attempt when, and what it was.',
      z.array(attemptRemovalSchema),
    ),
    401: notSignedIn,
    404: assignmentNotFoundResponse,
  },
});

const deleteAttemptRoute = createRoute({
  method: 'delete',
  path: '/{assignmentId}/attempts/{attemptId}',
  tags: ['results'],
  summary: 'Removes one attempt and its answers (e.g. to let a student start again)',
  description:
    'The attempt leaves the gradebook, statistics and exports and no longer uses up one of the student’s attempts; who removed it, when, and what it was stay in `GET /{assignmentId}/removed-attempts`.',
  security: cookieAuth,
  request: { params: attemptParams },
  responses: {
    204: { description: 'Removed, and recorded in the audit trail.' },
    401: notSignedIn,
    403: sameOriginRefused,
    404: attemptNotFound,
  },
});

const statisticsRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/statistics',
  tags: ['results'],
  summary: 'Item analysis and test statistics over the submitted attempts',
  security: cookieAuth,
  request: {
    params: assignmentParams,
    query: z.object({
      include: z.enum(['all', 'counted']).default('all').openapi({
        description:
          "all: every submitted attempt (default); counted: only each student's counted attempt(s).",
      }),
    }),
  },
  responses: {
    200: {
      description: 'The statistics; items in bank order.',
      content: {
        'application/json': {
          schema: testStatisticsSchema
            .extend({
              assignmentId: z.string(),
              include: z.enum(['all', 'counted']),
              typedAnswers: z.array(typedAnswerTallySchema).openapi({
                description:
                  'The wrong (or teacher-accepted) typed answers of short questions and typed cloze gaps, over every submitted attempt whatever `include` says (a regrade reaches them all): by question in bank order, then gap, most given first.',
              }),
              highlightMap: highlightMapSchema.openapi({
                description:
                  'The article sentence by sentence: how many students highlighted each in the attempts analysed, and which questions use it as evidence.',
              }),
            })
            .openapi('AssignmentStatistics'),
        },
      },
    },
    400: errorResponse('`include` is not `all` or `counted`.'),
    401: notSignedIn,
    404: assignmentNotFoundResponse,
  },
});

const summaryCsvRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/export/summary.csv',
  tags: ['results'],
  summary: 'CSV: one row per attempt, a column per question with its points',
  description:
    "Columns: Student, Attempt, Status, Started at (<zone>), Submitted at (<zone>), Time taken (minutes), Score, Max points, Percent, Counted percent, Counts, Regraded (the questions right because the teacher accepted the typed answer, as `Q3 Q5`; blank when none), then `Q<n> <start of the prompt>` per question in bank order. Times are local `YYYY-MM-DD HH:MM:SS`, which spreadsheets read as dates. UTF-8 with BOM, CRLF, every text cell quoted; a formula start (= + - @ tab CR) at the start of a cell or after a separator inside it is prefixed with '. Streamed.",
  security: cookieAuth,
  request: { params: assignmentParams, query: csvQuery },
  responses: {
    200: csvResponse('`Content-Disposition: attachment; filename="<title>-summary.csv"`.'),
    400: errorResponse('`timeZone` is not an IANA time zone.'),
    401: notSignedIn,
    404: assignmentNotFoundResponse,
  },
});

const responsesCsvRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/export/responses.csv',
  tags: ['results'],
  summary: 'CSV: one row per attempt and question, with the response in words',
  description:
    'Columns: Student, Attempt, Status, Question number, Question id, Question, Response (in words; evidence as the quoted sentences), Points, Max points, Result (correct, partial, incorrect, unanswered; blank while in progress), Accepted by teacher (`yes` when the mark comes from a regrade), Saved at (<zone>). Quoting and times as in summary.csv. Streamed.',
  security: cookieAuth,
  request: { params: assignmentParams, query: csvQuery },
  responses: {
    200: csvResponse('`Content-Disposition: attachment; filename="<title>-responses.csv"`.'),
    400: errorResponse('`timeZone` is not an IANA time zone.'),
    401: notSignedIn,
    404: assignmentNotFoundResponse,
  },
});

/**
 * Refuses an acceptance for a question of another assignment, or one that takes no typed answer:
 * only `short` questions and the typed gaps of `cloze` can be regraded.
 */
function checkTypedAnswer(
  questions: readonly ResolvedQuestion[],
  questionId: string,
  gapId: string | null,
): void {
  const question = questions.find((candidate) => candidate.id === questionId);
  if (question === undefined) {
    throw new ApiError(404, 'question-not-found', 'This assignment has no question with this id.');
  }
  const typed =
    gapId === null
      ? question.type === 'short'
      : question.type === 'cloze' &&
        question.gaps.some((gap) => gap.id === gapId && gap.choices === undefined);
  if (!typed) {
    throw new ApiError(
      400,
      'not-typed-answer',
      gapId === null
        ? 'Only a short question’s typed answer can be accepted; for a cloze question, say which gap.'
        : 'This question has no typed gap with this id.',
    );
  }
}

/**
 * Adds to an acceptance the numbers a teacher reads: its question's in the assignment (bank
 * order) and its gap's in the question.
 */
function numberAcceptance(questions: readonly ResolvedQuestion[]) {
  return (record: AcceptedAnswerRecord) => {
    const index = questions.findIndex((question) => question.id === record.questionId);
    const question = questions[index];
    const gapIndex =
      record.gapId !== null && question?.type === 'cloze'
        ? question.gaps.findIndex((gap) => gap.id === record.gapId)
        : -1;
    return {
      ...record,
      questionNumber: index + 1,
      gapNumber: gapIndex === -1 ? null : gapIndex + 1,
    };
  };
}

export function createAssignmentResultRoutes(options: TeacherRoutesOptions) {
  const { db, store, now } = options;

  /**
   * The assignment's attempts with their scores and marks, after submitting those whose time ran
   * out, with the gradebook.
   */
  async function loadResults(own: OwnAssignment) {
    await catchUpOverdue(own.assignment.id);
    const attempts = await listScoredAttempts(db, own.assignment.id);
    const regraded = await listRegradedQuestions(db, {
      assignmentId: own.assignment.id,
      questions: assignmentQuestions(own.assignment, own.version),
      article: own.version.article,
    });
    const gradebook = buildGradebook(own.assignment, attempts, {
      maxPoints: assignmentMaxPoints(own.assignment, own.version),
      regraded,
    });
    return { attempts, gradebook };
  }

  /** Submits the assignment's overdue attempts, waiting for that at most SWEEP_WAIT_MS. */
  async function catchUpOverdue(assignmentId: string): Promise<void> {
    const sweep = submitOverdueAttemptsOf({ db, store }, now(), assignmentId);
    // A sweep that fails after the wait is over is still reported.
    sweep.catch((error: unknown) => console.error('Submitting overdue attempts failed:', error));
    await Promise.race([sweep, delay(SWEEP_WAIT_MS, undefined, { ref: false })]);
  }

  /**
   * The gradebook's ETag: everything it is built from, without building it. The revision counts
   * every change to the attempts and answers; the assignment row and its status at `at` cover
   * settings, closing and the time passing opens and due; the origin the join link.
   */
  async function gradebookETag(c: Context, own: OwnAssignment, at: Date): Promise<string> {
    const revision = await getResultsRevision(db, own.assignment.id);
    const digest = createHash('sha256')
      .update(
        JSON.stringify([
          own.assignment,
          assignmentStatusAt(own.assignment, at),
          revision,
          siteOriginOf(c, options),
        ]),
      )
      .digest('base64url')
      .slice(0, 22);
    return `"${revision}-${digest}"`;
  }

  /** A CSV download streamed a chunk of rows at a time, so no request waits on the whole file. */
  function csv(c: Context, lines: AsyncGenerator<string>, fileName: string) {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    });
  }

  const router = createTeacherRouter();
  router.use('*', options.sessions.requireTeacher);
  return router
    .openapi(gradebookRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      const own = await loadOwnAssignment(c, options, assignmentId);
      await catchUpOverdue(assignmentId);
      const generatedAt = now();
      const etag = await gradebookETag(c, own, generatedAt);
      c.header('ETag', etag);
      if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
      const { gradebook } = await loadResults(own);
      const assignment = await loadAssignmentView(c, options, assignmentId, generatedAt);
      const questions = assignmentQuestions(own.assignment, own.version).map((question, index) => ({
        id: question.id,
        number: index + 1,
        prompt: shortenPrompt(question.prompt, 80),
      }));
      return c.json(
        { assignment, ...gradebook, questions, generatedAt: generatedAt.toISOString() },
        200,
      );
    })
    .openapi(teacherAttemptRoute, async (c) => {
      const { assignmentId, attemptId } = c.req.valid('param');
      const own = await loadOwnAssignment(c, options, assignmentId);
      await submitOverdueAttempts({ db, store }, now(), { assignmentId, attemptId });
      const attempt = await getAttempt(db, attemptId);
      if (attempt?.assignmentId !== assignmentId) {
        throw new ApiError(
          404,
          'attempt-not-found',
          'This assignment has no attempt with this id.',
        );
      }
      const { responses, savedAt } = await listResponses(db, attemptId);
      return c.json(
        {
          attemptId,
          studentName: attempt.studentName ?? '',
          status: attemptState(attempt),
          startedAt: attempt.startedAt,
          deadline: attempt.deadline,
          submittedAt: attempt.submittedAt,
          questions: presentQuestions(own.version.bank, attempt.plan),
          responses,
          savedAt,
          result: attempt.result,
          article: own.version.article,
          highlights: (await listHighlights(db, attemptId)).highlights,
        },
        200,
      );
    })
    .openapi(deleteAttemptRoute, async (c) => {
      const { assignmentId, attemptId } = c.req.valid('param');
      await loadOwnAssignment(c, options, assignmentId);
      const removal = await removeAssignmentAttempt(db, {
        assignmentId,
        attemptId,
        teacher: c.var.teacher,
        removedAt: now().toISOString(),
      });
      if (!removal) {
        throw new ApiError(
          404,
          'attempt-not-found',
          'This assignment has no attempt with this id.',
        );
      }
      return c.body(null, 204);
    })
    .openapi(acceptAnswerRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      const { questionId, gapId, answer } = c.req.valid('json');
      const own = await loadOwnAssignment(c, options, assignmentId);
      const questions = assignmentQuestions(own.assignment, own.version);
      checkTypedAnswer(questions, questionId, gapId);
      const { record, created } = await acceptAnswer(db, store, {
        assignmentId,
        questionId,
        gapId,
        answer,
        teacher: c.var.teacher,
        at: now().toISOString(),
      });
      return c.json(
        {
          acceptance: numberAcceptance(questions)(record),
          created,
          attemptsRegraded: created ? record.attemptsRegraded : 0,
        },
        200,
      );
    })
    .openapi(revokeAnswerRoute, async (c) => {
      const { assignmentId, acceptanceId } = c.req.valid('param');
      const own = await loadOwnAssignment(c, options, assignmentId);
      const revoked = await revokeAcceptedAnswer(db, store, {
        assignmentId,
        id: acceptanceId,
        teacher: c.var.teacher,
        at: now().toISOString(),
      });
      if (!revoked) {
        throw new ApiError(
          404,
          'acceptance-not-found',
          'This assignment has no accepted answer with this id.',
        );
      }
      const questions = assignmentQuestions(own.assignment, own.version);
      return c.json(
        {
          acceptance: numberAcceptance(questions)(revoked.record),
          attemptsRegraded: revoked.regraded,
        },
        200,
      );
    })
    .openapi(regradeHistoryRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      const own = await loadOwnAssignment(c, options, assignmentId);
      const history = await listAcceptedAnswerHistory(db, assignmentId);
      const questions = assignmentQuestions(own.assignment, own.version);
      return c.json(history.map(numberAcceptance(questions)), 200);
    })
    .openapi(removedAttemptsRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      await loadOwnAssignment(c, options, assignmentId);
      return c.json(await listAttemptRemovals(db, assignmentId), 200);
    })
    .openapi(statisticsRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      const { include } = c.req.valid('query');
      const own = await loadOwnAssignment(c, options, assignmentId);
      const { gradebook } = await loadResults(own);
      const counted = new Set(
        gradebook.attempts.filter((row) => row.counts).map((row) => row.attemptId),
      );
      const attempts = await listAssignmentAttempts(db, assignmentId);
      const analysed = attempts.flatMap(({ id, studentKey, result }) =>
        result !== null && (include === 'all' || counted.has(id))
          ? [{ id, studentKey, result }]
          : [],
      );
      const questions = assignmentQuestions(own.assignment, own.version);
      const statistics = computeItemStatistics({
        questions,
        results: analysed.map((attempt) => attempt.result),
      });
      const typedAnswers = tallyTypedAnswers(
        questions,
        attempts.flatMap((attempt) => (attempt.result === null ? [] : [attempt.result])),
      );
      const highlighted = await listHighlightedSentences(db, assignmentId);
      const highlightMap = {
        allowHighlights: own.assignment.allowHighlights,
        ...mapClassHighlights({
          article: own.version.article,
          questions,
          attempts: analysed.map((attempt) => ({
            studentKey: attempt.studentKey,
            sentenceIds: highlighted.get(attempt.id) ?? [],
          })),
        }),
      };
      return c.json({ ...statistics, assignmentId, include, typedAnswers, highlightMap }, 200);
    })
    .openapi(summaryCsvRoute, async (c) => {
      const own = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      const lines = writeSummaryCsv({
        ...(await loadResults(own)),
        questions: assignmentQuestions(own.assignment, own.version),
        timeZone: c.req.valid('query').timeZone,
      });
      return csv(c, lines, `${toFileStem(own.assignment.title)}-summary.csv`);
    })
    .openapi(responsesCsvRoute, async (c) => {
      const own = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      const lines = writeResponsesCsv({
        ...(await loadResults(own)),
        version: own.version,
        questions: assignmentQuestions(own.assignment, own.version),
        timeZone: c.req.valid('query').timeZone,
        readAnswers: (attemptIds) => listPlansAndAnswers(db, attemptIds),
      });
      return csv(c, lines, `${toFileStem(own.assignment.title)}-responses.csv`);
    });
}
