import { useId, useState } from 'react';
import type { PublicNumeric } from '../../../domain/public-question';
import type { NumericResponse } from '../../../domain/responses';
import { parseNumberInput } from '../parse-number-input';

interface NumericControlProps {
  question: PublicNumeric;
  label: string;
  response: NumericResponse | undefined;
  onChange: (response: NumericResponse) => void;
}

/**
 * A text field for a number (not `type="number"`, which silently drops what it cannot read).
 * A bad entry is explained once the student leaves the field; a saved answer is only replaced by
 * another number, and the field says so while it holds something else.
 */
export function NumericControl({ question, label, response, onChange }: NumericControlProps) {
  const id = useId();
  const [text, setText] = useState(response === undefined ? '' : String(response.value));
  const [left, setLeft] = useState(false);
  const parsed = parseNumberInput(text);
  const problem = parsed.kind === 'invalid' && left ? parsed.message : null;
  const keptAnswer = parsed.kind !== 'number' && response !== undefined ? response.value : null;
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
            const next = parseNumberInput(event.target.value);
            if (next.kind === 'number' && next.value !== response?.value) {
              onChange({ value: next.value });
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
