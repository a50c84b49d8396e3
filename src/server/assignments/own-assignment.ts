import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestOrigin, type ProxyTrust } from '../http/request-origin';
import type { TeacherEnv, TeacherSessions } from '../teachers/session';
import { versionOf, type BankVersion, type ContentStore } from '../content/content-store';
import { toAssignmentView, type AssignmentView } from './assignment-views';
import { getOwnAssignment, listAssignments, type Assignment } from './assignment-queries';
import type { AppDatabase } from '../db/database';
import { ApiError, errorResponse } from '../http/errors';

export const assignmentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An assignment id is up to 64 letters, digits, "-" and "_".')
  .openapi({
    param: { name: 'assignmentId', in: 'path' },
    example: '0b6c7c1e-7f43-4d59-9a8c-1b2f0e0c9a11',
  });

/** The path parameters of every teacher route under `/{assignmentId}`. */
export const assignmentParams = z.object({ assignmentId: assignmentIdSchema });

/** The OpenAPI description of the 404 that `loadOwnAssignment` answers. */
export const assignmentNotFoundResponse = errorResponse(
  '`assignment-not-found`: no assignment of this teacher has this id.',
);

/** What every teacher route over assignments needs. */
export interface TeacherRoutesOptions extends ProxyTrust {
  db: AppDatabase;
  store: ContentStore;
  sessions: TeacherSessions;
  now: () => Date;
  /** The site's public origin (`https://quiz.example.org`) for join links; else the request's. */
  publicOrigin?: string;
}

export interface OwnAssignment {
  assignment: Assignment;
  version: BankVersion;
}

function assignmentNotFoundError(): ApiError {
  return new ApiError(404, 'assignment-not-found', 'You have no assignment with this id.');
}

/**
 * The signed-in teacher's assignment with this id, with the bank version it uses. Another
 * teacher's assignment is a 404 like a missing one, so ids reveal nothing.
 */
export async function loadOwnAssignment(
  c: Context<TeacherEnv>,
  { db, store }: Pick<TeacherRoutesOptions, 'db' | 'store'>,
  assignmentId: string,
): Promise<OwnAssignment> {
  const assignment = await getOwnAssignment(db, c.var.teacher.id, assignmentId);
  if (!assignment) throw assignmentNotFoundError();
  return { assignment, version: await versionOf(store, assignment) };
}

/** The signed-in teacher's assignment as the teacher pages show it, with its attempt counts. */
export async function loadAssignmentView(
  c: Context<TeacherEnv>,
  options: Pick<TeacherRoutesOptions, 'db' | 'store' | 'publicOrigin' | 'trustProxy'>,
  assignmentId: string,
  now: Date,
): Promise<AssignmentView> {
  const [assignment] = await listAssignments(options.db, c.var.teacher.id, assignmentId);
  if (!assignment) throw assignmentNotFoundError();
  const version = await versionOf(options.store, assignment);
  return toAssignmentView(assignment, version, { now, siteOrigin: siteOriginOf(c, options) });
}

/** The origin join links start with. */
export function siteOriginOf(
  c: Context,
  options: Pick<TeacherRoutesOptions, 'publicOrigin' | 'trustProxy'>,
): string {
  return options.publicOrigin ?? requestOrigin(c, options);
}
