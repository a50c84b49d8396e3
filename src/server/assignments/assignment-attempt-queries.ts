import type { NotNull } from 'kysely';
import type { QuestionResponse } from '../../domain/responses';
import type { AppDatabase } from '../db/database';
import { lockUntilCommit } from '../db/dialect';
import {
  insertAttempt,
  toAttempt,
  type Attempt,
  type NewAttemptRecord,
} from '../attempts/attempt-queries';

/**
 * Stores a student's new attempt at an assignment unless they have used up `attemptsAllowed`
 * (null: unlimited). Counting and inserting share a transaction, so two tabs joining at once
 * cannot both squeeze past the limit. Returns false, storing nothing, when the limit is reached.
 */
export async function insertAssignmentAttempt(
  db: AppDatabase,
  attempt: NewAttemptRecord & { assignmentId: string; studentName: string; studentKey: string },
  attemptsAllowed: number | null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (attemptsAllowed !== null) {
      // One student's joins at a time on every instance, so the count below is still true
      // when the attempt is inserted.
      await lockUntilCommit(trx, `attempts-of:${attempt.assignmentId}:${attempt.studentKey}`);
      const { count } = await trx
        .selectFrom('attempts')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('assignment_id', '=', attempt.assignmentId)
        .where('student_key', '=', attempt.studentKey)
        .executeTakeFirstOrThrow();
      if (Number(count) >= attemptsAllowed) return false;
    }
    await insertAttempt(trx, attempt);
    return true;
  });
}

export interface AssignmentAttempt extends Attempt {
  studentName: string;
  studentKey: string;
  /** How many questions have a saved answer. */
  answeredCount: number;
}

/**
 * The attempts at an assignment in start order, with `answered_count`, how many questions have a
 * saved answer; the caller picks the other columns.
 */
export function selectAssignmentAttempts(db: AppDatabase, assignmentId: string) {
  return db
    .selectFrom('attempts')
    .select((eb) =>
      eb
        .selectFrom('responses')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('responses.attempt_id', '=', 'attempts.id')
        .where('responses.response_json', 'is not', null)
        .as('answered_count'),
    )
    .where('assignment_id', '=', assignmentId)
    .orderBy('started_at')
    .orderBy('id');
}

/** Every attempt at an assignment, by start time, with how many questions each has answered. */
export async function listAssignmentAttempts(
  db: AppDatabase,
  assignmentId: string,
): Promise<AssignmentAttempt[]> {
  const rows = await selectAssignmentAttempts(db, assignmentId).selectAll('attempts').execute();
  return rows.map((row) => ({
    ...toAttempt(row),
    studentName: row.student_name ?? '',
    studentKey: row.student_key ?? '',
    answeredCount: Number(row.answered_count ?? 0),
  }));
}

export async function countAssignmentAttempts(
  db: AppDatabase,
  assignmentId: string,
): Promise<number> {
  const { count } = await db
    .selectFrom('attempts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('assignment_id', '=', assignmentId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Moves the deadline of an attempt still in progress (after the teacher changed the timing). */
export async function updateAttemptDeadline(
  db: AppDatabase,
  attemptId: string,
  deadline: string | null,
): Promise<void> {
  await db
    .updateTable('attempts')
    .set({ deadline })
    .where('id', '=', attemptId)
    .where('status', '=', 'in-progress')
    .execute();
}

/** Deletes one attempt at an assignment and its answers; false when there is no such attempt. */
export async function deleteAssignmentAttempt(
  db: AppDatabase,
  assignmentId: string,
  attemptId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('attempts')
    .where('id', '=', attemptId)
    .where('assignment_id', '=', assignmentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface SavedResponse {
  response: QuestionResponse;
  savedAt: string;
}

/**
 * Every saved answer of an assignment's attempts (cleared ones left out): attempt id -> question
 * id -> answer.
 */
export async function listAssignmentResponses(
  db: AppDatabase,
  assignmentId: string,
): Promise<Map<string, Map<string, SavedResponse>>> {
  const rows = await db
    .selectFrom('responses')
    .innerJoin('attempts', 'attempts.id', 'responses.attempt_id')
    .select([
      'responses.attempt_id',
      'responses.question_id',
      'responses.response_json',
      'responses.saved_at',
    ])
    .where('attempts.assignment_id', '=', assignmentId)
    .where('responses.response_json', 'is not', null)
    .$narrowType<{ response_json: NotNull }>()
    .execute();
  const byAttempt = new Map<string, Map<string, SavedResponse>>();
  for (const row of rows) {
    const saved = byAttempt.get(row.attempt_id) ?? new Map<string, SavedResponse>();
    saved.set(row.question_id, {
      response: JSON.parse(row.response_json) as QuestionResponse,
      savedAt: row.saved_at,
    });
    byAttempt.set(row.attempt_id, saved);
  }
  return byAttempt;
}

/** One student's attempts at an assignment (by their name key), oldest first. */
export async function listStudentAttempts(
  db: AppDatabase,
  assignmentId: string,
  studentKey: string,
): Promise<Attempt[]> {
  const rows = await db
    .selectFrom('attempts')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .where('student_key', '=', studentKey)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return rows.map(toAttempt);
}

export interface StudentProgress {
  attemptCount: number;
  submittedCount: number;
}

/** How far each student (by name key) has got with an assignment; students not started are absent. */
export async function summariseStudentProgress(
  db: AppDatabase,
  assignmentId: string,
): Promise<Map<string, StudentProgress>> {
  const rows = await db
    .selectFrom('attempts')
    .select((eb) => [
      'student_key',
      eb.fn.countAll<number>().as('attempt_count'),
      eb.fn
        .sum<number>(eb.case().when('status', '=', 'submitted').then(1).else(0).end())
        .as('submitted_count'),
    ])
    .where('assignment_id', '=', assignmentId)
    .groupBy('student_key')
    .execute();
  return new Map(
    rows.flatMap((row) =>
      row.student_key === null
        ? []
        : [
            [
              row.student_key,
              {
                attemptCount: Number(row.attempt_count),
                submittedCount: Number(row.submitted_count ?? 0),
              },
            ],
          ],
    ),
  );
}
