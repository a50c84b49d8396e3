import {
  DEADLINE_GRACE_SECONDS,
  PRACTICE_REVIEW_POLICY,
  decideReviewAccess,
  type ReviewAccess,
} from '../domain/assignment-rules';
import type { AttemptPlan } from '../domain/attempt-plan';
import type { ResponseMap } from '../domain/responses';
import type { AttemptResult } from '../domain/results';
import { scoreAttempt } from '../domain/score-attempt';
import { versionOf, type BankVersion, type ContentStore } from './content-store';
import { getAssignment } from './db/assignments';
import { listOverdueAttempts, submitAttempt, type Attempt } from './db/attempts';
import type { AppDatabase } from './db/database';

const GRACE_MS = DEADLINE_GRACE_SECONDS * 1000;

/** Scores an attempt's answers against the bank version it was started on. */
export function scoreAgainst(
  version: BankVersion,
  plan: AttemptPlan,
  responses: ResponseMap,
): AttemptResult {
  const questions = plan.questionIds.flatMap((id) => version.questionsById.get(id) ?? []);
  return scoreAttempt(questions, plan, responses);
}

/** The latest deadline that has run out at `now`: no answer can reach an attempt due by then. */
export function expiredDeadlineAt(now: Date): string {
  return new Date(now.getTime() - GRACE_MS).toISOString();
}

/**
 * Submits, with what was saved, every attempt still in progress whose deadline and grace period
 * are over at `now`; optionally only those of one assignment or one attempt. Such an attempt is
 * recorded as submitted at its deadline, by the deadline, so the gradebook shows it as overdue.
 * Runs on every access to an attempt, before the gradebook, and from a periodic sweep.
 */
export async function submitOverdueAttempts(
  { db, store }: { db: AppDatabase; store: ContentStore },
  now: Date,
  scope: { assignmentId?: string; attemptId?: string } = {},
): Promise<void> {
  const overdue = await listOverdueAttempts(db, {
    ...scope,
    deadlineBefore: expiredDeadlineAt(now),
  });
  for (const attempt of overdue) {
    const version = await versionOf(store, attempt);
    const { id, deadline } = attempt;
    await submitAttempt(
      db,
      id,
      { submittedAt: deadline, submittedBy: 'deadline' },
      (attempt, responses) => scoreAgainst(version, attempt.plan, responses),
    );
  }
}

export interface ReviewDecision {
  /** none: nothing; score: the total and breakdowns only; full: answers, explanations, evidence. */
  access: ReviewAccess;
  /** When the review opens, if it is closed now only because the due time has not passed. */
  opensAt: string | null;
}

/**
 * What the student may see of their attempt at `now`: practice shows everything once submitted;
 * an assignment's attempt follows the assignment's current review policy. "After the due time"
 * means after the due time and its grace period, once no classmate's answer can still arrive.
 */
export async function decideAttemptReview(
  db: AppDatabase,
  attempt: Attempt,
  now: Date,
): Promise<ReviewDecision> {
  const submitted = attempt.status === 'submitted';
  const assignment =
    attempt.assignmentId === null ? undefined : await getAssignment(db, attempt.assignmentId);
  if (!assignment) {
    return {
      access: decideReviewAccess(PRACTICE_REVIEW_POLICY, { submitted, dueAt: null, now }),
      opensAt: null,
    };
  }
  const reviewFrom =
    assignment.dueAt === null ? null : new Date(new Date(assignment.dueAt).getTime() + GRACE_MS);
  const access = decideReviewAccess(assignment.reviewPolicy, { submitted, dueAt: reviewFrom, now });
  const waitsForDue =
    access === 'none' &&
    assignment.reviewPolicy.when === 'after-due' &&
    reviewFrom !== null &&
    now < reviewFrom;
  return { access, opensAt: waitsForDue && reviewFrom ? reviewFrom.toISOString() : null };
}

/**
 * A result as a score-only policy shows it: the total and the breakdowns by skill and difficulty,
 * with no question, answer, explanation or evidence.
 */
export function toScoreOnly(result: AttemptResult): AttemptResult {
  return { ...result, questions: [] };
}
