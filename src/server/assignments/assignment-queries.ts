import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AssignmentSettings } from '../../domain/assignment-settings';
import { getAttempt } from '../attempts/attempt-queries';
import type { AppDatabase } from '../db/database';
import type { AssignmentRow, AssignmentTable } from '../db/schema';

export interface Assignment extends AssignmentSettings {
  id: string;
  teacherId: string;
  bankId: string;
  /** The bank version every attempt of this assignment uses, fixed when it was created. */
  contentVersion: string;
  joinCode: string;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Seeds the option order on paper (student copy and answer key alike); fixed at creation. */
  printSeed: number;
}

function toAssignment(row: AssignmentRow): Assignment {
  return {
    id: row.id,
    teacherId: row.teacher_id,
    bankId: row.bank_id,
    contentVersion: row.content_version,
    title: row.title,
    questionIds: JSON.parse(row.question_ids_json) as string[],
    opensAt: row.opens_at,
    dueAt: row.due_at,
    timeLimitMinutes: row.time_limit_minutes,
    attemptsAllowed: row.attempts_allowed,
    countedAttempt: row.counted_attempt,
    shuffleQuestions: row.shuffle_questions === 1,
    shuffleOptions: row.shuffle_options === 1,
    reviewPolicy: { when: row.review_when, show: row.review_show },
    extraTime: JSON.parse(row.extra_time_json) as Record<string, number>,
    allowHighlights: row.allow_highlights === 1,
    joinCode: row.join_code,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    printSeed: row.print_seed,
  };
}

/** The columns that are not settings; every other column stores one (a missing one won't compile). */
type SettingsColumns = Required<
  Omit<
    Insertable<AssignmentTable>,
    | 'id'
    | 'teacher_id'
    | 'bank_id'
    | 'content_version'
    | 'join_code'
    | 'closed_at'
    | 'created_at'
    | 'updated_at'
    | 'print_seed'
  >
>;

function settingsColumns(settings: AssignmentSettings): SettingsColumns {
  return {
    title: settings.title,
    question_ids_json: JSON.stringify(settings.questionIds),
    opens_at: settings.opensAt,
    due_at: settings.dueAt,
    time_limit_minutes: settings.timeLimitMinutes,
    attempts_allowed: settings.attemptsAllowed,
    counted_attempt: settings.countedAttempt,
    shuffle_questions: settings.shuffleQuestions ? 1 : 0,
    shuffle_options: settings.shuffleOptions ? 1 : 0,
    review_when: settings.reviewPolicy.when,
    review_show: settings.reviewPolicy.show,
    extra_time_json: JSON.stringify(settings.extraTime),
    allow_highlights: settings.allowHighlights ? 1 : 0,
  };
}

/**
 * Stores a new assignment. Returns false, storing nothing, when an open assignment already has its
 * join code: the partial unique index on open codes decides, so the caller retries with another.
 */
export async function insertAssignment(db: AppDatabase, assignment: Assignment): Promise<boolean> {
  const result = await db
    .insertInto('assignments')
    .values({
      id: assignment.id,
      teacher_id: assignment.teacherId,
      bank_id: assignment.bankId,
      content_version: assignment.contentVersion,
      ...settingsColumns(assignment),
      join_code: assignment.joinCode,
      closed_at: assignment.closedAt,
      created_at: assignment.createdAt,
      updated_at: assignment.updatedAt,
      print_seed: assignment.printSeed,
    })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface AssignmentWithCounts extends Assignment {
  /** Attempts started, and of those submitted. */
  attemptCount: number;
  submittedCount: number;
  studentCount: number;
}

/** A teacher's assignments (or just the one with `onlyId`), newest first, with their attempt counts. */
export async function listAssignments(
  db: AppDatabase,
  teacherId: string,
  onlyId?: string,
): Promise<AssignmentWithCounts[]> {
  let query = db
    .selectFrom('assignments')
    .selectAll('assignments')
    .select((eb) => [
      eb
        .selectFrom('attempts')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('attempts.assignment_id', '=', 'assignments.id')
        .as('attempt_count'),
      eb
        .selectFrom('attempts')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('attempts.assignment_id', '=', 'assignments.id')
        .where('attempts.status', '=', 'submitted')
        .as('submitted_count'),
      eb
        .selectFrom('attempts')
        .select((inner) => inner.fn.count<number>('attempts.student_key').distinct().as('count'))
        .whereRef('attempts.assignment_id', '=', 'assignments.id')
        .as('student_count'),
    ])
    .where('teacher_id', '=', teacherId)
    .orderBy('created_at', 'desc')
    .orderBy('id');
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  const rows = await query.execute();
  return rows.map((row) => ({
    ...toAssignment(row),
    attemptCount: Number(row.attempt_count ?? 0),
    submittedCount: Number(row.submitted_count ?? 0),
    studentCount: Number(row.student_count ?? 0),
  }));
}

/** The assignment with this id if `teacherId` owns it; another teacher's is as good as missing. */
export async function getOwnAssignment(
  db: AppDatabase,
  teacherId: string,
  id: string,
): Promise<Assignment | undefined> {
  const assignment = await getAssignment(db, id);
  return assignment?.teacherId === teacherId ? assignment : undefined;
}

export async function getAssignment(db: AppDatabase, id: string): Promise<Assignment | undefined> {
  const row = await db
    .selectFrom('assignments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toAssignment(row);
}

/**
 * The assignment a student's code opens: the open one with this code, else the most recently
 * closed (so a student is told it closed rather than that the code is wrong).
 */
export async function findAssignmentByJoinCode(
  db: AppDatabase,
  joinCode: string,
): Promise<Assignment | undefined> {
  const row = await db
    .selectFrom('assignments')
    .selectAll()
    .where('join_code', '=', joinCode)
    .orderBy((eb) => eb.case().when('closed_at', 'is', null).then(0).else(1).end())
    .orderBy('closed_at', 'desc')
    .executeTakeFirst();
  return row && toAssignment(row);
}

export async function updateAssignmentSettings(
  db: AppDatabase,
  id: string,
  settings: AssignmentSettings,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('assignments')
    .set({ ...settingsColumns(settings), updated_at: updatedAt })
    .where('id', '=', id)
    .execute();
}

export async function closeAssignment(
  db: AppDatabase,
  id: string,
  closedAt: string,
): Promise<void> {
  await db
    .updateTable('assignments')
    .set({ closed_at: closedAt, updated_at: closedAt })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .execute();
}

/**
 * Opens a closed assignment again with `joinCode`. Returns false, changing nothing, when an open
 * assignment has taken that code meanwhile.
 */
export async function reopenAssignment(
  db: AppDatabase,
  id: string,
  joinCode: string,
  updatedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('assignments')
    .set({ closed_at: null, join_code: joinCode, updated_at: updatedAt })
    .where('id', '=', id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('assignments as taken')
            .select('taken.id')
            .where('taken.join_code', '=', joinCode)
            .where('taken.closed_at', 'is', null),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes an assignment with all its attempts and their answers, and its removal audit. */
export async function deleteAssignment(db: AppDatabase, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('attempts').where('assignment_id', '=', id).execute();
    await trx.deleteFrom('attempt_removals').where('assignment_id', '=', id).execute();
    await trx.deleteFrom('assignments').where('id', '=', id).execute();
  });
}

/** An attempt a teacher removed, as the audit trail keeps it. */
export interface AttemptRemoval {
  id: string;
  attemptId: string;
  removedBy: string;
  removedAt: string;
  studentName: string;
  status: 'in-progress' | 'submitted' | 'overdue';
  startedAt: string;
  submittedAt: string | null;
  score: number | null;
  maxPoints: number | null;
  percent: number | null;
}

/**
 * Removes one attempt at an assignment and records who removed it, when, and what it was (its
 * student, state and score), in one transaction. The attempt and its answers are deleted, so it
 * leaves the gradebook, statistics and exports and no longer uses up one of the student's
 * attempts. Returns undefined, changing nothing, when the assignment has no such attempt.
 */
export async function removeAssignmentAttempt(
  db: AppDatabase,
  {
    assignmentId,
    attemptId,
    teacher,
    removedAt,
  }: {
    assignmentId: string;
    attemptId: string;
    teacher: { id: string; name: string };
    removedAt: string;
  },
): Promise<AttemptRemoval | undefined> {
  return db.transaction().execute(async (trx) => {
    const attempt = await getAttempt(trx, attemptId);
    if (attempt?.assignmentId !== assignmentId) return undefined;
    const removal: AttemptRemoval = {
      id: randomUUID(),
      attemptId,
      removedBy: teacher.name,
      removedAt,
      studentName: attempt.studentName ?? '',
      status:
        attempt.status === 'in-progress'
          ? 'in-progress'
          : attempt.submittedBy === 'deadline'
            ? 'overdue'
            : 'submitted',
      startedAt: attempt.startedAt,
      submittedAt: attempt.submittedAt,
      score: attempt.result?.total ?? null,
      maxPoints: attempt.result?.maxPoints ?? null,
      percent: attempt.result?.percent ?? null,
    };
    await trx
      .insertInto('attempt_removals')
      .values({
        id: removal.id,
        assignment_id: assignmentId,
        attempt_id: attemptId,
        teacher_id: teacher.id,
        teacher_name: teacher.name,
        student_name: removal.studentName,
        attempt_status: removal.status,
        started_at: removal.startedAt,
        submitted_at: removal.submittedAt,
        score: removal.score,
        max_points: removal.maxPoints,
        percent: removal.percent,
        removed_at: removedAt,
      })
      .execute();
    await trx
      .deleteFrom('attempts')
      .where('id', '=', attemptId)
      .where('assignment_id', '=', assignmentId)
      .execute();
    return removal;
  });
}

/** The attempts removed from an assignment, most recent first. */
export async function listAttemptRemovals(
  db: AppDatabase,
  assignmentId: string,
): Promise<AttemptRemoval[]> {
  const rows = await db
    .selectFrom('attempt_removals')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .orderBy('removed_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    attemptId: row.attempt_id,
    removedBy: row.teacher_name,
    removedAt: row.removed_at,
    studentName: row.student_name,
    status: row.attempt_status,
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    score: row.score,
    maxPoints: row.max_points,
    percent: row.percent,
  }));
}
