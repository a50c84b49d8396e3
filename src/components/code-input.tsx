import './join-code-form.css';

/**
 * The box a code from paper is typed into (a join code, a personal code): capitals, no
 * autocomplete or spelling marks, described by its hint (`<id>-hint`) and, when `invalid`, by its
 * error (`<id>-error`).
 */
export function CodeInput({
  id,
  value,
  invalid,
  maxLength,
  onChange,
}: {
  id: string;
  value: string;
  invalid: boolean;
  maxLength?: number;
  onChange: (value: string) => void;
}) {
  return (
    <input
      id={id}
      className="text-input join-code-input"
      value={value}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={maxLength}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
