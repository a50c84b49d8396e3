import { createRoute, z } from '@hono/zod-openapi';
import {
  computeAttemptDeadline,
  findExtraMinutes,
  normaliseStudentName,
  parseJoinCode,
  studentNameKey,
} from '../../domain/assignment-rules';
import { studentAssignmentSchema } from '../assignment-schemas';
import { assignmentStatusAt, toStudentAssignment } from '../assignment-views';
import { describeNewAttempt, newAttemptSchema, prepareAttempt } from '../attempt-view';
import { versionOf, type ContentStore } from '../content-store';
import { createRouter, jsonBody } from '../create-router';
import { insertAssignmentAttempt } from '../db/assignment-attempts';
import { findAssignmentByJoinCode, type Assignment } from '../db/assignments';
import type { AppDatabase } from '../db/database';
import { ApiError, errorResponse } from '../errors';
import { sameOriginRefused } from '../teacher-openapi';

export interface JoinRoutesOptions {
  db: AppDatabase;
  store: ContentStore;
  now: () => Date;
}

const joinParams = z.object({
  code: z
    .string()
    .max(20)
    .openapi({
      param: { name: 'code', in: 'path' },
      example: 'K7MPQ2',
      description: 'The join code, in any case, with or without spaces and dashes.',
    }),
});

const codeNotFound = errorResponse('`assignment-not-found`: no assignment has this code.');

const getJoinRoute = createRoute({
  method: 'get',
  path: '/{code}',
  tags: ['join'],
  summary: 'What a join code opens: the assignment as a student sees it',
  request: { params: joinParams },
  responses: {
    200: {
      description: 'The assignment; `status` says whether it can be joined now.',
      content: { 'application/json': { schema: studentAssignmentSchema } },
    },
    404: codeNotFound,
  },
});

const joinAssignmentRoute = createRoute({
  method: 'post',
  path: '/{code}',
  tags: ['join'],
  summary: 'Starts an attempt at an assignment under a student name (no account needed)',
  description:
    "Like `POST /api/attempts`, with the assignment's questions, shuffling and deadline. The same name (ignoring case and spacing) shares the attempts allowed and any extra time.",
  request: {
    params: joinParams,
    body: jsonBody(
      z
        .object({ name: z.string().trim().min(1, 'Type your name.').max(80) })
        .openapi('JoinRequest'),
    ),
  },
  responses: {
    201: {
      description: 'The attempt, its token, and its questions, with the assignment.',
      content: { 'application/json': { schema: newAttemptSchema } },
    },
    400: errorResponse('The body is not `{ "name": string }` with a name of 1 to 80 characters.'),
    403: sameOriginRefused,
    404: codeNotFound,
    409: errorResponse(
      '`assignment-not-open-yet` (details.opensAt), `assignment-past-due` (details.dueAt), `assignment-closed`, or `attempts-used-up` (details.attemptsAllowed).',
    ),
  },
});

export function createJoinRoutes({ db, store, now }: JoinRoutesOptions) {
  async function findByCode(code: string) {
    const parsed = parseJoinCode(code);
    const assignment = parsed === null ? undefined : await findAssignmentByJoinCode(db, parsed);
    if (!assignment) {
      throw new ApiError(
        404,
        'assignment-not-found',
        'No assignment has this code: check it with your teacher.',
      );
    }
    return { assignment, version: await versionOf(store, assignment) };
  }

  return createRouter()
    .openapi(getJoinRoute, async (c) => {
      const { assignment, version } = await findByCode(c.req.valid('param').code);
      return c.json(toStudentAssignment(assignment, version, now()), 200);
    })
    .openapi(joinAssignmentRoute, async (c) => {
      const { assignment, version } = await findByCode(c.req.valid('param').code);
      const startedAt = now();
      refuseUnlessOpen(assignment, startedAt);
      const studentName = normaliseStudentName(c.req.valid('json').name);
      const deadline = computeAttemptDeadline({
        startedAt,
        dueAt: assignment.dueAt === null ? null : new Date(assignment.dueAt),
        timeLimitMinutes: assignment.timeLimitMinutes,
        extraMinutes: findExtraMinutes(assignment.extraTime, studentName),
      });
      const started = prepareAttempt(
        version,
        {
          shuffleQuestions: assignment.shuffleQuestions,
          shuffleOptions: assignment.shuffleOptions,
          questionIds: assignment.questionIds,
        },
        {
          reviewPolicy: 'assignment',
          startedAt: startedAt.toISOString(),
          deadline: deadline?.toISOString() ?? null,
          assignmentId: assignment.id,
          studentName,
          studentKey: studentNameKey(studentName),
        },
      );
      if (!(await insertAssignmentAttempt(db, started.attempt, assignment.attemptsAllowed))) {
        throw new ApiError(
          409,
          'attempts-used-up',
          `${studentName} has used all ${assignment.attemptsAllowed} attempt(s) at this assignment.`,
          { attemptsAllowed: assignment.attemptsAllowed },
        );
      }
      return c.json(await describeNewAttempt({ db, store }, started), 201);
    });
}

/** Joining is only for an open assignment; each refusal says when or why. */
function refuseUnlessOpen(assignment: Assignment, now: Date): void {
  switch (assignmentStatusAt(assignment, now)) {
    case 'open':
      return;
    case 'scheduled':
      throw new ApiError(
        409,
        'assignment-not-open-yet',
        `This assignment opens at ${assignment.opensAt}.`,
        { opensAt: assignment.opensAt },
      );
    case 'past-due':
      throw new ApiError(
        409,
        'assignment-past-due',
        `This assignment was due at ${assignment.dueAt}.`,
        {
          dueAt: assignment.dueAt,
        },
      );
    case 'closed':
      throw new ApiError(409, 'assignment-closed', 'Your teacher has closed this assignment.');
  }
}
