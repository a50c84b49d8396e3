import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AppForm } from '../../components/app-form';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Loading } from '../../components/load-error';
import { ROSTER_MAX_NAMES } from '../../domain/roster';
import { ApiError } from '../../lib/api-client';
import { assignmentApi, type Roster } from '../../lib/assignment-api-client';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { RosterTable } from './components/roster-table';
import { TeacherLoadError } from './components/teacher-load-error';
import { useTeacherAction } from './hooks/use-teacher-action';
import { describeProblem } from './problems';
import './roster.css';
import { CheckboxField } from '../../components/checkbox-field';

interface ClassListProblem {
  line: number;
  message: string;
}

/** The line-by-line problems of a refused class list (`details.problems` of its 400). */
function classListProblemsOf(error: unknown): ClassListProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'invalid-class-list') return [];
  const details = error.details as { problems?: ClassListProblem[] } | undefined;
  return details?.problems ?? [];
}

/**
 * An assignment's class list: the teacher pastes the names, and each student gets a personal
 * code and link (printed from here), optionally the only way to join.
 */
export function RosterPage() {
  const { assignmentId = '' } = useParams();
  const assignment = useResource({
    key: `assignment:${assignmentId}`,
    load: () => assignmentApi.getAssignment(assignmentId),
  });
  const { resource, reload } = useResource({
    key: `roster:${assignmentId}`,
    load: () => assignmentApi.getRoster(assignmentId),
  });
  const title = assignment.resource.status === 'ready' ? assignment.resource.data.title : null;
  useDocumentTitle(title ? `Class list: ${title}` : 'Class list');

  return (
    <div className="roster-page">
      <p className="breadcrumb no-print">
        <Link to={getHref.assignment(assignmentId)}>← {title ?? 'The assignment'}</Link>
      </p>
      <h1>Class list{title && `: ${title}`}</h1>
      {resource.status === 'loading' && <Loading label="Loading the class list…" />}
      {resource.status === 'error' && <TeacherLoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <RosterEditor assignmentId={assignmentId} initial={resource.data} />
      )}
    </div>
  );
}

function RosterEditor({ assignmentId, initial }: { assignmentId: string; initial: Roster }) {
  const fieldId = useId();
  const [roster, setRoster] = useState(initial);
  const [classList, setClassList] = useState(() =>
    initial.students.map((student) => student.name).join('\n'),
  );
  const [requireRoster, setRequireRoster] = useState(
    initial.hasRoster ? initial.requireRoster : true,
  );
  const { busy, problem, act: run } = useTeacherAction();
  const [saved, setSaved] = useState('');
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const lineProblems = classListProblemsOf(problem);

  function act(action: () => Promise<Roster>, done: string) {
    setSaved('');
    return run(async () => {
      const next = await action();
      setRoster(next);
      setClassList(next.students.map((student) => student.name).join('\n'));
      setSaved(done);
    });
  }

  return (
    <>
      <AppForm
        className="roster-form card no-print"
        onSubmit={() =>
          act(
            () => assignmentApi.saveRoster(assignmentId, { classList, requireRoster }),
            'The class list is saved.',
          )
        }
      >
        <div className="field">
          <label className="field-label" htmlFor={fieldId}>
            Class list
          </label>
          <p className="field-hint" id={`${fieldId}-hint`}>
            One name per line, up to {ROSTER_MAX_NAMES}, pasted from a spreadsheet or typed.
            Students already listed keep their codes when you change the list.
          </p>
          <textarea
            id={fieldId}
            className="text-input roster-textarea"
            rows={12}
            value={classList}
            aria-invalid={lineProblems.length > 0 ? true : undefined}
            aria-describedby={`${fieldId}-hint${lineProblems.length > 0 ? ` ${fieldId}-error` : ''}`}
            onChange={(event) => setClassList(event.target.value)}
          />
          {lineProblems.length > 0 && (
            <ul className="field-error" id={`${fieldId}-error`}>
              {lineProblems.map((item) => (
                <li key={`${item.line}:${item.message}`}>{item.message}</li>
              ))}
            </ul>
          )}
        </div>
        <CheckboxField checked={requireRoster} onChange={setRequireRoster}>
          Only students on this list can join, each with their personal code
        </CheckboxField>
        <p className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save the class list'}
          </button>
          {roster.hasRoster && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => setConfirmingRemoval(true)}
            >
              Remove the class list
            </button>
          )}
        </p>
        <div role="alert">
          {problem !== null && lineProblems.length === 0 && (
            <p className="notice notice-danger">{describeProblem(problem)}</p>
          )}
          {lineProblems.length > 0 && (
            <p className="notice notice-danger">
              The class list was not saved: fix the lines listed under it.
            </p>
          )}
        </div>
        <p role="status">{saved}</p>
      </AppForm>
      {roster.hasRoster && <RosterTable roster={roster} />}
      <ConfirmDialog
        open={confirmingRemoval}
        title="Remove the class list?"
        confirmLabel="Remove it"
        onCancel={() => setConfirmingRemoval(false)}
        onConfirm={() => {
          setConfirmingRemoval(false);
          void act(() => assignmentApi.deleteRoster(assignmentId), 'The class list is removed.');
        }}
      >
        <p>
          The personal codes stop working and anyone can join by name again. Attempts already made
          are kept.
        </p>
      </ConfirmDialog>
    </>
  );
}
