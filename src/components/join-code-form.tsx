import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { AppForm } from './app-form';
import { CodeInput } from './code-input';
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
    <AppForm
      className="join-form"
      onSubmit={() => {
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
          <CodeInput id={fieldId} value={code} invalid={Boolean(problem)} onChange={setCode} />
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
    </AppForm>
  );
}
