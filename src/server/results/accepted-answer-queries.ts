import { randomUUID } from 'node:crypto';
import { normaliseAcceptedAnswer } from '../../domain/regrade';
import type { AttemptResult } from '../../domain/results';
import type { ResponseMap } from '../../domain/responses';
import { versionOf, type ContentStore } from '../content/content-store';
import type { AppDatabase } from '../db/database';
import { lockUntilCommit } from '../db/dialect';
import { listResponses, toAttempt, toStoredResult } from '../attempts/attempt-queries';
import { scoreAgainst } from '../attempts/attempt-lifecycle';
import { listTeacherAcceptances, regradeLockName } from './teacher-acceptances';

/** One row of the regrade audit: an acceptance and, once undone, who undid it and when. */
export interface AcceptedAnswerRecord {
  id: string;
  questionId: string;
  gapId: string | null;
  normalisedAnswer: string;
  exampleAnswer: string;
  acceptedBy: string;
  acceptedAt: string;
  attemptsRegraded: number;
  revokedBy: string | null;
  revokedAt: string | null;
}

/** Every acceptance of an assignment, live or undone, most recent first: the audit. */
export async function listAcceptedAnswerHistory(
  db: AppDatabase,
  assignmentId: string,
): Promise<AcceptedAnswerRecord[]> {
  const rows = await db
    .selectFrom('accepted_answers')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    questionId: row.question_id,
    gapId: row.gap_id === '' ? null : row.gap_id,
    normalisedAnswer: row.normalised_answer,
    exampleAnswer: row.example_answer,
    acceptedBy: row.teacher_name,
    acceptedAt: row.created_at,
    attemptsRegraded: row.attempts_regraded,
    revokedBy: row.revoked_by_name,
    revokedAt: row.revoked_at,
  }));
}

/** Whether two results give every question the same mark, so a regrade changed nothing. */
function sameMarks(before: AttemptResult | null, after: AttemptResult): boolean {
  if (before === null) return false;
  return after.questions.every((review, index) => {
    const earlier = before.questions[index];
    return (
      earlier?.points === review.points &&
      earlier.status === review.status &&
      earlier.acceptedByTeacher === review.acceptedByTeacher
    );
  });
}

/**
 * Rescores every submitted attempt of the assignment with its live acceptances, inside `trx`, and
 * stores the results the gradebook, statistics, CSVs and the review read. Returns how many
 * attempts' marks changed.
 */
async function regradeAssignment(
  trx: AppDatabase,
  store: ContentStore,
  assignmentId: string,
): Promise<number> {
  const acceptances = await listTeacherAcceptances(trx, assignmentId);
  const rows = await trx
    .selectFrom('attempts')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .where('status', '=', 'submitted')
    .execute();
  let changed = 0;
  for (const row of rows) {
    const attempt = toAttempt(row);
    const version = await versionOf(store, attempt);
    const { responses }: { responses: ResponseMap } = await listResponses(trx, attempt.id);
    const result = scoreAgainst(version, attempt.plan, responses, acceptances);
    if (sameMarks(attempt.result, result)) continue;
    await trx
      .updateTable('attempts')
      .set(toStoredResult(result))
      .where('id', '=', attempt.id)
      .execute();
    changed += 1;
  }
  return changed;
}

export interface AcceptAnswerInput {
  assignmentId: string;
  questionId: string;
  gapId: string | null;
  answer: string;
  teacher: { id: string; name: string };
  at: string;
}

/**
 * Accepts a typed answer for every attempt of the assignment and regrades them, in one
 * transaction. Accepting an answer already accepted (once normalised) changes nothing and returns
 * the existing acceptance, with `created: false`.
 */
export async function acceptAnswer(
  db: AppDatabase,
  store: ContentStore,
  input: AcceptAnswerInput,
): Promise<{ record: AcceptedAnswerRecord; created: boolean }> {
  const normalised = normaliseAcceptedAnswer(input.answer);
  return db.transaction().execute(async (trx) => {
    await lockUntilCommit(trx, regradeLockName(input.assignmentId));
    const existing = await trx
      .selectFrom('accepted_answers')
      .select('id')
      .where('assignment_id', '=', input.assignmentId)
      .where('question_id', '=', input.questionId)
      .where('gap_id', '=', input.gapId ?? '')
      .where('normalised_answer', '=', normalised)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const id = existing?.id ?? randomUUID();
    if (!existing) {
      await trx
        .insertInto('accepted_answers')
        .values({
          id,
          assignment_id: input.assignmentId,
          question_id: input.questionId,
          gap_id: input.gapId ?? '',
          normalised_answer: normalised,
          example_answer: input.answer.trim(),
          teacher_id: input.teacher.id,
          teacher_name: input.teacher.name,
          created_at: input.at,
          revoked_at: null,
          revoked_by: null,
          revoked_by_name: null,
        })
        .execute();
      const regraded = await regradeAssignment(trx, store, input.assignmentId);
      await trx
        .updateTable('accepted_answers')
        .set({ attempts_regraded: regraded })
        .where('id', '=', id)
        .execute();
    }
    const history = await listAcceptedAnswerHistory(trx, input.assignmentId);
    const record = history.find((entry) => entry.id === id);
    if (!record) throw new Error(`Acceptance ${id} vanished inside its transaction`);
    return { record, created: !existing };
  });
}

/**
 * Undoes an acceptance and regrades, in one transaction; the row stays, with who undid it and
 * when. Undefined when the assignment has no such acceptance; undoing twice changes nothing.
 */
export async function revokeAcceptedAnswer(
  db: AppDatabase,
  store: ContentStore,
  input: { assignmentId: string; id: string; teacher: { id: string; name: string }; at: string },
): Promise<{ record: AcceptedAnswerRecord; regraded: number } | undefined> {
  return db.transaction().execute(async (trx) => {
    await lockUntilCommit(trx, regradeLockName(input.assignmentId));
    const row = await trx
      .selectFrom('accepted_answers')
      .select(['id', 'revoked_at'])
      .where('assignment_id', '=', input.assignmentId)
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) return undefined;
    let regraded = 0;
    if (row.revoked_at === null) {
      await trx
        .updateTable('accepted_answers')
        .set({
          revoked_at: input.at,
          revoked_by: input.teacher.id,
          revoked_by_name: input.teacher.name,
        })
        .where('id', '=', input.id)
        .execute();
      regraded = await regradeAssignment(trx, store, input.assignmentId);
    }
    const history = await listAcceptedAnswerHistory(trx, input.assignmentId);
    const record = history.find((entry) => entry.id === input.id);
    if (!record) throw new Error(`Acceptance ${input.id} vanished inside its transaction`);
    return { record, regraded };
  });
}
