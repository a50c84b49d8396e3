import { useId, useState } from 'react';
import type { PublicNumeric } from '../../../domain/public-question';
import type { NumericResponse } from '../../../domain/responses';
import { parseNumberInput } from '../parse-number-input';

interface NumericControlProps {
  question: PublicNumeric;
  label: string;
  response: NumericResponse | undefined;
  /** Undefined when the student empties the field. */
  onChange: (response: NumericResponse | undefined) => void;
}

/**
 * A text field for a number (not `type="number"`, which silently drops what it cannot read).
 * A bad entry is explained once the student leaves the field; it does not replace a saved answer,
 * and the field says so while it holds it. Emptying the field takes the answer back.
 */
export function NumericControl({ question, label, response, onChange }: NumericControlProps) {
  const id = useId();
  const [text, setText] = useState(response === undefined ? '' : String(response.value));
  const [left, setLeft] = useState(false);
  const parsed = parseNumberInput(text, question.unit);
  const problem = parsed.kind === 'invalid' && left ? parsed.message : null;
  const keptAnswer = parsed.kind === 'invalid' && response !== undefined ? response.value : null;
  const describedBy = [`${id}-hint`, `${id}-status`].join(' ');

  return (
    <div className="field numeric-field">
      <label className="question-prompt" htmlFor={id}>
        {label}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        Type a number in digits, like 30 or 2.5.
      </p>
      <div className="numeric-row">
        <input
          id={id}
          className="text-input numeric-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            setText(event.target.value);
            const next = parseNumberInput(event.target.value, question.unit);
            if (next.kind === 'number' && next.value !== response?.value) {
              onChange({ value: next.value });
            } else if (next.kind === 'empty' && response !== undefined) {
              onChange(undefined);
            }
          }}
          onBlur={() => setLeft(true)}
        />
        {question.unit && <span className="numeric-unit">{question.unit}</span>}
      </div>
      <div id={`${id}-status`} aria-live="polite">
        {problem && <p className="field-error">{problem}</p>}
        {keptAnswer !== null && (
          <p className="field-hint">
            Your saved answer is still {keptAnswer}
            {question.unit ? ` ${question.unit}` : ''}. Type another number to change it.
          </p>
        )}
      </div>
    </div>
  );
}
