import { useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { JoinCodeForm } from '../../components/join-code-form';
import { Loading, LoadError } from '../../components/load-error';
import { parseJoinCode } from '../../domain/assignment-rules';
import { ApiError, NetworkError } from '../../lib/api-client';
import { assignmentApi, type StudentAssignment } from '../../lib/assignment-api-client';
import { rememberStartedAttempt } from '../../lib/attempt-records';
import { formatDateTime } from '../../lib/format-date-time';
import { formatMinutes } from '../../lib/labels';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import './join.css';

/**
 * Where a join link or a typed code lands: the assignment's title and rules, then the student's
 * name, and on to the quiz. Without a code, the form to type one.
 */
export function JoinPage() {
  const { code } = useParams();
  const parsed = code === undefined ? null : parseJoinCode(code);
  if (parsed) return <JoinAssignment key={parsed} code={parsed} />;
  return <JoinForm typed={code} />;
}

function JoinForm({ typed }: { typed: string | undefined }) {
  useDocumentTitle('Join with a code');
  return (
    <div className="join-page">
      <h1>Join with a code</h1>
      {typed !== undefined && (
        <div className="notice notice-warning" role="alert">
          <p>“{typed}” is not a join code. A code has six letters and digits, like K7MPQ2.</p>
        </div>
      )}
      <p className="page-intro">Type the code your teacher shows you to take an assigned quiz.</p>
      <JoinCodeForm />
    </div>
  );
}

function JoinAssignment({ code }: { code: string }) {
  const { resource, reload } = useResource({
    key: `join:${code}`,
    load: () => assignmentApi.findAssignmentByCode(code),
  });
  useDocumentTitle(resource.status === 'ready' ? `Join: ${resource.data.title}` : 'Join');

  if (resource.status === 'loading') return <Loading label="Looking up the code…" />;
  if (resource.status === 'error') {
    const unknown = resource.error instanceof ApiError && resource.error.status === 404;
    return (
      <div className="join-page">
        <h1>Join with a code</h1>
        {unknown ? (
          <div className="notice notice-danger" role="alert">
            <p>
              No assignment has the code <strong className="join-code-text">{code}</strong>. Check
              it with your teacher and type it again.
            </p>
          </div>
        ) : (
          <LoadError error={resource.error} onRetry={reload} />
        )}
        <JoinCodeForm initialCode={code} />
      </div>
    );
  }
  return <AssignmentDoor assignment={resource.data} onStale={reload} />;
}

/** Why an open-looking assignment refused a student, in their words. */
function describeRefusal(error: unknown, assignment: StudentAssignment): string {
  if (error instanceof NetworkError) {
    return 'The server could not be reached. Check your connection and try again.';
  }
  if (!(error instanceof ApiError)) return 'The quiz could not be started. Try again.';
  switch (error.code) {
    case 'assignment-not-open-yet':
      return `This assignment opens ${formatDateTime(assignment.opensAt)}. Try again then.`;
    case 'assignment-past-due':
      return assignment.dueAt
        ? `This assignment was due ${formatDateTime(assignment.dueAt)}: it can no longer be started.`
        : error.message;
    default:
      return error.message;
  }
}

function ClosedNotice({ assignment }: { assignment: StudentAssignment }) {
  switch (assignment.status) {
    case 'scheduled':
      return <p>This assignment opens {formatDateTime(assignment.opensAt)}. Come back then.</p>;
    case 'past-due':
      return (
        <p>
          This assignment was due {assignment.dueAt ? formatDateTime(assignment.dueAt) : 'earlier'}:
          it can no longer be started.
        </p>
      );
    case 'closed':
      return <p>Your teacher has closed this assignment: it can no longer be started.</p>;
    case 'open':
      return null;
  }
}

function describeReview({ reviewPolicy, dueAt }: StudentAssignment): string {
  const what = reviewPolicy.show === 'full' ? 'your score and the right answers' : 'your score';
  switch (reviewPolicy.when) {
    case 'immediately':
      return `You see ${what} as soon as you submit.`;
    case 'after-due':
      return dueAt
        ? `You see ${what} after ${formatDateTime(dueAt)}.`
        : `You see ${what} as soon as you submit.`;
    case 'never':
      return 'Your teacher sees your answers; the results are not shown here.';
  }
}

/** The assignment as a student sees it before starting, and the name to start with. */
function AssignmentDoor({
  assignment,
  onStale,
}: {
  assignment: StudentAssignment;
  onStale: () => void;
}) {
  const navigate = useNavigate();
  const nameId = useId();
  const [name, setName] = useState('');
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const open = assignment.status === 'open';

  async function start() {
    if (name.trim() === '') {
      setNameProblem('Type your name, so your teacher knows whose answers these are.');
      return;
    }
    setNameProblem(null);
    setRefusal(null);
    setStarting(true);
    try {
      const attempt = await assignmentApi.joinAssignment(assignment.code, name.trim());
      rememberStartedAttempt(attempt);
      await navigate(getHref.quiz(attempt.attemptId));
      return;
    } catch (caught) {
      setRefusal(describeRefusal(caught, assignment));
      // The assignment may have closed or passed its due time meanwhile: show it as it is now.
      if (caught instanceof ApiError && caught.code.startsWith('assignment-')) onStale();
    }
    setStarting(false);
  }

  return (
    <div className="join-page">
      <p className="join-kicker">Assignment · code {assignment.code}</p>
      <h1>{assignment.title}</h1>
      <dl className="fact-list join-facts card">
        <div>
          <dt>Quiz</dt>
          <dd>
            {assignment.bankTitle}, on “{assignment.articleTitle}”
          </dd>
        </div>
        <div>
          <dt>Questions</dt>
          <dd>{assignment.questionCount}</dd>
        </div>
        <div>
          <dt>Time limit</dt>
          <dd>
            {assignment.timeLimitMinutes === null
              ? 'None'
              : `${formatMinutes(assignment.timeLimitMinutes)}, from when you start`}
          </dd>
        </div>
        {assignment.dueAt && (
          <div>
            <dt>Due</dt>
            <dd>{formatDateTime(assignment.dueAt)}</dd>
          </div>
        )}
        <div>
          <dt>Results</dt>
          <dd>{describeReview(assignment)}</dd>
        </div>
      </dl>
      {open ? (
        <form
          className="join-start"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor={nameId}>
              Your name
            </label>
            <p className="field-hint" id={`${nameId}-hint`}>
              Your first and last name, as your teacher knows you.
            </p>
            <input
              id={nameId}
              className="text-input"
              value={name}
              maxLength={80}
              autoComplete="name"
              aria-invalid={nameProblem ? true : undefined}
              aria-describedby={`${nameId}-hint${nameProblem ? ` ${nameId}-error` : ''}`}
              onChange={(event) => setName(event.target.value)}
            />
            {nameProblem && (
              <p className="field-error" id={`${nameId}-error`}>
                {nameProblem}
              </p>
            )}
          </div>
          {assignment.timeLimitMinutes !== null && <p>The clock starts when you press Start.</p>}
          <p className="button-row">
            <button type="submit" className="button button-primary" disabled={starting}>
              {starting ? 'Starting…' : 'Start the quiz'}
            </button>
          </p>
          <div role="alert">
            {refusal && (
              <div className="notice notice-danger">
                <p>{refusal}</p>
              </div>
            )}
          </div>
        </form>
      ) : (
        <div className="notice notice-warning" role="status">
          <ClosedNotice assignment={assignment} />
        </div>
      )}
    </div>
  );
}
