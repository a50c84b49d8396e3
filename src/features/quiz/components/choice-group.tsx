import { useId, type ReactNode } from 'react';
import type { PublicChoice } from '../../../domain/public-question';

interface ChoiceGroupProps {
  kind: 'radio' | 'checkbox';
  legend: string;
  /** Said after the legend, such as "Choose all that apply." */
  hint?: string;
  /** Shown after the legend, before the hint and the choices (a statement to judge). */
  children?: ReactNode;
  /** The id of an element in `children` that describes the group, read with the legend. */
  describedBy?: string;
  choices: readonly PublicChoice[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/** A group of radio buttons or checkboxes in a fieldset whose legend is the question. */
export function ChoiceGroup({
  kind,
  legend,
  hint,
  children,
  describedBy,
  choices,
  selected,
  onChange,
}: ChoiceGroupProps) {
  const name = useId();
  const hintId = `${name}-hint`;

  function toggle(choiceId: string, checked: boolean) {
    if (kind === 'radio') {
      onChange([choiceId]);
      return;
    }
    const next = new Set(selected);
    if (checked) next.add(choiceId);
    else next.delete(choiceId);
    // Keep the order the choices are shown in, whatever order they were ticked.
    onChange(choices.map((choice) => choice.id).filter((id) => next.has(id)));
  }

  return (
    <fieldset
      className="choice-group"
      aria-describedby={[describedBy, hint && hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="question-prompt">{legend}</legend>
      {/* What is judged (a statement) comes before the hint on how to judge it. */}
      {children}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="choice-list">
        {choices.map((choice) => (
          <label key={choice.id} className="choice">
            <input
              type={kind}
              name={name}
              value={choice.id}
              checked={selected.includes(choice.id)}
              onChange={(event) => toggle(choice.id, event.target.checked)}
            />
            <span className="choice-text">{choice.text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
