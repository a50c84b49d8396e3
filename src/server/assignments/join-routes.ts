import { createHmac } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  computeAttemptDeadline,
  findExtraMinutes,
  parseJoinCode,
} from '../../domain/assignment-rules';
import { parsePersonalCode } from '../../domain/roster';
import { parseStudentName } from '../../domain/student-name';
import { studentAssignmentSchema } from './assignment-schemas';
import { assignmentStatusAt, toStudentAssignment } from './assignment-views';
import { submitOverdueAttempts } from '../attempts/attempt-lifecycle';
import {
  describeAttempt,
  describeNewAttempt,
  newAttemptSchema,
  prepareAttempt,
} from '../attempts/attempt-view';
import { versionOf, type BankVersion, type ContentStore } from '../content/content-store';
import { createRouter, jsonBody, jsonResponse } from '../http/create-router';
import { insertAssignmentAttempt, listStudentAttempts } from './assignment-attempt-queries';
import { findAssignmentByJoinCode, type Assignment } from './assignment-queries';
import type { AppDatabase } from '../db/database';
import { findEntryByCode, getRoster, type RosterEntry } from '../rosters/roster-queries';
import { ApiError, errorResponse } from '../http/errors';
import { sameOriginRefused } from '../teachers/teacher-openapi';
import { hashToken, tokenMatches } from '../http/tokens';
import { FIELD_LIMITS } from '../../domain/field-limits';

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

const codeNotFound = errorResponse(
  '`assignment-not-found`: no assignment has this code; `personal-code-not-found`: no student on its class list has this personal code.',
);

const tooManyRequests = errorResponse(
  '`too-many-requests`: too many attempts started, or wrong codes typed, from this address; wait `Retry-After` seconds.',
);

export const joinableAssignmentSchema = studentAssignmentSchema
  .extend({
    roster: z.enum(['none', 'optional', 'required']).openapi({
      description:
        'none: join by name; optional: by name or with a personal code; required: only with a personal code from the class list.',
    }),
  })
  .openapi('JoinableAssignment');

const personalCodeField = z
  .string()
  .max(40)
  .openapi({ example: 'K7MP-Q2XA', description: 'The personal code from the class list.' });

const getJoinRoute = createRoute({
  method: 'get',
  path: '/{code}',
  tags: ['join'],
  summary: 'What a join code opens: the assignment as a student sees it',
  request: { params: joinParams },
  responses: {
    200: jsonResponse(
      'The assignment; `status` says whether it can be joined now.',
      joinableAssignmentSchema,
    ),
    404: codeNotFound,
    429: tooManyRequests,
  },
});

const joinAssignmentRoute = createRoute({
  method: 'post',
  path: '/{code}',
  tags: ['join'],
  summary: 'Starts an attempt at an assignment under a student name or personal code',
  description:
    "Like `POST /api/attempts`, with the assignment's questions, shuffling and deadline. Names are compared after removing invisible characters, ignoring case, spacing and look-alike letters of other scripts: the same name shares the attempts allowed and any extra time. With `personalCode` (from the class list) the student's unfinished attempt is reopened (200, same token) instead of starting another.",
  request: {
    params: joinParams,
    body: jsonBody(
      z
        .object({
          name: z.string().max(FIELD_LIMITS.studentName).optional(),
          personalCode: personalCodeField.optional(),
        })
        .openapi('JoinRequest'),
    ),
  },
  responses: {
    200: jsonResponse(
      'The unfinished attempt of the student with this personal code, reopened.',
      newAttemptSchema,
    ),
    201: jsonResponse(
      'The attempt, its token, and its questions, with the assignment.',
      newAttemptSchema,
    ),
    400: errorResponse(
      `\`invalid-name\`: the name is empty once invisible characters are removed, or longer than ${FIELD_LIMITS.studentName} characters; \`invalid-request\`: neither \`name\` nor \`personalCode\`.`,
    ),
    403: sameOriginRefused,
    404: codeNotFound,
    409: errorResponse(
      '`assignment-not-open-yet` (details.opensAt), `assignment-past-due` (details.dueAt), `assignment-closed`, `attempts-used-up` (details.attemptsAllowed), or `roster-required`: this assignment takes personal codes only.',
    ),
    429: tooManyRequests,
  },
});

export const studentRecordSchema = z
  .object({
    name: z.string(),
    attempts: z.array(
      z.object({
        attemptId: z.string(),
        token: z.string(),
        bankId: z.string(),
        articleId: z.string(),
        status: z.enum(['in-progress', 'submitted']),
        startedAt: z.string(),
        submittedAt: z.string().nullable(),
      }),
    ),
    attemptsLeft: z.int().nullable().openapi({ description: 'Null: unlimited.' }),
  })
  .openapi('StudentRecord');

const studentRecordRoute = createRoute({
  method: 'post',
  path: '/{code}/student',
  tags: ['join'],
  summary: "A student's own attempts, by their personal code, to continue or review on any device",
  request: {
    params: joinParams,
    body: jsonBody(z.object({ personalCode: personalCodeField }).openapi('StudentRecordRequest')),
  },
  responses: {
    200: jsonResponse(
      "The student's name, attempts (with their tokens) and attempts left.",
      studentRecordSchema,
    ),
    403: sameOriginRefused,
    404: codeNotFound,
    429: tooManyRequests,
  },
});

/**
 * The token of a roster student's attempt, derived from their entry's secret, so their personal
 * code reopens it on another device with the same token while the database keeps only its hash.
 */
function rosterToken(entry: RosterEntry, attemptId: string): string {
  return createHmac('sha256', Buffer.from(entry.tokenSecret, 'hex'))
    .update(attemptId)
    .digest('base64url');
}

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

  /** The class-list student with this personal code; a wrong code is a 404 (and counts as a miss). */
  async function findStudent(assignment: Assignment, typed: string): Promise<RosterEntry> {
    const code = parsePersonalCode(typed);
    const roster = await getRoster(db, assignment.id);
    const entry = code === null || !roster ? undefined : findEntryByCode(roster, code);
    if (!entry) {
      throw new ApiError(
        404,
        'personal-code-not-found',
        'No student on this class list has this personal code: check it with your teacher.',
      );
    }
    return entry;
  }

  /**
   * The student's attempts, after submitting those whose time ran out: `all` count against the
   * attempts allowed; `reopenable` were started with the personal code, so their token can be
   * derived again (one started by name, before the class list, has a random token).
   */
  async function studentAttempts(assignment: Assignment, entry: RosterEntry) {
    for (const attempt of await listStudentAttempts(db, assignment.id, entry.studentKey)) {
      if (attempt.status === 'in-progress') {
        await submitOverdueAttempts({ db, store }, now(), { attemptId: attempt.id });
      }
    }
    const all = await listStudentAttempts(db, assignment.id, entry.studentKey);
    const reopenable = all.flatMap((attempt) => {
      const token = rosterToken(entry, attempt.id);
      return tokenMatches(token, attempt.tokenHash) ? [{ attempt, token }] : [];
    });
    return { all, reopenable };
  }

  async function startAttempt(
    assignment: Assignment,
    version: BankVersion,
    student: { name: string; key: string; entry?: RosterEntry },
  ) {
    const startedAt = now();
    const deadline = computeAttemptDeadline({
      startedAt,
      dueAt: assignment.dueAt === null ? null : new Date(assignment.dueAt),
      timeLimitMinutes: assignment.timeLimitMinutes,
      extraMinutes: findExtraMinutes(assignment.extraTime, student.name),
    });
    const prepared = prepareAttempt(
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
        studentName: student.name,
        studentKey: student.key,
      },
    );
    const token = student.entry ? rosterToken(student.entry, prepared.attempt.id) : prepared.token;
    const started = { token, attempt: { ...prepared.attempt, tokenHash: hashToken(token) } };
    if (!(await insertAssignmentAttempt(db, started.attempt, assignment.attemptsAllowed))) {
      const allowed = assignment.attemptsAllowed ?? 0;
      throw new ApiError(
        409,
        'attempts-used-up',
        `${student.name} has used ${allowed === 1 ? 'the one attempt' : `all ${allowed} attempts`} allowed at this assignment.`,
        { attemptsAllowed: assignment.attemptsAllowed },
      );
    }
    return describeNewAttempt({ db, store }, started);
  }

  return createRouter()
    .openapi(getJoinRoute, async (c) => {
      const { assignment, version } = await findByCode(c.req.valid('param').code);
      const roster = await getRoster(db, assignment.id);
      const rosterMode: z.infer<typeof joinableAssignmentSchema>['roster'] = !roster
        ? 'none'
        : roster.requireRoster
          ? 'required'
          : 'optional';
      return c.json(
        { ...toStudentAssignment(assignment, version, now()), roster: rosterMode },
        200,
      );
    })
    .openapi(joinAssignmentRoute, async (c) => {
      const { assignment, version } = await findByCode(c.req.valid('param').code);
      const { name, personalCode } = c.req.valid('json');
      if (personalCode !== undefined) {
        const entry = await findStudent(assignment, personalCode);
        const unfinished = (await studentAttempts(assignment, entry)).reopenable.find(
          ({ attempt }) => attempt.status === 'in-progress',
        );
        if (unfinished) {
          const view = await describeAttempt({ db, store }, unfinished.attempt, now());
          return c.json({ ...view, token: unfinished.token }, 200);
        }
        refuseUnlessOpen(assignment, now());
        const student = { name: entry.name, key: entry.studentKey, entry };
        return c.json(await startAttempt(assignment, version, student), 201);
      }
      if (name === undefined) {
        throw new ApiError(400, 'invalid-request', 'Send your name or your personal code.');
      }
      refuseUnlessOpen(assignment, now());
      if ((await getRoster(db, assignment.id))?.requireRoster) {
        throw new ApiError(
          409,
          'roster-required',
          'Your teacher gave each student a personal code for this assignment: type yours instead of your name.',
        );
      }
      const parsed = parseStudentName(name);
      if (!parsed.ok) {
        throw new ApiError(400, 'invalid-name', parsed.problem, { field: 'name' });
      }
      return c.json(await startAttempt(assignment, version, parsed), 201);
    })
    .openapi(studentRecordRoute, async (c) => {
      const { assignment, version } = await findByCode(c.req.valid('param').code);
      const entry = await findStudent(assignment, c.req.valid('json').personalCode);
      const { all, reopenable } = await studentAttempts(assignment, entry);
      return c.json(
        {
          name: entry.name,
          attempts: reopenable.map(({ attempt, token }) => ({
            attemptId: attempt.id,
            token,
            bankId: version.bank.id,
            articleId: version.bank.articleId,
            status: attempt.status,
            startedAt: attempt.startedAt,
            submittedAt: attempt.submittedAt,
          })),
          attemptsLeft:
            assignment.attemptsAllowed === null
              ? null
              : Math.max(0, assignment.attemptsAllowed - all.length),
        },
        200,
      );
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
