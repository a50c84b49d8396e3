import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { JOIN_CODE_LENGTH, parseJoinCode } from '../domain/assignment-rules';
import { getHref } from '../lib/paths';
import './join-code-form.css';

/** The field where a student types the code a teacher projects; it opens `/join/CODE`. */
export function JoinCodeForm({ initialCode = '' }: { initialCode?: string }) {
  const navigate = useNavigate();
  const [code, setCode] = useState(initialCode);
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();

  return (
    <form
      className="join-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseJoinCode(code);
        if (!parsed) {
          setProblem(
            `A code has ${JOIN_CODE_LENGTH} letters and digits, like K7MPQ2. Check it and try again.`,
          );
          return;
        }
        setProblem(null);
        void navigate(getHref.join(parsed));
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={fieldId}>
          Code from your teacher
        </label>
        <p className="field-hint" id={`${fieldId}-hint`}>
          {JOIN_CODE_LENGTH} letters and digits. Capitals and spaces do not matter.
        </p>
        <div className="join-form-row">
          <input
            id={fieldId}
            className="text-input join-code-input"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby={`${fieldId}-hint${problem ? ` ${fieldId}-error` : ''}`}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setCode(event.target.value)}
          />
          <button type="submit" className="button">
            Join
          </button>
        </div>
        {problem && (
          <p className="field-error" id={`${fieldId}-error`}>
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}
