import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Loading } from '../../components/load-error';
import { assignmentApi, type Assignment, type Gradebook } from '../../lib/assignment-api-client';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AssignmentSettings } from './components/assignment-settings';
import { AssignmentStatusBadge } from './components/assignment-status-badge';
import { GradebookTable } from './components/gradebook-table';
import { JoinDetails } from './components/join-details';
import { TeacherLoadError } from './components/teacher-load-error';
import { describeNewResults } from './gradebook-rows';
import { usePolledResource } from './hooks/use-polled-resource';
import { describeProblem } from './problems';

/** How often the gradebook is fetched again while the page is visible. */
export const GRADEBOOK_POLL_MS = 5000;

/**
 * One assignment: its join code to show the class, its settings, and the gradebook, which
 * refreshes while the teacher watches and announces new results politely.
 */
export function AssignmentPage() {
  const { assignmentId = '' } = useParams();
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<Gradebook | undefined>(undefined);
  const { resource, refresh } = usePolledResource(
    `gradebook:${assignmentId}`,
    async () => {
      const gradebook = await assignmentApi.getGradebook(assignmentId);
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
      <>
        <h1>Assignment</h1>
        <TeacherLoadError error={resource.error} onRetry={() => void refresh()} />
      </>
    );
  }
  const { assignment, attempts } = resource.data;
  const submitted = attempts.filter((row) => row.status !== 'in-progress').length;
  const inProgress = attempts.length - submitted;
  const files = assignmentApi.files(assignment.id);

  return (
    <div className="assignment-page">
      <p className="breadcrumb">
        <Link to={getHref.teacherDashboard()}>← Your assignments</Link>
      </p>
      <div className="page-heading-row">
        <h1>{assignment.title}</h1>
        <AssignmentStatusBadge status={assignment.status} />
      </div>

      <div className="assignment-columns">
        <section className="card" aria-labelledby="join-heading">
          <h2 id="join-heading">How students join</h2>
          <JoinDetails assignment={assignment} />
          <p className="button-row">
            <Link className="button" to={getHref.projectAssignment(assignment.id)}>
              Project the code
            </Link>
          </p>
        </section>
        <section className="card" aria-labelledby="settings-heading">
          <h2 id="settings-heading">Settings</h2>
          <AssignmentSettings assignment={assignment} />
          <OpenOrClose assignment={assignment} onChanged={refresh} />
        </section>
      </div>

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
        {attempts.length === 0 ? (
          <p>No one has joined yet. Results appear here as students submit.</p>
        ) : (
          <GradebookTable assignmentId={assignment.id} rows={attempts} />
        )}
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
      </section>
    </div>
  );
}

/** Closing stops anyone joining (attempts under way may finish); reopening lets them in again. */
function OpenOrClose({
  assignment,
  onChanged,
}: {
  assignment: Assignment;
  onChanged: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const closed = assignment.status === 'closed';

  async function change(action: (assignmentId: string) => Promise<unknown>) {
    setConfirming(false);
    setBusy(true);
    setProblem(null);
    try {
      await action(assignment.id);
      await onChanged();
    } catch (caught) {
      setProblem(caught);
    }
    setBusy(false);
  }

  return (
    <>
      <p className="button-row">
        {closed ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void change(assignmentApi.reopenAssignment)}
          >
            Reopen the assignment
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            Close the assignment
          </button>
        )}
      </p>
      {problem !== null && (
        <p className="field-error" role="alert">
          {describeProblem(problem)}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Close this assignment?"
        confirmLabel="Close it"
        cancelLabel="Keep it open"
        onConfirm={() => void change(assignmentApi.closeAssignment)}
        onCancel={() => setConfirming(false)}
      >
        <p>
          No one can join with the code {assignment.joinCode} any more. Students already taking the
          quiz can finish it before their time runs out. You can reopen it later.
        </p>
      </ConfirmDialog>
    </>
  );
}
