import { sql, type InferResult } from 'kysely';
import {
  DEADLINE_GRACE_SECONDS,
  PRACTICE_REVIEW_POLICY,
  decideReviewAccess,
  findReviewOpening,
  isAnswerKeyReleased,
  predictKeyRelease,
  type AssessmentState,
  type ReviewAccess,
} from '../../domain/assignment-rules';
import type { AttemptResult } from '../../domain/results';
import { toScoreOnlyResult } from '../../domain/score-attempt';
import { getAssignment } from '../assignments/assignment-queries';
import type { Attempt } from './attempt-queries';
import type { AppDatabase } from '../db/database';
import { reuseStatement } from '../db/reusable-statement';

export interface ReviewDecision {
  /** none: nothing; score: the total and coarse breakdowns only; full: answers, explanations, evidence. */
  access: ReviewAccess;
  /**
   * When the review is expected to open, if it is closed now only until a known time: the
   * assignment's due time, or (when held) the last due time of the classes holding the key.
   */
  opensAt: string | null;
  /**
   * The attempt's own policy would show something, but a class is being assessed on the same bank
   * and has not let its key out: nothing is shown, not even a score that could be probed.
   */
  held: boolean;
}

const toDate = (value: string | null) => (value === null ? null : new Date(value));

/** Every assignment on `bankId`, with whether any of its attempts still takes answers. */
function selectKeyHolders(
  db: AppDatabase,
  param: (name: 'bankId' | 'stillOpenDeadline') => string,
) {
  return db
    .selectFrom('assignments')
    .select(['review_when', 'review_show', 'opens_at', 'due_at', 'closed_at'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('attempts')
            .select('attempts.id')
            .whereRef('attempts.assignment_id', '=', 'assignments.id')
            // A literal, not a parameter, so SQLite can use the partial index on attempts in progress.
            .where('attempts.status', '=', sql.lit('in-progress'))
            .where((where) =>
              where.or([
                where('attempts.deadline', 'is', null),
                where('attempts.deadline', '>=', param('stillOpenDeadline')),
              ]),
            ),
        )
        .as('answers_pending'),
    )
    .where('bank_id', '=', param('bankId'));
}

/**
 * Compiled once: every submit and review asks, and building the query cost more than running it
 * (issue 16).
 */
const keyHoldersStatement = reuseStatement(['bankId', 'stillOpenDeadline'], selectKeyHolders);
const otherKeyHoldersStatement = reuseStatement(
  ['bankId', 'stillOpenDeadline', 'exceptAssignmentId'],
  (db, param) => selectKeyHolders(db, param).where('id', '!=', param('exceptAssignmentId')),
);

type KeyHolderRow = InferResult<ReturnType<typeof selectKeyHolders>>[number];

/**
 * Every assignment on `bankId` except `exceptAssignmentId` that has not let the bank's key out at
 * `now`. Read at every request, so an assignment created after a practice attempt was submitted
 * holds that attempt's review too.
 */
async function listKeyHolders(
  db: AppDatabase,
  bankId: string,
  exceptAssignmentId: string | null,
  now: Date,
): Promise<AssessmentState[]> {
  const stillOpenDeadline = new Date(now.getTime() - DEADLINE_GRACE_SECONDS * 1000).toISOString();
  const { rows } = (await (exceptAssignmentId === null
    ? keyHoldersStatement.run(db, { bankId, stillOpenDeadline })
    : otherKeyHoldersStatement.run(db, { bankId, stillOpenDeadline, exceptAssignmentId }))) as {
    rows: KeyHolderRow[];
  };
  return rows
    .map((row): AssessmentState => ({
      reviewPolicy: { when: row.review_when, show: row.review_show },
      opensAt: new Date(row.opens_at),
      dueAt: toDate(row.due_at),
      closedAt: toDate(row.closed_at),
      answersPending: Boolean(row.answers_pending),
    }))
    .filter((assignment) => !isAnswerKeyReleased(assignment, now));
}

/**
 * What the student may see of their attempt at `now`. First its own policy: practice shows
 * everything once submitted; an assignment's attempt follows the assignment's current policy.
 * Then, whatever that allows is held while any other assignment on the same bank has not let its
 * key out, since practice (open to anyone) or another class would otherwise show that class the
 * key before its own policy does.
 */
export async function decideAttemptReview(
  db: AppDatabase,
  attempt: Attempt,
  now: Date,
): Promise<ReviewDecision> {
  const submitted = attempt.status === 'submitted';
  const assignment =
    attempt.assignmentId === null ? undefined : await getAssignment(db, attempt.assignmentId);
  const clock = {
    dueAt: toDate(assignment?.dueAt ?? null),
    closedAt: toDate(assignment?.closedAt ?? null),
  };
  const policy = assignment?.reviewPolicy ?? PRACTICE_REVIEW_POLICY;
  const access = decideReviewAccess(policy, { ...clock, submitted, now });
  if (access === 'none') {
    const opening = findReviewOpening(policy, clock);
    const waiting = opening instanceof Date && now < opening;
    return { access, opensAt: waiting ? opening.toISOString() : null, held: false };
  }
  // A preview is its teacher's, whose key it is: their own classes never hold it from them.
  if (attempt.previewTeacherId !== null) return { access, opensAt: null, held: false };
  const holders = await listKeyHolders(db, attempt.bankId, attempt.assignmentId, now);
  if (holders.length === 0) return { access, opensAt: null, held: false };
  return {
    access: 'none',
    opensAt: predictKeyRelease(holders)?.toISOString() ?? null,
    held: true,
  };
}

/** The result as `access` lets the student see it, or null for nothing. */
export function showResult(access: ReviewAccess, result: AttemptResult): AttemptResult | null {
  switch (access) {
    case 'full':
      return result;
    case 'score':
      return toScoreOnlyResult(result);
    case 'none':
      return null;
  }
}
