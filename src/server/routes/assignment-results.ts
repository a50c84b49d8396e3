import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { presentQuestions } from '../../domain/attempt-plan';
import { computeItemStatistics } from '../../domain/statistics';
import { attemptStateSchema, gradebookSchema, testStatisticsSchema } from '../assignment-schemas';
import { assignmentMaxPoints, assignmentQuestions } from '../assignment-views';
import { submitOverdueAttempts } from '../attempt-lifecycle';
import { attemptIdSchema } from '../attempt-view';
import { createTeacherRouter } from '../create-router';
import {
  deleteAssignmentAttempt,
  listAssignmentAttempts,
  listAssignmentResponses,
} from '../db/assignment-attempts';
import { getAttempt, listResponses } from '../db/attempts';
import { ApiError, errorResponse } from '../errors';
import { buildResponsesCsv, buildSummaryCsv, toFileStem } from '../export/assignment-csv';
import { attemptState, buildGradebook } from '../gradebook';
import {
  loadAssignmentView,
  loadOwnAssignment,
  type OwnAssignment,
  type TeacherRoutesOptions,
} from '../own-assignment';
import {
  articleSchema,
  attemptResultSchema,
  publicQuestionSchema,
  questionResponseSchema,
} from '../schemas';
import { assignmentNotFound, cookieAuth, notSignedIn, sameOriginRefused } from '../teacher-openapi';
import { assignmentIdSchema } from './assignments';

const assignmentParams = z.object({ assignmentId: assignmentIdSchema });
const attemptParams = assignmentParams.extend({ attemptId: attemptIdSchema });

const attemptNotFound = errorResponse(
  '`assignment-not-found`, or `attempt-not-found`: this assignment has no attempt with this id.',
);

const csvResponse = (description: string) =>
  ({ description, content: { 'text/csv': { schema: z.string() } } }) as const;

const gradebookRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/gradebook',
  tags: ['results'],
  summary: 'Every attempt and every student of an assignment, with scores (poll it to watch)',
  description:
    'Attempts whose time ran out are submitted first, so they show as `overdue` with what was saved.',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: {
      description: 'The gradebook.',
      content: { 'application/json': { schema: gradebookSchema } },
    },
    401: notSignedIn,
    404: assignmentNotFound,
  },
});

const teacherAttemptSchema = z
  .object({
    attemptId: z.string(),
    studentName: z.string(),
    status: attemptStateSchema,
    startedAt: z.string(),
    deadline: z.string().nullable(),
    submittedAt: z.string().nullable(),
    questions: z.array(publicQuestionSchema).openapi({ description: "In this attempt's order." }),
    responses: z.record(z.string(), questionResponseSchema),
    savedAt: z.record(z.string(), z.string()),
    result: attemptResultSchema.nullable().openapi({
      description:
        'The full review (whatever the review policy shows the student); null while in progress.',
    }),
    article: articleSchema,
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
    200: {
      description: 'The attempt.',
      content: { 'application/json': { schema: teacherAttemptSchema } },
    },
    401: notSignedIn,
    404: attemptNotFound,
  },
});

const deleteAttemptRoute = createRoute({
  method: 'delete',
  path: '/{assignmentId}/attempts/{attemptId}',
  tags: ['results'],
  summary: 'Deletes one attempt and its answers (e.g. to let a student start again)',
  security: cookieAuth,
  request: { params: attemptParams },
  responses: {
    204: { description: 'Deleted.' },
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
            .extend({ assignmentId: z.string(), include: z.enum(['all', 'counted']) })
            .openapi('AssignmentStatistics'),
        },
      },
    },
    400: errorResponse('`include` is not `all` or `counted`.'),
    401: notSignedIn,
    404: assignmentNotFound,
  },
});

const summaryCsvRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/export/summary.csv',
  tags: ['results'],
  summary: 'CSV: one row per attempt, a column per question with its points',
  description:
    "Columns: Student, Attempt, Status, Started at, Submitted at, Time taken (minutes), Score, Max points, Percent, Counted percent, Counts, then `Q<n> <question-id>` per question in bank order. UTF-8 with BOM, CRLF, RFC 4180 quoting; cells starting with = + - @ are prefixed with '.",
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: csvResponse('`Content-Disposition: attachment; filename="<title>-summary.csv"`.'),
    401: notSignedIn,
    404: assignmentNotFound,
  },
});

const responsesCsvRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/export/responses.csv',
  tags: ['results'],
  summary: 'CSV: one row per attempt and question, with the response in words',
  description:
    'Columns: Student, Attempt, Status, Question number, Question id, Question, Response, Points, Max points, Result (correct, partial, incorrect, unanswered; blank while in progress), Saved at.',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: csvResponse('`Content-Disposition: attachment; filename="<title>-responses.csv"`.'),
    401: notSignedIn,
    404: assignmentNotFound,
  },
});

export function createAssignmentResultRoutes(options: TeacherRoutesOptions) {
  const { db, store, now } = options;

  /** The assignment's attempts, after submitting those whose time ran out, with the gradebook. */
  async function loadResults(own: OwnAssignment) {
    await submitOverdueAttempts({ db, store }, now(), { assignmentId: own.assignment.id });
    const attempts = await listAssignmentAttempts(db, own.assignment.id);
    const gradebook = buildGradebook(own.assignment, attempts, {
      questionCount: own.assignment.questionIds.length,
      maxPoints: assignmentMaxPoints(own.assignment, own.version),
    });
    return { attempts, gradebook };
  }

  function csv(c: Context, body: string, fileName: string) {
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
      const { gradebook } = await loadResults(own);
      const generatedAt = now();
      const assignment = await loadAssignmentView(c, options, assignmentId, generatedAt);
      return c.json({ assignment, ...gradebook, generatedAt: generatedAt.toISOString() }, 200);
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
        },
        200,
      );
    })
    .openapi(deleteAttemptRoute, async (c) => {
      const { assignmentId, attemptId } = c.req.valid('param');
      await loadOwnAssignment(c, options, assignmentId);
      if (!(await deleteAssignmentAttempt(db, assignmentId, attemptId))) {
        throw new ApiError(
          404,
          'attempt-not-found',
          'This assignment has no attempt with this id.',
        );
      }
      return c.body(null, 204);
    })
    .openapi(statisticsRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      const { include } = c.req.valid('query');
      const own = await loadOwnAssignment(c, options, assignmentId);
      const { attempts, gradebook } = await loadResults(own);
      const counted = new Set(
        gradebook.attempts.filter((row) => row.counts).map((row) => row.attemptId),
      );
      const results = attempts.flatMap((attempt) =>
        attempt.result !== null && (include === 'all' || counted.has(attempt.id))
          ? [attempt.result]
          : [],
      );
      const statistics = computeItemStatistics({
        questions: assignmentQuestions(own.assignment, own.version),
        results,
      });
      return c.json({ ...statistics, assignmentId, include }, 200);
    })
    .openapi(summaryCsvRoute, async (c) => {
      const own = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      const { attempts, gradebook } = await loadResults(own);
      const body = buildSummaryCsv({
        questions: assignmentQuestions(own.assignment, own.version),
        rows: gradebook.attempts,
        students: gradebook.students,
        attempts,
      });
      return csv(c, body, `${toFileStem(own.assignment.title)}-summary.csv`);
    })
    .openapi(responsesCsvRoute, async (c) => {
      const own = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      const { attempts, gradebook } = await loadResults(own);
      const body = buildResponsesCsv({
        version: own.version,
        questions: assignmentQuestions(own.assignment, own.version),
        rows: gradebook.attempts,
        attempts,
        savedResponses: await listAssignmentResponses(db, own.assignment.id),
      });
      return csv(c, body, `${toFileStem(own.assignment.title)}-responses.csv`);
    });
}
