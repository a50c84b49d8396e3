import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { formatPersonalCode, parseClassList } from '../../domain/roster';
import type { TeacherEnv } from '../teachers/session';
import { joinPathOf } from '../assignments/assignment-views';
import { createTeacherRouter, jsonBody, jsonResponse } from '../http/create-router';
import { summariseStudentProgress } from '../assignments/assignment-attempt-queries';
import { deleteRoster, getRoster, saveRoster } from './roster-queries';
import { ApiError, errorResponse } from '../http/errors';
import {
  assignmentNotFoundResponse,
  assignmentParams,
  loadOwnAssignment,
  siteOriginOf,
  type TeacherRoutesOptions,
} from '../assignments/own-assignment';
import { cookieAuth, notSignedIn, sameOriginRefused } from '../teachers/teacher-openapi';

export interface RosterRoutesOptions extends TeacherRoutesOptions {
  /** Uniform integers in [0, max) for personal codes: `crypto.randomInt`, or fixed in tests. */
  randomIndex: (exclusiveMax: number) => number;
}

export const rosterStudentSchema = z
  .object({
    name: z.string(),
    personalCode: z.string().openapi({ example: 'K7MP-Q2XA' }),
    joinPath: z.string().openapi({ example: '/join/K7MPQ2/K7MPQ2XA' }),
    joinUrl: z.string().openapi({ description: 'The personal join link, absolute.' }),
    progress: z.enum(['not-started', 'started', 'submitted']).openapi({
      description: 'submitted: at least one attempt is in; started: an attempt is in progress.',
    }),
    attemptCount: z.int(),
  })
  .openapi('RosterStudent');

export const rosterSchema = z
  .object({
    hasRoster: z.boolean(),
    requireRoster: z
      .boolean()
      .openapi({ description: 'Only students on the list may join, with their personal code.' }),
    students: z.array(rosterStudentSchema).openapi({ description: 'In the order pasted.' }),
    notStarted: z.array(z.string()).openapi({ description: 'Names of students not started yet.' }),
  })
  .openapi('Roster');

const rosterResponse = (description: string) => jsonResponse(description, rosterSchema);

const getRosterRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/roster',
  tags: ['rosters'],
  summary: "The assignment's class list, personal codes, and who has not started",
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: rosterResponse('The class list (empty when none was pasted).'),
    401: notSignedIn,
    404: assignmentNotFoundResponse,
  },
});

const putRosterRoute = createRoute({
  method: 'put',
  path: '/{assignmentId}/roster',
  tags: ['rosters'],
  summary: 'Sets the class list from pasted text, one name per line',
  description:
    'Students already listed keep their personal code; new students get one. With `requireRoster`, joining by name alone is refused.',
  security: cookieAuth,
  request: {
    params: assignmentParams,
    body: jsonBody(
      z
        .strictObject({
          classList: z
            .string()
            .max(50_000, 'The class list is too long: paste at most 300 names.')
            .openapi({ example: 'Ann Lee\nBo Chen\nCy Diaz' }),
          requireRoster: z.boolean(),
        })
        .openapi('RosterRequest'),
    ),
  },
  responses: {
    200: rosterResponse('The class list as saved.'),
    400: errorResponse(
      '`invalid-class-list`: `details.problems` lists `{ line, message }` for each blank, duplicate or too-long name.',
    ),
    401: notSignedIn,
    403: sameOriginRefused,
    404: assignmentNotFoundResponse,
  },
});

const deleteRosterRoute = createRoute({
  method: 'delete',
  path: '/{assignmentId}/roster',
  tags: ['rosters'],
  summary: 'Removes the class list: students join by name again',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: rosterResponse('The empty class list.'),
    401: notSignedIn,
    403: sameOriginRefused,
    404: assignmentNotFoundResponse,
  },
});

export function createRosterRoutes(options: RosterRoutesOptions) {
  const { db, now, randomIndex } = options;

  async function describeRoster(c: Context<TeacherEnv>, assignmentId: string, joinCode: string) {
    const roster = await getRoster(db, assignmentId);
    const progress = await summariseStudentProgress(db, assignmentId);
    const siteOrigin = siteOriginOf(c, options);
    const students = (roster?.entries ?? []).map((entry) => {
      const done = progress.get(entry.studentKey);
      const joinPath = `${joinPathOf(joinCode)}/${entry.personalCode}`;
      return {
        name: entry.name,
        personalCode: formatPersonalCode(entry.personalCode),
        joinPath,
        joinUrl: `${siteOrigin}${joinPath}`,
        progress: !done
          ? ('not-started' as const)
          : done.submittedCount > 0
            ? ('submitted' as const)
            : ('started' as const),
        attemptCount: done?.attemptCount ?? 0,
      };
    });
    return {
      hasRoster: roster !== undefined,
      requireRoster: roster?.requireRoster ?? false,
      students,
      notStarted: students
        .filter((student) => student.progress === 'not-started')
        .map((student) => student.name),
    };
  }

  const router = createTeacherRouter();
  router.use('*', options.sessions.requireTeacher);
  return router
    .openapi(getRosterRoute, async (c) => {
      const { assignment } = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      return c.json(await describeRoster(c, assignment.id, assignment.joinCode), 200);
    })
    .openapi(putRosterRoute, async (c) => {
      const { assignment } = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      const { classList, requireRoster } = c.req.valid('json');
      const parsed = parseClassList(classList);
      if (!parsed.ok) {
        const [first] = parsed.problems;
        throw new ApiError(
          400,
          'invalid-class-list',
          parsed.problems.length === 1 && first
            ? first.message
            : `The class list has ${parsed.problems.length} problems: ${parsed.problems
                .map((problem) => problem.message)
                .join(' ')}`,
          { problems: parsed.problems },
        );
      }
      await saveRoster(db, assignment.id, {
        names: parsed.names,
        requireRoster,
        now: now(),
        randomIndex,
      });
      return c.json(await describeRoster(c, assignment.id, assignment.joinCode), 200);
    })
    .openapi(deleteRosterRoute, async (c) => {
      const { assignment } = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      await deleteRoster(db, assignment.id);
      return c.json(await describeRoster(c, assignment.id, assignment.joinCode), 200);
    });
}
