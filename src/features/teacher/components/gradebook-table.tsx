import { useState } from 'react';
import { Link } from 'react-router';
import type { GradebookAttempt } from '../../../lib/assignment-api-client';
import { formatDateTime, formatDuration } from '../../../lib/format-date-time';
import { getHref } from '../../../lib/paths';
import { sortGradebookRows, type GradebookColumn, type GradebookSort } from '../gradebook-rows';
import { ATTEMPT_STATE_LABELS, formatPercent, formatPoints } from '../teacher-labels';
import { ScrollTable } from './scroll-table';

const COLUMNS: { column: GradebookColumn; label: string; numeric?: boolean }[] = [
  { column: 'student', label: 'Student' },
  { column: 'status', label: 'Status' },
  { column: 'score', label: 'Score', numeric: true },
  { column: 'percent', label: 'Percent', numeric: true },
  { column: 'timeTaken', label: 'Time taken', numeric: true },
  { column: 'submittedAt', label: 'Submitted at' },
];

/** Columns whose biggest value is the interesting one start sorted high to low. */
const STARTS_DESCENDING = new Set<GradebookColumn>(['score', 'percent', 'submittedAt']);

function StatusCell({ row }: { row: GradebookAttempt }) {
  return (
    <>
      <span className={`status-pill attempt-state-${row.status}`}>
        {ATTEMPT_STATE_LABELS[row.status]}
      </span>
      {row.status === 'in-progress' && (
        <span className="cell-note">
          {row.answeredCount} of {row.questionCount} answered
        </span>
      )}
    </>
  );
}

/**
 * Every attempt of an assignment in a table sorted by the column the teacher picks: each column
 * heading is a button, and `aria-sort` tells screen readers which column orders the rows.
 */
export function GradebookTable({
  assignmentId,
  rows,
}: {
  assignmentId: string;
  rows: readonly GradebookAttempt[];
}) {
  const [sort, setSort] = useState<GradebookSort>({ column: 'student', direction: 'ascending' });
  const sorted = sortGradebookRows(rows, sort);
  const severalAttempts = rows.some((row) => row.attemptNumber > 1);

  function sortBy(column: GradebookColumn) {
    setSort((previous) =>
      previous.column === column
        ? {
            column,
            direction: previous.direction === 'ascending' ? 'descending' : 'ascending',
          }
        : { column, direction: STARTS_DESCENDING.has(column) ? 'descending' : 'ascending' },
    );
  }

  return (
    <ScrollTable label="Gradebook">
      <table className="data-table gradebook-table">
        <caption className="visually-hidden">
          Gradebook, sorted by {COLUMNS.find((c) => c.column === sort.column)?.label.toLowerCase()}{' '}
          ({sort.direction})
        </caption>
        <thead>
          <tr>
            {COLUMNS.map(({ column, label, numeric }) => {
              const active = sort.column === column;
              return (
                <th
                  key={column}
                  scope="col"
                  className={numeric ? 'numeric' : undefined}
                  aria-sort={active ? sort.direction : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => sortBy(column)}>
                    {label}
                    <span className="sort-mark" aria-hidden="true">
                      {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
            {severalAttempts && (
              <th scope="col">
                <abbr title="Whether this attempt counts towards the grade">Counts</abbr>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.attemptId}>
              <th scope="row">
                <Link to={getHref.assignmentAttempt(assignmentId, row.attemptId)}>
                  {row.studentName}
                  {severalAttempts && ` (attempt ${row.attemptNumber})`}
                </Link>
              </th>
              <td>
                <StatusCell row={row} />
              </td>
              <td className="numeric">
                {row.score === null
                  ? '–'
                  : `${formatPoints(row.score)} / ${formatPoints(row.maxPoints)}`}
              </td>
              <td className="numeric">{formatPercent(row.percent)}</td>
              <td className="numeric">
                {row.timeTakenSeconds === null ? '–' : formatDuration(row.timeTakenSeconds)}
              </td>
              <td>{row.submittedAt === null ? '–' : formatDateTime(row.submittedAt)}</td>
              {severalAttempts && <td>{row.counts ? 'Yes' : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
