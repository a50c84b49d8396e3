/**
 * The rules of an assignment that do not depend on storage: join codes, deadlines, what a student
 * may see of a submitted attempt, and which attempt counts. Time is always passed in.
 */

/** Join-code letters: no 0/O, 1/I/L, so a code read off a projector is typed right. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/**
 * Builds a join code from random integers. `randomIndex(n)` must return a uniform integer in
 * [0, n): the server passes `crypto.randomInt`, tests pass a seeded source.
 */
export function createJoinCode(randomIndex: (exclusiveMax: number) => number): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) {
    code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)] ?? '';
  }
  return code;
}

/**
 * Reads a code as a student types it: any case, with spaces or dashes. Returns null when it cannot
 * be a code: the wrong length, or a character that codes never use.
 */
export function parseJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  return [...code].every((letter) => JOIN_CODE_ALPHABET.includes(letter)) ? code : null;
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

export type ReviewTiming = 'immediately' | 'after-due' | 'never';
export type ReviewContent = 'score' | 'full';
export interface ReviewPolicy {
  when: ReviewTiming;
  /** score: the score only; full: answers, explanations and evidence too. */
  show: ReviewContent;
}

/** Practice attempts show everything as soon as they are submitted. */
export const PRACTICE_REVIEW_POLICY: ReviewPolicy = { when: 'immediately', show: 'full' };

export type ReviewAccess = 'none' | 'score' | 'full';

/** What a student may see of their submitted attempt at `now`. Nothing before it is submitted. */
export function decideReviewAccess(
  policy: ReviewPolicy,
  { submitted, dueAt, now }: { submitted: boolean; dueAt: Date | null; now: Date },
): ReviewAccess {
  if (!submitted) return 'none';
  switch (policy.when) {
    case 'never':
      return 'none';
    case 'after-due':
      // Without a due time there is no "after": treat it as immediately.
      if (dueAt !== null && now.getTime() < dueAt.getTime()) return 'none';
      return policy.show;
    case 'immediately':
      return policy.show;
    default: {
      const unknown: never = policy.when;
      throw new Error(`Unknown review timing: ${String(unknown)}`);
    }
  }
}

export type CountedAttempt = 'highest' | 'last' | 'first' | 'average';

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

/**
 * A student's name as it is shown: trimmed, with runs of spaces made one. Students join by name
 * alone, so this is also what the teacher reads in the gradebook.
 */
export function normaliseStudentName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * The key that tells whether two typed names are the same student: case, width and spacing are
 * ignored, so "Ann  Lee" and "ann lee" share their attempts and their extra time.
 */
export function studentNameKey(name: string): string {
  return normaliseStudentName(name.normalize('NFKC')).toLowerCase();
}

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
