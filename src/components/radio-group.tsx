import { describedBy, FieldError, FieldHint } from './form-field';

interface RadioGroupProps<V extends string> {
  /** The fieldset's id: the error summary's link moves focus to it. */
  id: string;
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  hint?: string;
  error?: string;
}

/** A labelled group of radio buttons, with its hint and error tied to the group. */
export function RadioGroup<V extends string>({
  id,
  legend,
  name,
  options,
  value,
  onChange,
  hint,
  error,
}: RadioGroupProps<V>) {
  return (
    <fieldset
      id={id}
      className="field choice-fieldset"
      tabIndex={-1}
      aria-describedby={describedBy(id, { hint, error })}
    >
      <legend className="field-label">{legend}</legend>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} error={error} />
      {options.map((option) => (
        <label key={option.value} className="checkbox-label">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
