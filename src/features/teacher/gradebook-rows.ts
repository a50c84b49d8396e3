import type { Gradebook, GradebookAttempt } from '../../lib/assignment-api-client';
import { formatPercent } from './teacher-labels';

export type GradebookColumn =
  'student' | 'status' | 'score' | 'percent' | 'timeTaken' | 'submittedAt';
type SortDirection = 'ascending' | 'descending';
export interface GradebookSort {
  column: GradebookColumn;
  direction: SortDirection;
}

const STATUS_ORDER: Record<GradebookAttempt['status'], number> = {
  'in-progress': 0,
  submitted: 1,
  overdue: 2,
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The value a column sorts by; null (no score yet, not submitted) sorts last either way. */
function sortValue(row: GradebookAttempt, column: GradebookColumn): string | number | null {
  switch (column) {
    case 'student':
      return row.studentName;
    case 'status':
      return STATUS_ORDER[row.status];
    case 'score':
      return row.score;
    case 'percent':
      return row.percent;
    case 'timeTaken':
      return row.timeTakenSeconds;
    case 'submittedAt':
      return row.submittedAt === null ? null : Date.parse(row.submittedAt);
  }
}

/**
 * The gradebook's rows sorted by a column. Rows without a value (a score while in progress) go
 * last in both directions; ties keep a student's attempts together, in the order they started.
 */
export function sortGradebookRows(
  rows: readonly GradebookAttempt[],
  { column, direction }: GradebookSort,
): GradebookAttempt[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, column);
    const right = sortValue(b, column);
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
    } else {
      const order =
        typeof left === 'string' && typeof right === 'string'
          ? collator.compare(left, right)
          : Number(left) - Number(right);
      if (order !== 0) return sign * order;
    }
    return collator.compare(a.studentName, b.studentName) || a.attemptNumber - b.attemptNumber;
  });
}

const isFinished = (row: GradebookAttempt) => row.status !== 'in-progress';

/**
 * What to announce when a refresh brings results that were not there before: one sentence, or
 * null when nothing new was submitted (no announcement for a poll that changed nothing).
 */
export function describeNewResults(
  previous: Gradebook | undefined,
  next: Gradebook,
): string | null {
  if (!previous) return null;
  const finishedBefore = new Set(previous.attempts.filter(isFinished).map((row) => row.attemptId));
  const arrived = next.attempts.filter(
    (row) => isFinished(row) && !finishedBefore.has(row.attemptId),
  );
  if (arrived.length === 0) return null;
  if (arrived.length > 3) return `${arrived.length} new results.`;
  const described = arrived.map(
    (row) =>
      `${row.studentName} ${formatPercent(row.percent)}${row.status === 'overdue' ? ' (time ran out)' : ''}`,
  );
  return `${arrived.length === 1 ? 'New result' : 'New results'}: ${described.join(', ')}.`;
}
