/**
 * The rules of an assignment that do not depend on storage: join codes, deadlines, what a student
 * may see of a submitted attempt, and which attempt counts. Time is always passed in.
 */
import type { COUNTED_ATTEMPTS, REVIEW_CONTENTS, REVIEW_TIMINGS } from './assignment-choices';
import { assertNever } from './assert-never';
import { studentNameKey } from './student-name';
import { createCode, parseCode } from './typed-code';

/** Join-code letters: no 0/O, 1/I/L, so a code read off a projector is typed right. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

const JOIN_CODE = { alphabet: JOIN_CODE_ALPHABET, length: JOIN_CODE_LENGTH };

/** A new join code from uniform random integers in [0, n) (see `createCode`). */
export function createJoinCode(randomIndex: (exclusiveMax: number) => number): string {
  return createCode(JOIN_CODE, randomIndex);
}

/** A join code as a student types it (any case, spaces or dashes); null when it cannot be one. */
export function parseJoinCode(input: string): string | null {
  return parseCode(input, JOIN_CODE);
}

export interface DeadlineInput {
  startedAt: Date;
  /** The assignment's due time; null when it has none. */
  dueAt: Date | null;
  /** Minutes allowed from the start; null when untimed. */
  timeLimitMinutes: number | null;
  /** Extra minutes this student is granted on the time limit. */
  extraMinutes?: number;
}

/** When an attempt must be in: the earlier of its time limit (plus any extra time) and the due time. */
export function computeAttemptDeadline({
  startedAt,
  dueAt,
  timeLimitMinutes,
  extraMinutes = 0,
}: DeadlineInput): Date | null {
  const limitEnd =
    timeLimitMinutes === null
      ? null
      : new Date(startedAt.getTime() + (timeLimitMinutes + extraMinutes) * 60_000);
  if (limitEnd === null) return dueAt;
  if (dueAt === null) return limitEnd;
  return limitEnd < dueAt ? limitEnd : dueAt;
}

/** Seconds after a deadline in which answers are still accepted, for slow networks. */
export const DEADLINE_GRACE_SECONDS = 30;

/** Whether an answer that reaches the server at `now` is on time. */
export function isWithinDeadline(deadline: Date | null, now: Date): boolean {
  return deadline === null || now.getTime() <= deadline.getTime() + DEADLINE_GRACE_SECONDS * 1000;
}

// The choices are plain data in assignment-choices.ts (imported as types only, so the student's
// first download, which needs these rules for join codes, does not carry the teacher's choices).
export type ReviewTiming = (typeof REVIEW_TIMINGS)[number];
export type ReviewContent = (typeof REVIEW_CONTENTS)[number];
export interface ReviewPolicy {
  when: ReviewTiming;
  /** score: the score only; full: answers, explanations and evidence too. */
  show: ReviewContent;
}
export type CountedAttempt = (typeof COUNTED_ATTEMPTS)[number];

/** Practice attempts show everything once submitted, unless a class holds the bank's key. */
export const PRACTICE_REVIEW_POLICY: ReviewPolicy = { when: 'immediately', show: 'full' };

/**
 * The review timing in effect. "After the due time" with no due time fails closed: it waits for
 * the teacher to close the assignment, never "at once" while classmates are still answering.
 */
export type EffectiveReviewTiming = 'immediately' | 'after-due' | 'after-close' | 'never';

/** The timing `when` means for an assignment with or without a due time. */
export function decideReviewTiming(when: ReviewTiming, hasDueTime: boolean): EffectiveReviewTiming {
  return when === 'after-due' && !hasDueTime ? 'after-close' : when;
}

/** The times a review can wait for. */
export interface ReviewClock {
  /** The assignment's due time; null when it has none. */
  dueAt: Date | null;
  /** When the teacher closed the assignment; null while it is not closed. */
  closedAt: Date | null;
}

/**
 * When a submitted attempt's review opens under `policy`: on submitting; at a time (the due time
 * plus its grace, once no classmate's answer can still arrive, or the closing time); or null when
 * nothing says yet (never, or waiting for a close that has not happened).
 */
export function findReviewOpening(
  policy: ReviewPolicy,
  { dueAt, closedAt }: ReviewClock,
): 'on-submit' | Date | null {
  const timing = decideReviewTiming(policy.when, dueAt !== null);
  switch (timing) {
    case 'immediately':
      return 'on-submit';
    case 'after-due':
      return dueAt === null ? null : new Date(dueAt.getTime() + DEADLINE_GRACE_SECONDS * 1000);
    case 'after-close':
      return closedAt;
    case 'never':
      return null;
    default:
      return assertNever(timing);
  }
}

export type ReviewAccess = 'none' | 'score' | 'full';

/** What a student may see of their submitted attempt at `now`. Nothing before it is submitted. */
export function decideReviewAccess(
  policy: ReviewPolicy,
  { submitted, now, ...clock }: ReviewClock & { submitted: boolean; now: Date },
): ReviewAccess {
  if (!submitted) return 'none';
  const opening = findReviewOpening(policy, clock);
  if (opening === 'on-submit') return policy.show;
  return opening !== null && now.getTime() >= opening.getTime() ? policy.show : 'none';
}

/** An assignment as far as the release of its bank's answer key goes. */
export interface AssessmentState extends ReviewClock {
  reviewPolicy: ReviewPolicy;
  opensAt: Date;
  /** Whether one of its attempts is in progress and can still save an answer. */
  answersPending: boolean;
}

/**
 * Whether an assignment lets its bank's answer key out at `now`: nobody can join it or answer in it
 * any more, and its review shows every submitted attempt in full. Until then the key of the same
 * bank is held everywhere else (practice, other classes): anyone could otherwise read it there
 * before this class's own policy shows it.
 */
export function isAnswerKeyReleased(assignment: AssessmentState, now: Date): boolean {
  const status = decideAssignmentStatus(assignment, now);
  if (status === 'scheduled' || status === 'open' || assignment.answersPending) return false;
  const { reviewPolicy, dueAt, closedAt } = assignment;
  return decideReviewAccess(reviewPolicy, { dueAt, closedAt, submitted: true, now }) === 'full';
}

/**
 * When the assignments holding a key will all have let it out if nobody changes them: the latest
 * due time plus its grace. Null when one of them waits for its teacher (no due time, a closed one
 * with answers still pending, a score-only or never review): then nobody can say when.
 */
export function predictKeyRelease(holding: readonly AssessmentState[]): Date | null {
  let latest: Date | null = null;
  for (const { reviewPolicy, dueAt } of holding) {
    // With a due time, nobody joins or answers after it and its grace (deadlines end by it).
    if (reviewPolicy.show !== 'full' || reviewPolicy.when === 'never' || dueAt === null)
      return null;
    const release = new Date(dueAt.getTime() + DEADLINE_GRACE_SECONDS * 1000);
    if (latest === null || release > latest) latest = release;
  }
  return latest;
}

/**
 * The percent that counts in the gradebook, from a student's submitted attempts in the order they
 * were submitted. Null when there is none.
 */
export function computeCountedPercent(
  percentsInSubmissionOrder: number[],
  counted: CountedAttempt,
): number | null {
  if (percentsInSubmissionOrder.length === 0) return null;
  switch (counted) {
    case 'highest':
      return Math.max(...percentsInSubmissionOrder);
    case 'last':
      return percentsInSubmissionOrder.at(-1) ?? null;
    case 'first':
      return percentsInSubmissionOrder[0] ?? null;
    case 'average': {
      const sum = percentsInSubmissionOrder.reduce((total, percent) => total + percent, 0);
      return Math.round((sum / percentsInSubmissionOrder.length) * 10) / 10;
    }
    default: {
      const unknown: never = counted;
      throw new Error(`Unknown counting rule: ${String(unknown)}`);
    }
  }
}

// Names are defined in student-name.ts; re-exported because extra time is matched by them here.
export { normaliseStudentName, studentNameKey } from './student-name';

/** The extra minutes granted to `name`, by the teacher's list of names; 0 when not listed. */
export function findExtraMinutes(extraTime: Record<string, number>, name: string): number {
  const key = studentNameKey(name);
  const entry = Object.entries(extraTime).find(([listed]) => studentNameKey(listed) === key);
  return entry?.[1] ?? 0;
}

export type AssignmentStatus = 'scheduled' | 'open' | 'past-due' | 'closed';

/**
 * Where an assignment stands at `now`: closed by its teacher, not open yet, past its due time, or
 * open for students to join.
 */
export function decideAssignmentStatus(
  assignment: { opensAt: Date; dueAt: Date | null; closedAt: Date | null },
  now: Date,
): AssignmentStatus {
  if (assignment.closedAt !== null) return 'closed';
  if (now.getTime() < assignment.opensAt.getTime()) return 'scheduled';
  if (assignment.dueAt !== null && now.getTime() > assignment.dueAt.getTime()) return 'past-due';
  return 'open';
}

/**
 * Which of a student's submitted attempts the counted percent comes from, as indexes into their
 * percents in submission order: the first best one for `highest`, every one for `average`.
 */
export function pickCountedAttempts(
  percentsInSubmissionOrder: number[],
  counted: CountedAttempt,
): number[] {
  const count = percentsInSubmissionOrder.length;
  if (count === 0) return [];
  switch (counted) {
    case 'highest':
      return [percentsInSubmissionOrder.indexOf(Math.max(...percentsInSubmissionOrder))];
    case 'last':
      return [count - 1];
    case 'first':
      return [0];
    case 'average':
      return percentsInSubmissionOrder.map((_, index) => index);
    default: {
      const unknown: never = counted;
      throw new Error(`Unknown counting rule: ${String(unknown)}`);
    }
  }
}
