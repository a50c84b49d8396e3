import { useState } from 'react';
import { useParams } from 'react-router';
import { JoinCodeForm } from '../../components/join-code-form';
import { Loading, LoadError } from '../../components/load-error';
import { decideReviewTiming, parseJoinCode } from '../../domain/assignment-rules';
import { ApiError } from '../../lib/api-client';
import { assignmentApi, type StudentAssignment } from '../../lib/assignment-api-client';
import { formatDateTime } from '../../lib/format-date-time';
import { formatMinutes } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { useTimerAt } from '../../lib/use-timer-at';
import { NameStartForm } from './components/name-start-form';
import { PersonalCodeDoor } from './components/personal-code-door';
import './join.css';
import { Detail } from '../../components/detail';
import { Kicker } from '../../components/kicker';

/**
 * Where a join link or a typed code lands: the assignment's title and rules, then the student's
 * name (or personal code), and on to the quiz. Without a code, the form to type one.
 */
export function JoinPage() {
  const { code, personalCode } = useParams();
  const parsed = code === undefined ? null : parseJoinCode(code);
  if (parsed) return <JoinAssignment key={parsed} code={parsed} personalCode={personalCode} />;
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

/** When the assignment next changes by itself: it opens, or its due time passes. */
function nextChangeAt(assignment: StudentAssignment): string | null {
  if (assignment.status === 'scheduled') return assignment.opensAt;
  if (assignment.status === 'open') return assignment.dueAt;
  return null;
}

/** What a student waiting on the page is told when it changed by itself. */
function describeChange(assignment: StudentAssignment): string {
  switch (assignment.status) {
    case 'open':
      return 'The assignment is open now: you can start.';
    case 'past-due':
      return 'The due time has passed: the assignment can no longer be started.';
    case 'closed':
      return 'Your teacher has closed this assignment.';
    case 'scheduled':
      return '';
  }
}

function JoinAssignment({ code, personalCode }: { code: string; personalCode?: string }) {
  const { resource, reload } = useResource({
    key: `join:${code}`,
    load: () => assignmentApi.findAssignmentByCode(code),
  });
  // Refreshed in place when it opens or passes its due time, without showing "Loading" again.
  const [refreshed, setRefreshed] = useState<{ data: StudentAssignment; count: number } | null>(
    null,
  );
  const [announcement, setAnnouncement] = useState('');
  const current = refreshed?.data ?? (resource.status === 'ready' ? resource.data : null);
  useTimerAt(
    current && nextChangeAt(current),
    () => {
      assignmentApi.findAssignmentByCode(code).then(
        (data) => {
          if (current && data.status !== current.status) setAnnouncement(describeChange(data));
          setRefreshed((previous) => ({ data, count: (previous?.count ?? 0) + 1 }));
        },
        // Offline for a moment: the next timer asks again.
        () => setRefreshed((previous) => previous && { ...previous, count: previous.count + 1 }),
      );
    },
    refreshed?.count,
  );
  useDocumentTitle(current ? `Join: ${current.title}` : 'Join');

  if (current) {
    return (
      <>
        <AssignmentDoor
          assignment={current}
          personalCode={personalCode}
          onStale={() => {
            setRefreshed(null);
            reload();
          }}
        />
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </>
    );
  }
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
  return null;
}

function ClosedNotice({ assignment }: { assignment: StudentAssignment }) {
  switch (assignment.status) {
    case 'scheduled':
      return (
        <p>
          This assignment opens {formatDateTime(assignment.opensAt)}. Keep this page open: it
          updates by itself when the assignment opens.
        </p>
      );
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
  const when = decideReviewTiming(reviewPolicy.when, dueAt !== null);
  if (when === 'after-due' && dueAt !== null)
    return `You see ${what} after ${formatDateTime(dueAt)}.`;
  switch (when) {
    case 'immediately':
      return `You see ${what} as soon as you submit.`;
    // Without a due time, "after the due time" waits for the teacher (decideReviewTiming).
    case 'after-due':
    case 'after-close':
      return `You see ${what} once your teacher closes the assignment.`;
    case 'never':
      return 'Your teacher sees your answers; the results are not shown here.';
  }
}

/**
 * The assignment as a student sees it before starting, and the way in: a name, or the personal
 * code from the class list (which also reopens their attempts when the assignment has closed).
 */
function AssignmentDoor({
  assignment,
  personalCode,
  onStale,
}: {
  assignment: StudentAssignment;
  personalCode: string | undefined;
  onStale: () => void;
}) {
  const open = assignment.status === 'open';
  const byCode = personalCode !== undefined || assignment.roster === 'required';
  const codeDoor = (
    <PersonalCodeDoor assignment={assignment} initialCode={personalCode} onStale={onStale} />
  );

  return (
    <div className="join-page">
      <Kicker>Assignment · code {assignment.code}</Kicker>
      <h1>{assignment.title}</h1>
      <dl className="fact-list join-facts card">
        <Detail term="Quiz">
          {assignment.bankTitle}, on “{assignment.articleTitle}”
        </Detail>
        <Detail term="Questions">{assignment.questionCount}</Detail>
        <Detail term="Time limit">
          {assignment.timeLimitMinutes === null
            ? 'None'
            : `${formatMinutes(assignment.timeLimitMinutes)}, from when you start`}
        </Detail>
        {assignment.dueAt && <Detail term="Due">{formatDateTime(assignment.dueAt)}</Detail>}
        <Detail term="Results">{describeReview(assignment)}</Detail>
      </dl>
      {!open && (
        <div className="notice notice-warning" role="status">
          <ClosedNotice assignment={assignment} />
        </div>
      )}
      {byCode ? (
        codeDoor
      ) : (
        <>
          {open && <NameStartForm assignment={assignment} onStale={onStale} />}
          {assignment.roster === 'optional' && (
            <details className="join-personal-code">
              <summary>I have a personal code from the class list</summary>
              {codeDoor}
            </details>
          )}
        </>
      )}
    </div>
  );
}
