import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AppForm } from '../../../components/app-form';
import { CodeInput } from '../../../components/code-input';
import { FormAlert } from '../../../components/form-alert';
import { PERSONAL_CODE_LENGTH, parsePersonalCode } from '../../../domain/roster';
import { ApiError } from '../../../lib/api-client';
import {
  assignmentApi,
  type StudentAssignment,
  type StudentRecord,
} from '../../../lib/assignment-api-client';
import { markAttemptSubmitted, rememberStartedAttempt } from '../../../lib/attempt-records';
import { formatDateTime } from '../../../lib/format-date-time';
import { getHref } from '../../../lib/paths';
import { describeRefusal } from '../join-refusal';
import { openJoinedAttempt } from '../open-joined-attempt';

/** Keeps a student's attempts on this device, so the quiz and results pages open them here. */
function rememberAttempts(record: StudentRecord): void {
  for (const attempt of record.attempts) {
    rememberStartedAttempt(attempt);
    if (attempt.status === 'submitted') markAttemptSubmitted(attempt.attemptId);
  }
}

/**
 * Joining with the personal code from the class list: the student's unfinished quiz reopens (on
 * any device), their submitted attempts show their results, and Start begins a new attempt when
 * one is left. The only way in when the teacher requires the class list.
 */
export function PersonalCodeDoor({
  assignment,
  initialCode = '',
  onStale,
}: {
  assignment: StudentAssignment;
  initialCode?: string;
  onStale: () => void;
}) {
  const navigate = useNavigate();
  const fieldId = useId();
  const [typed, setTyped] = useState(initialCode);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [record, setRecord] = useState<{ code: string; data: StudentRecord } | null>(null);
  const welcomeRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (record) welcomeRef.current?.focus();
  }, [record]);

  async function lookUp() {
    const code = parsePersonalCode(typed);
    if (!code) {
      setProblem(
        `A personal code has ${PERSONAL_CODE_LENGTH} letters and digits, like K7MP-Q2XA. Check it on your class list and try again.`,
      );
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const data = await assignmentApi.findStudentRecord(assignment.code, code);
      rememberAttempts(data);
      const unfinished = data.attempts.find((attempt) => attempt.status === 'in-progress');
      if (unfinished) {
        await navigate(getHref.quiz(unfinished.attemptId));
        return;
      }
      setRecord({ code, data });
    } catch (caught) {
      setProblem(
        caught instanceof ApiError && caught.code === 'personal-code-not-found'
          ? 'No student on the class list has this personal code. Check it with your teacher.'
          : describeRefusal(caught, assignment),
      );
    }
    setBusy(false);
  }

  async function start(code: string) {
    setProblem(null);
    setBusy(true);
    const refused = await openJoinedAttempt(
      () => assignmentApi.joinWithPersonalCode(assignment.code, code),
      { assignment, navigate, onStale },
    );
    if (refused === null) return;
    setProblem(refused);
    setBusy(false);
  }

  if (record) {
    const { attempts, attemptsLeft, name } = record.data;
    const canStart = assignment.status === 'open' && attemptsLeft !== 0;
    return (
      <section className="join-student card" aria-labelledby={`${fieldId}-welcome`}>
        <h2 id={`${fieldId}-welcome`} ref={welcomeRef} tabIndex={-1}>
          Hello, {name}
        </h2>
        {attempts.length > 0 ? (
          <ul className="join-attempts">
            {attempts.map((attempt, index) => (
              <li key={attempt.attemptId}>
                Attempt {index + 1}
                {attempt.submittedAt && `, handed in ${formatDateTime(attempt.submittedAt)}`}:{' '}
                <Link to={getHref.review(attempt.attemptId)}>See your results</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>You have not started this quiz yet.</p>
        )}
        {canStart ? (
          <p className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void start(record.code)}
            >
              {busy
                ? 'Starting…'
                : attempts.length > 0
                  ? 'Start another attempt'
                  : 'Start the quiz'}
            </button>
          </p>
        ) : (
          attemptsLeft === 0 && <p>You have used every attempt allowed at this assignment.</p>
        )}
        <FormAlert message={problem} />
      </section>
    );
  }

  return (
    <AppForm className="join-start" onSubmit={lookUp}>
      <div className="field">
        <label className="field-label" htmlFor={fieldId}>
          Your personal code
        </label>
        <p className="field-hint" id={`${fieldId}-hint`}>
          The {PERSONAL_CODE_LENGTH} letters and digits next to your name on the class list. With it
          you can also continue your quiz or see your results on another device.
        </p>
        <CodeInput
          id={fieldId}
          value={typed}
          invalid={Boolean(problem)}
          maxLength={20}
          onChange={setTyped}
        />
        {problem && (
          <p className="field-error" id={`${fieldId}-error`} role="alert">
            {problem}
          </p>
        )}
      </div>
      <p className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Looking up…' : 'Continue'}
        </button>
      </p>
    </AppForm>
  );
}
