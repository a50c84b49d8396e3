import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { FIELD_LIMITS } from '../../../domain/field-limits';
import { parseStudentName } from '../../../domain/student-name';
import { assignmentApi, type StudentAssignment } from '../../../lib/assignment-api-client';
import { rememberStartedAttempt } from '../../../lib/attempt-records';
import { getHref } from '../../../lib/paths';
import { describeRefusal, isStale } from '../join-refusal';

/** The student's name, and Start: how a student joins an assignment without a class list. */
export function NameStartForm({
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

  async function start() {
    // The server checks the same rule; checking here names the problem before a round trip.
    const parsed = parseStudentName(name);
    if (!parsed.ok) {
      setNameProblem(parsed.problem);
      return;
    }
    setNameProblem(null);
    setRefusal(null);
    setStarting(true);
    try {
      const attempt = await assignmentApi.joinAssignment(assignment.code, parsed.name);
      rememberStartedAttempt(attempt);
      await navigate(getHref.quiz(attempt.attemptId));
      return;
    } catch (caught) {
      setRefusal(describeRefusal(caught, assignment));
      // The assignment may have closed or passed its due time meanwhile: show it as it is now.
      if (isStale(caught)) onStale();
    }
    setStarting(false);
  }

  return (
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
          maxLength={FIELD_LIMITS.studentName}
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
  );
}
