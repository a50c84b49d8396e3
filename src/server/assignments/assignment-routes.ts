import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import QRCode from 'qrcode';
import {
  computeAttemptDeadline,
  createJoinCode,
  findExtraMinutes,
} from '../../domain/assignment-rules';
import { pickAssignmentSettings, type AssignmentSettings } from '../../domain/assignment-settings';
import { FIELD_LIMITS } from '../../domain/field-limits';
import { submitOverdueAttempts } from '../attempts/attempt-lifecycle';
import {
  assignmentSchema,
  assignmentUpdateSchema,
  newAssignmentSchema,
} from './assignment-schemas';
import { applySettings, changesDeadlines, defaultSettings } from './assignment-settings';
import { toAssignmentView } from './assignment-views';
import type { TeacherEnv } from '../teachers/session';
import { createTeacherRouter, jsonBody, jsonResponse } from '../http/create-router';
import {
  closeAssignment,
  deleteAssignment,
  insertAssignment,
  listAssignments,
  reopenAssignment,
  updateAssignmentSettings,
  type Assignment,
} from './assignment-queries';
import {
  countAssignmentAttempts,
  listAssignmentAttempts,
  updateAttemptDeadline,
} from './assignment-attempt-queries';
import { ApiError, errorResponse } from '../http/errors';
import { createPlanSeed } from '../http/tokens';
import { versionOf } from '../content/content-store';
import {
  assignmentNotFoundResponse,
  assignmentParams,
  loadAssignmentView,
  loadOwnAssignment,
  siteOriginOf,
  type TeacherRoutesOptions,
} from './own-assignment';
import { cookieAuth, notSignedIn, sameOriginRefused } from '../teachers/teacher-openapi';

/** A join code is 6 of 31 letters (887 million codes): a collision is rare, ten in a row is a bug. */
const MAX_JOIN_CODE_TRIES = 10;

export interface AssignmentRoutesOptions extends TeacherRoutesOptions {
  /** Uniform integers in [0, max) for join codes: `crypto.randomInt`, or a fixed source in tests. */
  randomIndex: (exclusiveMax: number) => number;
}

const assignmentResponse = (description: string) => jsonResponse(description, assignmentSchema);

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
    200: jsonResponse('Every assignment of the signed-in teacher.', z.array(assignmentSchema)),
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
    404: assignmentNotFoundResponse,
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
    404: assignmentNotFoundResponse,
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
    404: assignmentNotFoundResponse,
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
    404: assignmentNotFoundResponse,
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
    404: assignmentNotFoundResponse,
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
    404: assignmentNotFoundResponse,
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
    404: assignmentNotFoundResponse,
  },
});

/** A copy's settings: the same choices, opening at `now`, due as long after as the original. */
function duplicateSettings(assignment: Assignment, now: Date): AssignmentSettings {
  const window =
    assignment.dueAt === null
      ? null
      : Date.parse(assignment.dueAt) - Date.parse(assignment.opensAt);
  return {
    ...pickAssignmentSettings(assignment),
    title: `${assignment.title} (copy)`.slice(0, FIELD_LIMITS.assignmentTitle),
    opensAt: now.toISOString(),
    dueAt: window === null ? null : new Date(now.getTime() + window).toISOString(),
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

  /**
   * Stores a new open assignment of the teacher's under a free join code, with a fresh print seed
   * (a copy's paper is shuffled anew); returns its id.
   */
  async function insertNewAssignment(
    teacherId: string,
    {
      createdAt,
      ...fields
    }: AssignmentSettings & { bankId: string; contentVersion: string; createdAt: Date },
  ): Promise<string> {
    const id = randomUUID();
    const printSeed = createPlanSeed();
    await claimJoinCode((joinCode) =>
      insertAssignment(db, {
        ...fields,
        id,
        teacherId,
        joinCode,
        closedAt: null,
        createdAt: createdAt.toISOString(),
        updatedAt: createdAt.toISOString(),
        printSeed,
      }),
    );
    return id;
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

  const router = createTeacherRouter();
  router.use('*', options.sessions.requireTeacher);
  return router
    .openapi(createAssignmentRoute, async (c) => {
      const { bankId, ...changes } = c.req.valid('json');
      const createdAt = now();
      const version = await store.startTeacherBank(c.var.teacher.id, bankId, createdAt);
      if (!version) throw new ApiError(404, 'bank-not-found', `There is no bank "${bankId}".`);
      const settings = applySettings(
        version,
        defaultSettings(version, { title: changes.title, now: createdAt }),
        changes,
      );
      const id = await insertNewAssignment(c.var.teacher.id, {
        ...settings,
        bankId,
        contentVersion: version.contentVersion,
        createdAt,
      });
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
    .openapi(duplicateAssignmentRoute, async (c) => {
      const { assignment, version } = await loadOwnAssignment(
        c,
        options,
        c.req.valid('param').assignmentId,
      );
      const createdAt = now();
      const id = await insertNewAssignment(c.var.teacher.id, {
        ...duplicateSettings(assignment, createdAt),
        bankId: assignment.bankId,
        contentVersion: version.contentVersion,
        createdAt,
      });
      return c.json(await viewOf(c, id, createdAt), 201);
    });
}
