import type { Context } from 'hono';
import { requestOrigin, type ProxyTrust } from './auth/request-origin';
import type { TeacherEnv, TeacherSessions } from './auth/session';
import { versionOf, type BankVersion, type ContentStore } from './content-store';
import { toAssignmentView, type AssignmentView } from './assignment-views';
import { getOwnAssignment, listAssignments, type Assignment } from './db/assignments';
import type { AppDatabase } from './db/database';
import { ApiError } from './errors';

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

function assignmentNotFound(): ApiError {
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
  if (!assignment) throw assignmentNotFound();
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
  if (!assignment) throw assignmentNotFound();
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
