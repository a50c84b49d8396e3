import { useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Loading } from '../../components/load-error';
import { formatCount } from '../../domain/plural';
import { assignmentApi, type Assignment, type Gradebook } from '../../lib/assignment-api-client';
import { formatDateTime } from '../../lib/format-date-time';
import { formatPoints } from '../../lib/format-points';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { ActionProblem } from './components/action-problem';
import { AssignmentSettings } from './components/assignment-settings';
import { AssignmentStatusBadge } from './components/assignment-status-badge';
import { GradebookTable } from './components/gradebook-table';
import { JoinDetails } from './components/join-details';
import { NotStartedList } from './components/not-started-list';
import { ScrollTable } from './components/scroll-table';
import { TeacherLoadError } from './components/teacher-load-error';
import { describeNewResults } from './gradebook-rows';
import { usePolledResource } from './hooks/use-polled-resource';
import { useTeacherAction } from './hooks/use-teacher-action';
import { describeProblem } from './problems';
import { ATTEMPT_STATE_LABELS, formatPercent } from './teacher-labels';
import { TableHead } from '../../components/table-head';

/** How often the gradebook is fetched again while the page is visible. */
export const GRADEBOOK_POLL_MS = 5000;

/**
 * One assignment: its join code to show the class, its settings, and the gradebook, which
 * refreshes while the teacher watches and announces new results politely. Once students have
 * joined, the gradebook comes first and the join details and settings fold away.
 */
export function AssignmentPage() {
  const { assignmentId = '' } = useParams();
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<Gradebook | undefined>(undefined);
  const etag = useRef<string | null>(null);
  const { resource, refresh } = usePolledResource(
    `gradebook:${assignmentId}`,
    async (current: Gradebook | undefined) => {
      // While nothing changed the server answers 304 without a body: the copy we have stands.
      const polled = await assignmentApi.pollGradebook(assignmentId, current ? etag.current : null);
      if (current && polled === null) return current;
      if (polled === null) throw new Error('The gradebook was unchanged before it was loaded.');
      etag.current = polled.etag;
      const { gradebook } = polled;
      const news = describeNewResults(previous.current, gradebook);
      previous.current = gradebook;
      if (news) setAnnouncement(news);
      return gradebook;
    },
    GRADEBOOK_POLL_MS,
  );
  useDocumentTitle(
    resource.status === 'ready' ? `Assignment: ${resource.data.assignment.title}` : 'Assignment',
  );

  if (resource.status === 'loading') return <Loading label="Loading the assignment…" />;
  if (resource.status === 'error') {
    return (
      <TeacherLoadError
        heading="Assignment"
        error={resource.error}
        onRetry={() => void refresh()}
      />
    );
  }
  const { assignment, students } = resource.data;
  // One name per student: a student's attempts are grouped by key, however each was typed.
  const shownName = new Map(students.map((student) => [student.studentKey, student.studentName]));
  const attempts = resource.data.attempts.map((row) => ({
    ...row,
    studentName: shownName.get(row.studentKey) ?? row.studentName,
  }));
  const submitted = attempts.filter((row) => row.status !== 'in-progress').length;
  const inProgress = attempts.length - submitted;
  const files = assignmentApi.files(assignment.id);
  const classStarted = attempts.length > 0;

  const setUp = (
    <div className="assignment-columns">
      <section className="card" aria-labelledby="join-heading">
        <h2 id="join-heading">How students join</h2>
        <Folded when={classStarted} summary="Show the join code, link and QR code">
          {assignment.status === 'closed' ? (
            <p>
              The assignment is closed, so no one can join and its code is not shown. Reopen it to
              let students join again.
            </p>
          ) : (
            <>
              <JoinDetails assignment={assignment} />
              <p className="button-row">
                <Link className="button" to={getHref.projectAssignment(assignment.id)}>
                  Project the code
                </Link>
              </p>
            </>
          )}
        </Folded>
      </section>
      <section className="card" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        <Folded when={classStarted} summary="Show the settings">
          <AssignmentSettings assignment={assignment} />
        </Folded>
      </section>
    </div>
  );

  const results = (
    <section aria-labelledby="results-heading" className="results-section">
      <div className="page-heading-row">
        <h2 id="results-heading">Results</h2>
        <nav aria-label="Results" className="button-row">
          <Link className="button" to={getHref.assignmentStatistics(assignment.id)}>
            Statistics
          </Link>
          <Link className="button" to={getHref.printStudentCopy(assignment.id)}>
            Print student copy
          </Link>
          <Link className="button" to={getHref.printAnswerKey(assignment.id)}>
            Print answer key
          </Link>
        </nav>
      </div>
      <p className="muted">
        {submitted} submitted · {inProgress} in progress. This table updates every few seconds.
      </p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {resource.refreshError !== null && (
        <p className="notice notice-warning">
          The results could not be refreshed ({describeProblem(resource.refreshError)}). Trying
          again…
        </p>
      )}
      {classStarted ? (
        <GradebookTable
          assignmentId={assignment.id}
          rows={attempts}
          questions={resource.data.questions}
        />
      ) : (
        <p>No one has joined yet. Results appear here as students submit.</p>
      )}
      <NotStartedList assignmentId={assignment.id} attemptCount={attempts.length} />
      <h3>Download</h3>
      <ul className="download-list">
        <li>
          <a href={files.summaryCsv} download>
            Scores (CSV): a row per student, a column per question
          </a>
        </li>
        <li>
          <a href={files.responsesCsv} download>
            Answers (CSV): a row per student and question
          </a>
        </li>
      </ul>
      <RemovedAttempts assignmentId={assignment.id} attemptCount={attempts.length} />
    </section>
  );

  return (
    <div className="assignment-page">
      <p className="breadcrumb">
        <Link to={getHref.teacherDashboard()}>← Your assignments</Link>
      </p>
      <div className="page-heading-row">
        <h1>{assignment.title}</h1>
        <AssignmentStatusBadge status={assignment.status} />
      </div>
      <AssignmentActions assignment={assignment} onChanged={refresh} />
      {classStarted ? (
        <>
          {results}
          {setUp}
        </>
      ) : (
        <>
          {setUp}
          {results}
        </>
      )}
    </div>
  );
}

/** Its children, folded behind `summary` while `when` holds (during class), else shown. */
function Folded({
  when,
  summary,
  children,
}: {
  when: boolean;
  summary: string;
  children: ReactNode;
}) {
  if (!when) return <>{children}</>;
  return (
    <details className="folded">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/**
 * What a teacher does with the assignment as a whole: change its settings, copy it for another
 * class, close or reopen it, delete it. Closing and deleting ask first.
 */
function AssignmentActions({
  assignment,
  onChanged,
}: {
  assignment: Assignment;
  onChanged: () => Promise<void>;
}) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<'close' | 'delete' | null>(null);
  const { busy, problem, act: run } = useTeacherAction();
  const closed = assignment.status === 'closed';

  function act(action: () => Promise<void>) {
    setConfirming(null);
    return run(action);
  }

  const duplicate = () =>
    act(async () => {
      const copy = await assignmentApi.duplicateAssignment(assignment.id);
      await navigate(getHref.assignment(copy.id));
    });
  const remove = () =>
    act(async () => {
      await assignmentApi.deleteAssignment(assignment.id);
      await navigate(getHref.teacherDashboard(), { replace: true });
    });
  const closeOrReopen = (change: (assignmentId: string) => Promise<unknown>) =>
    act(async () => {
      await change(assignment.id);
      await onChanged();
    });

  return (
    <>
      <div className="button-row assignment-actions" role="group" aria-label="Assignment">
        <Link className="button" to={getHref.editAssignment(assignment.id)}>
          Edit settings
        </Link>
        <button type="button" className="button" disabled={busy} onClick={() => void duplicate()}>
          Duplicate
        </button>
        {closed ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void closeOrReopen(assignmentApi.reopenAssignment)}
          >
            Reopen the assignment
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => setConfirming('close')}
          >
            Close the assignment
          </button>
        )}
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => setConfirming('delete')}
        >
          Delete
        </button>
      </div>
      <ActionProblem problem={problem} />
      <ConfirmDialog
        open={confirming === 'close'}
        title="Close this assignment?"
        confirmLabel="Close it"
        cancelLabel="Keep it open"
        onConfirm={() => void closeOrReopen(assignmentApi.closeAssignment)}
        onCancel={() => setConfirming(null)}
      >
        <p>
          No one can join with the code {assignment.joinCode} any more. Students already taking the
          quiz can finish it before their time runs out. You can reopen it later.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'delete'}
        title="Delete this assignment?"
        confirmLabel="Delete it"
        cancelLabel="Keep it"
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(null)}
      >
        <p>
          “{assignment.title}” is deleted with its {formatCount(assignment.attemptCount, 'attempt')}{' '}
          and every answer in them. This cannot be undone: download the scores first if you need
          them.
        </p>
      </ConfirmDialog>
    </>
  );
}

/**
 * The audit trail of attempts removed from the assignment: who removed which attempt when, and
 * what it was. Loaded again whenever the number of attempts changes (a removal lowers it).
 */
function RemovedAttempts({
  assignmentId,
  attemptCount,
}: {
  assignmentId: string;
  attemptCount: number;
}) {
  const { resource } = useResource({
    key: `removed-attempts:${assignmentId}:${attemptCount}`,
    load: () => assignmentApi.listRemovedAttempts(assignmentId),
  });
  if (resource.status !== 'ready' || resource.data.length === 0) return null;
  const removals = resource.data;
  return (
    <details className="folded removed-attempts">
      <summary>Removed attempts ({removals.length})</summary>
      <p className="muted">
        These attempts no longer count in the gradebook, statistics or downloads.
      </p>
      <ScrollTable label="Removed attempts">
        <table className="data-table">
          <TableHead
            columns={[
              'Student',
              'Was',
              { label: 'Score', className: 'numeric' },
              'Started',
              'Removed by',
              'Removed at',
            ]}
          />
          <tbody>
            {removals.map((removal) => (
              <tr key={removal.id}>
                <th scope="row">{removal.studentName}</th>
                <td>{ATTEMPT_STATE_LABELS[removal.status]}</td>
                <td className="numeric nowrap">
                  {removal.score === null || removal.maxPoints === null
                    ? '–'
                    : `${formatPoints(removal.score)} / ${formatPoints(removal.maxPoints)} (${formatPercent(removal.percent)})`}
                </td>
                <td className="nowrap">{formatDateTime(removal.startedAt)}</td>
                <td>{removal.removedBy}</td>
                <td className="nowrap">{formatDateTime(removal.removedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </details>
  );
}
