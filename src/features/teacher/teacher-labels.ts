import type { Assignment, GradebookAttempt } from '../../lib/assignment-api-client';
import type { EffectiveReviewTiming } from '../../domain/assignment-rules';

type ReviewPolicy = Assignment['reviewPolicy'];

export const ASSIGNMENT_STATUS_LABELS: Record<Assignment['status'], string> = {
  scheduled: 'Not open yet',
  open: 'Open',
  'past-due': 'Past due',
  closed: 'Closed',
};

export const ATTEMPT_STATE_LABELS: Record<GradebookAttempt['status'], string> = {
  'in-progress': 'In progress',
  submitted: 'Submitted',
  overdue: 'Overdue',
};

export const COUNTED_ATTEMPT_LABELS: Record<Assignment['countedAttempt'], string> = {
  highest: 'The highest score',
  last: 'The last attempt',
  first: 'The first attempt',
  average: 'The average of all attempts',
};

/** By the timing in effect: "after the due time" without one waits for the teacher to close it. */
export const REVIEW_WHEN_LABELS: Record<EffectiveReviewTiming, string> = {
  immediately: 'As soon as they submit',
  'after-due': 'After the due time',
  'after-close': 'After you close the assignment',
  never: 'Never',
};

export const REVIEW_SHOW_LABELS: Record<ReviewPolicy['show'], string> = {
  score: 'The score only',
  full: 'Answers, explanations and evidence',
};

/** A percent as the gradebook shows it: "62.5%", or a dash when there is none yet. */
export function formatPercent(percent: number | null): string {
  return percent === null ? '–' : `${Math.round(percent * 10) / 10}%`;
}

/** A ratio from 0 to 1 as a percent: facility 0.625 reads "63%". */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** "3 attempts", "Unlimited attempts". */
export function formatAttemptsAllowed(attemptsAllowed: number | null): string {
  if (attemptsAllowed === null) return 'Unlimited attempts';
  return attemptsAllowed === 1 ? '1 attempt' : `${attemptsAllowed} attempts`;
}
