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

/** Rows a gradebook page shows: a class fits on one, a year group of 20,000 takes 400. */
export const GRADEBOOK_PAGE_SIZE = 50;

export interface GradebookPage<T> {
  rows: T[];
  /** From 0, clamped to the pages there are (a refresh may leave fewer). */
  page: number;
  pageCount: number;
  /** The first and last row shown, counted from 1; 0 and 0 when there are none. */
  first: number;
  last: number;
  total: number;
}

/** The rows of page `page` (from 0) of `rows`, `size` at a time. */
export function pageOf<T>(
  rows: readonly T[],
  page: number,
  size = GRADEBOOK_PAGE_SIZE,
): GradebookPage<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const clamped = Math.min(Math.max(0, page), pageCount - 1);
  const shown = rows.slice(clamped * size, (clamped + 1) * size);
  const first = shown.length === 0 ? 0 : clamped * size + 1;
  return {
    rows: shown,
    page: clamped,
    pageCount,
    first,
    last: first === 0 ? 0 : first + shown.length - 1,
    total: rows.length,
  };
}
