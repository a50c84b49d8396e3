import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { AppForm } from '../../../components/app-form';
import { FormAlert } from '../../../components/form-alert';
import { TextField } from '../../../components/form-field';
import { FIELD_LIMITS } from '../../../domain/field-limits';
import { parseStudentName } from '../../../domain/student-name';
import { assignmentApi, type StudentAssignment } from '../../../lib/assignment-api-client';
import { openJoinedAttempt } from '../open-joined-attempt';

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
    const refused = await openJoinedAttempt(
      () => assignmentApi.joinAssignment(assignment.code, parsed.name),
      { assignment, navigate, onStale },
    );
    if (refused === null) return;
    setRefusal(refused);
    setStarting(false);
  }

  return (
    <AppForm className="join-start" onSubmit={start}>
      <TextField
        id={nameId}
        label="Your name"
        hint="Your first and last name, as your teacher knows you."
        error={nameProblem ?? undefined}
        value={name}
        maxLength={FIELD_LIMITS.studentName}
        autoComplete="name"
        onChange={(event) => setName(event.target.value)}
      />
      {assignment.timeLimitMinutes !== null && <p>The clock starts when you press Start.</p>}
      <p className="button-row">
        <button type="submit" className="button button-primary" disabled={starting}>
          {starting ? 'Starting…' : 'Start the quiz'}
        </button>
      </p>
      <FormAlert message={refusal} />
    </AppForm>
  );
}
