import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';

const hintId = (id: string) => `${id}-hint`;
const errorId = (id: string) => `${id}-error`;

/** The ids a control's `aria-describedby` names: its hint and, when there is one, its error. */
export function describedBy(
  id: string,
  { hint, error }: { hint?: ReactNode; error?: string },
): string | undefined {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p className="field-hint" id={hintId(id)}>
      {children}
    </p>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={errorId(id)}>
      {error}
    </p>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** A labelled input with its hint and error, both tied to it by `aria-describedby`. */
export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <FieldHint id={id}>{hint}</FieldHint>
      <input
        id={id}
        className={className ?? 'text-input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        {...input}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

export interface FieldProblem {
  /** The id of the control to fix. */
  fieldId: string;
  message: string;
}

/**
 * The problems of a submitted form, announced and focused at once, each a link that moves focus
 * to the control to fix (the GOV.UK error summary pattern). `attempt` counts submissions, so a
 * second failed submission announces and focuses again.
 */
export function ErrorSummary({ problems, attempt }: { problems: FieldProblem[]; attempt: number }) {
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) summaryRef.current?.focus();
    // Only a new submission moves focus, never a problem fixed while typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <div
      ref={summaryRef}
      className="notice notice-danger error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-heading"
    >
      <h2 id="error-summary-heading" className="error-summary-heading">
        {problems.length === 1 ? 'There is a problem' : `There are ${problems.length} problems`}
      </h2>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.fieldId}:${problem.message}`}>
            <a
              href={`#${problem.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(problem.fieldId)?.focus();
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
