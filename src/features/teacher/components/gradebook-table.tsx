import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Gradebook, GradebookAttempt } from '../../../lib/assignment-api-client';
import { formatDateTime, formatDuration } from '../../../lib/format-date-time';
import { formatPoints } from '../../../lib/format-points';
import { RESULT_STATUS_LABELS } from '../../../lib/question-labels';
import { getHref } from '../../../lib/paths';
import {
  pageOf,
  sortGradebookRows,
  type GradebookColumn,
  type GradebookPage,
  type GradebookSort,
} from '../gradebook-rows';
import { ATTEMPT_STATE_LABELS, formatPercent } from '../teacher-labels';
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
 * Says, under a score, that a regrade changed it: the questions right because the teacher
 * accepted the typed answer (`regradedQuestions`), in words for screen readers too.
 */
function RegradedNote({ questions }: { questions: readonly number[] }) {
  if (questions.length === 0) return null;
  const which =
    questions.length === 1
      ? `question ${questions[0]}`
      : `questions ${questions.slice(0, -1).join(', ')} and ${questions.at(-1)}`;
  return (
    <span className="cell-note regraded-note">
      Regraded<span className="visually-hidden">: you accepted the typed answer to {which}</span>
      <span aria-hidden="true"> (Q{questions.join(', Q')})</span>
    </span>
  );
}

type GradebookQuestion = Gradebook['questions'][number];
type GradebookView = 'scores' | 'questions';

/** The attempts a gradebook table shows, one row each. */
interface AttemptRowsProps {
  assignmentId: string;
  rows: readonly GradebookAttempt[];
  severalAttempts: boolean;
}

/** The body of both gradebook tables: a row per attempt, headed by a link to the attempt. */
function AttemptRows({
  assignmentId,
  rows,
  severalAttempts,
  children: cellsOf,
}: AttemptRowsProps & { children: (row: GradebookAttempt) => ReactNode }) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.attemptId}>
          <th scope="row">
            <Link to={getHref.assignmentAttempt(assignmentId, row.attemptId)}>
              {row.studentName}
              {severalAttempts && ` (attempt ${row.attemptNumber})`}
            </Link>
          </th>
          {cellsOf(row)}
        </tr>
      ))}
    </tbody>
  );
}

/**
 * Every attempt of an assignment, a page at a time, in the order of the column the teacher
 * sorts by (each heading of the scores is a button; `aria-sort` tells screen readers which),
 * shown either as scores or as a student × question grid of results.
 */
export function GradebookTable({
  assignmentId,
  rows,
  questions,
}: {
  assignmentId: string;
  rows: readonly GradebookAttempt[];
  questions: readonly GradebookQuestion[];
}) {
  const [sort, setSort] = useState<GradebookSort>({ column: 'student', direction: 'ascending' });
  const [view, setView] = useState<GradebookView>('scores');
  const [page, setPage] = useState(0);
  // A poll that changed nothing keeps `rows`, so 20,000 rows are not sorted again every 5 s.
  const sorted = useMemo(() => sortGradebookRows(rows, sort), [rows, sort]);
  const shown = pageOf(sorted, page);
  const attemptRows: AttemptRowsProps = {
    assignmentId,
    rows: shown.rows,
    severalAttempts: rows.some((row) => row.attemptNumber > 1),
  };

  function sortBy(column: GradebookColumn) {
    setPage(0);
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
    <div className="gradebook">
      <div className="button-row" role="group" aria-label="Show the gradebook as">
        <button
          type="button"
          className="button"
          aria-pressed={view === 'scores'}
          onClick={() => setView('scores')}
        >
          Scores
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={view === 'questions'}
          onClick={() => setView('questions')}
        >
          Results by question
        </button>
      </div>
      {view === 'scores' ? (
        <ScoresTable {...attemptRows} sort={sort} onSort={sortBy} />
      ) : (
        <QuestionGrid {...attemptRows} questions={questions} />
      )}
      {shown.pageCount > 1 && <Pager page={shown} onPage={setPage} />}
    </div>
  );
}

function ScoresTable({
  sort,
  onSort,
  ...attemptRows
}: AttemptRowsProps & {
  sort: GradebookSort;
  onSort: (column: GradebookColumn) => void;
}) {
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
                  <button type="button" className="sort-button" onClick={() => onSort(column)}>
                    {label}
                    <span className="sort-mark" aria-hidden="true">
                      {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
            {attemptRows.severalAttempts && (
              <th scope="col">
                <abbr title="Whether this attempt counts towards the grade">Counts</abbr>
              </th>
            )}
          </tr>
        </thead>
        <AttemptRows {...attemptRows}>
          {(row) => (
            <>
              <td>
                <StatusCell row={row} />
              </td>
              <td className="numeric">
                {row.score === null
                  ? '–'
                  : `${formatPoints(row.score)} / ${formatPoints(row.maxPoints)}`}
                <RegradedNote questions={row.regradedQuestions} />
              </td>
              <td className="numeric">{formatPercent(row.percent)}</td>
              <td className="numeric">
                {row.timeTakenSeconds === null ? '–' : formatDuration(row.timeTakenSeconds)}
              </td>
              <td>{row.submittedAt === null ? '–' : formatDateTime(row.submittedAt)}</td>
              {attemptRows.severalAttempts && <td>{row.counts ? 'Yes' : ''}</td>}
            </>
          )}
        </AttemptRows>
      </table>
    </ScrollTable>
  );
}

/**
 * The grid of results: a row per attempt, a column per question (bank order), each cell coloured
 * by its result and saying it in a mark and a word, so colour is never the only sign.
 */
function QuestionGrid({
  questions,
  ...attemptRows
}: AttemptRowsProps & { questions: readonly GradebookQuestion[] }) {
  return (
    <>
      <p className="muted question-grid-legend">
        {Object.values(RESULT_STATUS_LABELS)
          .map(({ mark, label }) => `${mark} ${label.toLowerCase()}`)
          .join(' · ')}
        {' · '}* regraded: a typed answer you accepted. Point at a question number to read its
        prompt.
      </p>
      <ScrollTable label="Results by question">
        <table className="data-table question-grid">
          <caption className="visually-hidden">
            Results by question: a row per attempt, a column per question
          </caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              {questions.map((question) => (
                <th key={question.id} scope="col" className="question-grid-heading">
                  <abbr title={question.prompt}>Q{question.number}</abbr>
                </th>
              ))}
              <th scope="col" className="numeric">
                Percent
              </th>
            </tr>
          </thead>
          <AttemptRows {...attemptRows}>
            {(row) => (
              <>
                {row.results === null ? (
                  <td colSpan={questions.length} className="cell-note">
                    In progress: {row.answeredCount} of {row.questionCount} answered
                  </td>
                ) : (
                  questions.map((question, index) => {
                    const result = row.results?.[index] ?? null;
                    const shown = result === null ? null : RESULT_STATUS_LABELS[result];
                    return (
                      <td
                        key={question.id}
                        className={`question-grid-cell${result === null ? '' : ` result-${result}`}`}
                      >
                        {shown && (
                          <>
                            <span aria-hidden="true">{shown.mark}</span>
                            <span className="visually-hidden">{shown.label}</span>
                          </>
                        )}
                        {row.regradedQuestions.includes(question.number) && (
                          <>
                            <span aria-hidden="true" className="regraded-mark">
                              *
                            </span>
                            <span className="visually-hidden">
                              , regraded: an answer you accepted
                            </span>
                          </>
                        )}
                      </td>
                    );
                  })
                )}
                <td className="numeric">{formatPercent(row.percent)}</td>
              </>
            )}
          </AttemptRows>
        </table>
      </ScrollTable>
    </>
  );
}

/** Previous and next page buttons around which rows are shown, announced as they change. */
function Pager({
  page,
  onPage,
}: {
  page: GradebookPage<GradebookAttempt>;
  onPage: (page: number) => void;
}) {
  return (
    <nav className="button-row gradebook-pager" aria-label="Gradebook pages">
      <button
        type="button"
        className="button"
        disabled={page.page === 0}
        onClick={() => onPage(page.page - 1)}
      >
        Previous page
      </button>
      <p role="status">
        Rows {page.first.toLocaleString()}–{page.last.toLocaleString()} of{' '}
        {page.total.toLocaleString()} (page {page.page + 1} of {page.pageCount})
      </p>
      <button
        type="button"
        className="button"
        disabled={page.page === page.pageCount - 1}
        onClick={() => onPage(page.page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
