import { PRACTICE_ATTEMPT_EXPIRY_DAYS } from '../attempts/attempt-lifecycle';
import type { AppDatabase } from '../db/database';

/**
 * Deletes a teacher's previews that started more than PRACTICE_ATTEMPT_EXPIRY_DAYS before `now`,
 * submitted or not, with their answers: a preview is looked at once, and a teacher who previews
 * every edit would otherwise keep them all. The sweep deletes only unsubmitted ones, as practice.
 */
export async function deleteOldPreviews(
  db: AppDatabase,
  teacherId: string,
  now: Date,
): Promise<void> {
  const startedBefore = new Date(
    now.getTime() - PRACTICE_ATTEMPT_EXPIRY_DAYS * 24 * 60 * 60 * 1000,
  ).toISOString();
  await db
    .deleteFrom('attempts')
    .where('preview_teacher_id', '=', teacherId)
    .where('started_at', '<', startedBefore)
    .execute();
}
