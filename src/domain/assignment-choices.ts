/**
 * The choices a teacher has for an assignment's settings, and the defaults of a new one, as plain
 * data: the settings' schema (assignment-settings.ts, zod) is built from them, and the teacher's
 * form loads them without zod. A module of its own, so the student's first download (which needs
 * assignment-rules.ts for join codes) does not carry them.
 */

export const REVIEW_TIMINGS = ['immediately', 'after-due', 'never'] as const;
/** score: the score only; full: answers, explanations and evidence too. */
export const REVIEW_CONTENTS = ['score', 'full'] as const;
export const COUNTED_ATTEMPTS = ['highest', 'last', 'first', 'average'] as const;

/**
 * The settings a new assignment takes when the teacher leaves them out. Its title has no default,
 * its questions are every question of its bank, and it opens when it is created.
 */
export const ASSIGNMENT_DEFAULTS = {
  dueAt: null,
  timeLimitMinutes: null,
  attemptsAllowed: 1,
  countedAttempt: 'highest',
  shuffleQuestions: true,
  shuffleOptions: true,
  // With no due time (the default) this means once the teacher closes it: see decideReviewTiming.
  reviewPolicy: { when: 'after-due', show: 'full' },
  extraTime: {},
  allowHighlights: true,
} as const;
