import type { TeacherAcceptance } from '../../domain/regrade';
import type { AppDatabase } from '../db/database';

/**
 * The answers a teacher accepted for an assignment and has not undone: what submit, the sweep and
 * a regrade score with. Takes a transaction too, so a submit reads them with the attempt.
 */
export async function listTeacherAcceptances(
  db: AppDatabase,
  assignmentId: string,
): Promise<TeacherAcceptance[]> {
  const rows = await db
    .selectFrom('accepted_answers')
    .select(['question_id', 'gap_id', 'normalised_answer'])
    .where('assignment_id', '=', assignmentId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((row) => ({
    questionId: row.question_id,
    gapId: row.gap_id === '' ? null : row.gap_id,
    normalisedAnswer: row.normalised_answer,
  }));
}

/**
 * The lock a regrade of the assignment holds (exclusive) and a submit of one of its attempts
 * (shared), so a submit is either scored with an acceptance or regraded by it (`lockUntilCommit`).
 */
export function regradeLockName(assignmentId: string): string {
  return `regrade:${assignmentId}`;
}
