import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import QRCode from 'qrcode';
import { correctResponseOf, optionFeedbackOf } from '../../domain/answer-key';
import {
  computeAttemptDeadline,
  createJoinCode,
  findExtraMinutes,
} from '../../domain/assignment-rules';
import { createAttemptPlan, presentQuestions } from '../../domain/attempt-plan';
import { describeResponse } from '../../domain/describe-response';
import { FIELD_LIMITS } from '../../domain/field-limits';
import { formatQuantity } from '../../domain/plural';
import type { ResolvedQuestion } from '../../domain/resolved-bank';
import { submitOverdueAttempts } from '../attempt-lifecycle';
import {
  assignmentSchema,
  assignmentUpdateSchema,
  attemptRemovalSchema,
  newAssignmentSchema,
} from '../assignment-schemas';
import { applySettings, changesDeadlines, defaultSettings } from '../assignment-settings';
import { assignmentMaxPoints, quoteSentenceIn, toAssignmentView } from '../assignment-views';
import type { TeacherEnv } from '../auth/session';
import { createTeacherRouter, jsonBody } from '../create-router';
import {
  closeAssignment,
  deleteAssignment,
  insertAssignment,
  listAssignments,
  listAttemptRemovals,
  reopenAssignment,
  updateAssignmentSettings,
  type Assignment,
  type AssignmentSettings,
} from '../db/assignments';
import {
  countAssignmentAttempts,
  listAssignmentAttempts,
  updateAttemptDeadline,
} from '../db/assignment-attempts';
import { ApiError, errorResponse } from '../errors';
import { versionOf } from '../content-store';
import {
  loadAssignmentView,
  loadOwnAssignment,
  siteOriginOf,
  type OwnAssignment,
  type TeacherRoutesOptions,
} from '../own-assignment';
import { articleSchema, publicQuestionSchema, questionResponseSchema } from '../schemas';
import { assignmentNotFound, cookieAuth, notSignedIn, sameOriginRefused } from '../teacher-openapi';

/** A join code is 6 of 31 letters (887 million codes): a collision is rare, ten in a row is a bug. */
const MAX_JOIN_CODE_TRIES = 10;

export interface AssignmentRoutesOptions extends TeacherRoutesOptions {
  /** Uniform integers in [0, max) for join codes: `crypto.randomInt`, or a fixed source in tests. */
  randomIndex: (exclusiveMax: number) => number;
}

export const assignmentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An assignment id is up to 64 letters, digits, "-" and "_".')
  .openapi({
    param: { name: 'assignmentId', in: 'path' },
    example: '0b6c7c1e-7f43-4d59-9a8c-1b2f0e0c9a11',
  });

const assignmentParams = z.object({ assignmentId: assignmentIdSchema });

const assignmentResponse = (description: string) =>
  ({ description, content: { 'application/json': { schema: assignmentSchema } } }) as const;

const invalidAssignment = errorResponse(
  '`invalid-request` (a field fails its schema, or an unknown field) or `invalid-assignment` (an unknown question id, a due time before the opening time, a name listed twice in extraTime).',
);

const createAssignmentRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['assignments'],
  summary: 'Creates an assignment from a bank, with a fresh join code',
  security: cookieAuth,
  request: { body: jsonBody(newAssignmentSchema) },
  responses: {
    201: assignmentResponse('The assignment.'),
    400: invalidAssignment,
    401: notSignedIn,
    403: sameOriginRefused,
    404: errorResponse('`bank-not-found`: there is no bank with this id.'),
  },
});

const listAssignmentsRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['assignments'],
  summary: "The teacher's assignments, newest first",
  security: cookieAuth,
  responses: {
    200: {
      description: 'Every assignment of the signed-in teacher.',
      content: { 'application/json': { schema: z.array(assignmentSchema) } },
    },
    401: notSignedIn,
  },
});

const getAssignmentRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}',
  tags: ['assignments'],
  summary: 'One assignment',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: assignmentResponse('The assignment.'),
    401: notSignedIn,
    404: assignmentNotFound,
  },
});

const updateAssignmentRoute = createRoute({
  method: 'patch',
  path: '/{assignmentId}',
  tags: ['assignments'],
  summary: 'Changes some settings of an assignment',
  description:
    "Only the fields sent change. A new due time, time limit or extra time also moves the deadlines of attempts in progress (recomputed from each one's start). The questions cannot change once an attempt exists.",
  security: cookieAuth,
  request: { params: assignmentParams, body: jsonBody(assignmentUpdateSchema) },
  responses: {
    200: assignmentResponse('The assignment as changed.'),
    400: invalidAssignment,
    401: notSignedIn,
    403: sameOriginRefused,
    404: assignmentNotFound,
    409: errorResponse(
      '`assignment-has-attempts`: the questions cannot change once students started.',
    ),
  },
});

const closeAssignmentRoute = createRoute({
  method: 'post',
  path: '/{assignmentId}/close',
  tags: ['assignments'],
  summary: 'Closes an assignment: no one can join any more, and its code is freed',
  description:
    'Attempts in progress can still be finished until their deadline. A review "after the due time" of an assignment without one opens now.',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: assignmentResponse('The closed assignment.'),
    401: notSignedIn,
    403: sameOriginRefused,
    404: assignmentNotFound,
  },
});

const reopenAssignmentRoute = createRoute({
  method: 'post',
  path: '/{assignmentId}/reopen',
  tags: ['assignments'],
  summary: 'Opens a closed assignment again',
  description:
    'It keeps its join code unless an open assignment took it meanwhile; then it gets a new one.',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: assignmentResponse('The reopened assignment.'),
    401: notSignedIn,
    403: sameOriginRefused,
    404: assignmentNotFound,
  },
});

const deleteAssignmentRoute = createRoute({
  method: 'delete',
  path: '/{assignmentId}',
  tags: ['assignments'],
  summary: 'Deletes an assignment with all its attempts and answers',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    204: { description: 'Deleted.' },
    401: notSignedIn,
    403: sameOriginRefused,
    404: assignmentNotFound,
  },
});

const qrCodeRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/qr.svg',
  tags: ['assignments'],
  summary: 'A QR code of the join link, as SVG, for projecting in class',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: {
      description: 'An SVG image of the absolute join link (`joinUrl`).',
      content: { 'image/svg+xml': { schema: z.string() } },
    },
    401: notSignedIn,
    404: assignmentNotFound,
  },
});

const printHeaderSchema = z.object({
  assignment: z.object({
    id: z.string(),
    title: z.string(),
    joinCode: z.string(),
    dueAt: z.string().nullable(),
    timeLimitMinutes: z.int().nullable(),
    questionCount: z.int(),
    maxPoints: z.number(),
  }),
  bank: z.object({ id: z.string(), title: z.string(), description: z.string() }),
  article: articleSchema,
});

const studentCopySchema = printHeaderSchema
  .extend({
    questions: z.array(publicQuestionSchema).openapi({
      description: 'In bank order, numbered from 1, options in bank order: what the paper shows.',
    }),
  })
  .openapi('StudentCopy');

const evidenceSchema = z
  .object({
    quote: z.string(),
    paragraphId: z.string(),
    start: z.int(),
    end: z.int(),
    sentenceIds: z.array(z.string()),
  })
  .openapi('Evidence');

const answerKeyItemSchema = z
  .object({
    question: publicQuestionSchema,
    correctResponse: questionResponseSchema,
    correctAnswer: z.string().openapi({
      description:
        'The right answer in words (option texts, "left → right" pairs, quoted sentences).',
    }),
    acceptedAnswers: z.array(z.string()).openapi({
      description:
        'Short answers: every accepted answer. Numeric: the value with its tolerance. Else empty.',
    }),
    explanation: z.string(),
    optionFeedback: z.record(z.string(), z.string()),
    evidence: z.array(evidenceSchema),
  })
  .openapi('AnswerKeyItem');

const answerKeySchema = printHeaderSchema
  .extend({ questions: z.array(answerKeyItemSchema).openapi({ description: 'In bank order.' }) })
  .openapi('AnswerKey');

const studentCopyRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/print/student-copy',
  tags: ['printing'],
  summary: 'What the paper student copy shows: the article and the questions, no answers',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: {
      description: 'The student copy.',
      content: { 'application/json': { schema: studentCopySchema } },
    },
    401: notSignedIn,
    404: assignmentNotFound,
  },
});

const answerKeyRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/print/answer-key',
  tags: ['printing'],
  summary: 'The answer key: right answers, explanations and evidence quotes',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: {
      description: 'The answer key.',
      content: { 'application/json': { schema: answerKeySchema } },
    },
    401: notSignedIn,
    404: assignmentNotFound,
  },
});

const duplicateAssignmentRoute = createRoute({
  method: 'post',
  path: '/{assignmentId}/duplicate',
  tags: ['assignments'],
  summary: 'Copies an assignment for another class: same quiz and settings, a new join code',
  description:
    'The copy opens now, titled "<title> (copy)", with no attempts. A due time keeps its distance from the opening time (a week-long assignment copied is due a week from now).',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    201: assignmentResponse('The copy.'),
    401: notSignedIn,
    403: sameOriginRefused,
    404: assignmentNotFound,
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
    200: {
      description: 'Who removed which attempt when, and what it was.',
      content: { 'application/json': { schema: z.array(attemptRemovalSchema) } },
    },
    401: notSignedIn,
    404: assignmentNotFound,
  },
});

/** A copy's settings: the same choices, opening at `now`, due as long after as the original. */
function duplicateSettings(assignment: Assignment, now: Date): AssignmentSettings {
  const window =
    assignment.dueAt === null
      ? null
      : Date.parse(assignment.dueAt) - Date.parse(assignment.opensAt);
  return {
    title: `${assignment.title} (copy)`.slice(0, FIELD_LIMITS.assignmentTitle),
    questionIds: assignment.questionIds,
    opensAt: now.toISOString(),
    dueAt: window === null ? null : new Date(now.getTime() + window).toISOString(),
    timeLimitMinutes: assignment.timeLimitMinutes,
    attemptsAllowed: assignment.attemptsAllowed,
    countedAttempt: assignment.countedAttempt,
    shuffleQuestions: assignment.shuffleQuestions,
    shuffleOptions: assignment.shuffleOptions,
    reviewPolicy: assignment.reviewPolicy,
    extraTime: assignment.extraTime,
  };
}

export function createAssignmentRoutes(options: AssignmentRoutesOptions) {
  const { db, store, now, randomIndex } = options;

  const viewOf = (c: Context<TeacherEnv>, assignmentId: string, at: Date) =>
    loadAssignmentView(c, options, assignmentId, at);

  /** Tries fresh codes until `claim` accepts one that no open assignment holds. */
  async function claimJoinCode(claim: (code: string) => Promise<boolean>): Promise<string> {
    for (let tries = 0; tries < MAX_JOIN_CODE_TRIES; tries += 1) {
      const code = createJoinCode(randomIndex);
      if (await claim(code)) return code;
    }
    throw new Error(`No free join code after ${MAX_JOIN_CODE_TRIES} tries`);
  }

  /** After the timing changed: each attempt in progress gets the deadline it would get now. */
  async function moveDeadlines(assignment: Assignment): Promise<void> {
    for (const attempt of await listAssignmentAttempts(db, assignment.id)) {
      if (attempt.status !== 'in-progress') continue;
      const deadline = computeAttemptDeadline({
        startedAt: new Date(attempt.startedAt),
        dueAt: assignment.dueAt === null ? null : new Date(assignment.dueAt),
        timeLimitMinutes: assignment.timeLimitMinutes,
        extraMinutes: findExtraMinutes(assignment.extraTime, attempt.studentName),
      });
      await updateAttemptDeadline(db, attempt.id, deadline?.toISOString() ?? null);
    }
  }

  function printHeader({ assignment, version }: OwnAssignment) {
    return {
      assignment: {
        id: assignment.id,
        title: assignment.title,
        joinCode: assignment.joinCode,
        dueAt: assignment.dueAt,
        timeLimitMinutes: assignment.timeLimitMinutes,
        questionCount: assignment.questionIds.length,
        maxPoints: assignmentMaxPoints(assignment, version),
      },
      bank: {
        id: version.bank.id,
        title: version.bank.title,
        description: version.bank.description,
      },
      article: version.article,
    };
  }

  /** The questions as paper shows them: bank order, options unshuffled, numbered from 1. */
  function presentOnPaper({ assignment, version }: OwnAssignment) {
    const plan = createAttemptPlan(version.bank, {
      seed: 0,
      shuffleQuestions: false,
      shuffleOptions: false,
      questionIds: assignment.questionIds,
    });
    return presentQuestions(version.bank, plan);
  }

  const router = createTeacherRouter();
  router.use('*', options.sessions.requireTeacher);
  return router
    .openapi(createAssignmentRoute, async (c) => {
      const { bankId, ...changes } = c.req.valid('json');
      const createdAt = now();
      const version = await store.startBank(bankId, createdAt);
      if (!version) throw new ApiError(404, 'bank-not-found', `There is no bank "${bankId}".`);
      const settings = applySettings(
        version,
        defaultSettings(version, { title: changes.title, now: createdAt }),
        changes,
      );
      const id = randomUUID();
      await claimJoinCode((joinCode) =>
        insertAssignment(db, {
          ...settings,
          id,
          teacherId: c.var.teacher.id,
          bankId,
          contentVersion: version.contentVersion,
          joinCode,
          closedAt: null,
          createdAt: createdAt.toISOString(),
          updatedAt: createdAt.toISOString(),
        }),
      );
      return c.json(await viewOf(c, id, createdAt), 201);
    })
    .openapi(listAssignmentsRoute, async (c) => {
      const at = now();
      const siteOrigin = siteOriginOf(c, options);
      const views = [];
      for (const assignment of await listAssignments(db, c.var.teacher.id)) {
        const version = await versionOf(store, assignment);
        views.push(toAssignmentView(assignment, version, { now: at, siteOrigin }));
      }
      return c.json(views, 200);
    })
    .openapi(getAssignmentRoute, async (c) => {
      return c.json(await viewOf(c, c.req.valid('param').assignmentId, now()), 200);
    })
    .openapi(updateAssignmentRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      const changes = c.req.valid('json');
      const { assignment, version } = await loadOwnAssignment(c, options, assignmentId);
      const updatedAt = now();
      const settings = applySettings(version, assignment, changes);
      const questionsChange = settings.questionIds.join() !== assignment.questionIds.join();
      if (questionsChange && (await countAssignmentAttempts(db, assignmentId)) > 0) {
        throw new ApiError(
          409,
          'assignment-has-attempts',
          'Students have started this assignment, so its questions can no longer change.',
        );
      }
      // Attempts whose time ran out under the old timing are settled before the timing moves.
      await submitOverdueAttempts({ db, store }, updatedAt, { assignmentId });
      await updateAssignmentSettings(db, assignmentId, settings, updatedAt.toISOString());
      if (changesDeadlines(assignment, settings))
        await moveDeadlines({ ...assignment, ...settings });
      return c.json(await viewOf(c, assignmentId, updatedAt), 200);
    })
    .openapi(closeAssignmentRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      await loadOwnAssignment(c, options, assignmentId);
      const closedAt = now();
      await closeAssignment(db, assignmentId, closedAt.toISOString());
      return c.json(await viewOf(c, assignmentId, closedAt), 200);
    })
    .openapi(reopenAssignmentRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      const { assignment } = await loadOwnAssignment(c, options, assignmentId);
      const reopenedAt = now();
      if (assignment.closedAt !== null) {
        const keepCode = await reopenAssignment(
          db,
          assignmentId,
          assignment.joinCode,
          reopenedAt.toISOString(),
        );
        if (!keepCode) {
          await claimJoinCode((joinCode) =>
            reopenAssignment(db, assignmentId, joinCode, reopenedAt.toISOString()),
          );
        }
      }
      return c.json(await viewOf(c, assignmentId, reopenedAt), 200);
    })
    .openapi(deleteAssignmentRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      await loadOwnAssignment(c, options, assignmentId);
      await deleteAssignment(db, assignmentId);
      return c.body(null, 204);
    })
    .openapi(qrCodeRoute, async (c) => {
      const view = await viewOf(c, c.req.valid('param').assignmentId, now());
      const svg = await QRCode.toString(view.joinUrl, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
    })
    .openapi(studentCopyRoute, async (c) => {
      const own = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      return c.json({ ...printHeader(own), questions: presentOnPaper(own) }, 200);
    })
    .openapi(answerKeyRoute, async (c) => {
      const own = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      const { article, questionsById } = own.version;
      const quoteSentence = quoteSentenceIn(article);
      const questions = presentOnPaper(own).map((question) => {
        const resolved = questionsById.get(question.id);
        if (!resolved) throw new Error(`The bank has no question "${question.id}"`);
        const correctResponse = correctResponseOf(resolved);
        return {
          question,
          correctResponse,
          correctAnswer: describeResponse(question, correctResponse, quoteSentence),
          acceptedAnswers: acceptedAnswersOf(resolved),
          explanation: resolved.explanation,
          optionFeedback: optionFeedbackOf(resolved),
          evidence: resolved.evidence,
        };
      });
      return c.json({ ...printHeader(own), questions }, 200);
    })
    .openapi(duplicateAssignmentRoute, async (c) => {
      const { assignment, version } = await loadOwnAssignment(
        c,
        options,
        c.req.valid('param').assignmentId,
      );
      const createdAt = now();
      const id = randomUUID();
      await claimJoinCode((joinCode) =>
        insertAssignment(db, {
          ...duplicateSettings(assignment, createdAt),
          id,
          teacherId: c.var.teacher.id,
          bankId: assignment.bankId,
          contentVersion: version.contentVersion,
          joinCode,
          closedAt: null,
          createdAt: createdAt.toISOString(),
          updatedAt: createdAt.toISOString(),
        }),
      );
      return c.json(await viewOf(c, id, createdAt), 201);
    })
    .openapi(removedAttemptsRoute, async (c) => {
      const { assignmentId } = c.req.valid('param');
      await loadOwnAssignment(c, options, assignmentId);
      return c.json(await listAttemptRemovals(db, assignmentId), 200);
    });
}

/** Every answer a marker would accept, where the right answer alone does not say it. */
function acceptedAnswersOf(question: ResolvedQuestion): string[] {
  switch (question.type) {
    case 'short':
      return [...question.answers];
    case 'numeric':
      return [
        question.tolerance > 0
          ? `${question.answer} ± ${formatQuantity(question.tolerance, question.unit)}`
          : formatQuantity(question.answer, question.unit),
      ];
    default:
      return [];
  }
}
