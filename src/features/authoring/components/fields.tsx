import { useEffect, useRef, useState, type ReactNode } from 'react';
import { fieldId, moveItem, replaceItem, type DataPath } from '../draft-bank';
import { useFieldProblems } from './problems-context';

const problemsId = (id: string) => `${id}-problems`;
const hintId = (id: string) => `${id}-hint`;

function describedBy(id: string, hint: ReactNode, problems: readonly string[]): string | undefined {
  const ids = [hint ? hintId(id) : null, problems.length > 0 ? problemsId(id) : null];
  return ids.filter(Boolean).join(' ') || undefined;
}

/** The problems of one field, where the teacher is looking, tied to it by `aria-describedby`. */
export function FieldProblems({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-error authoring-problems" id={problemsId(id)}>
      {messages.map((message, index) => (
        // Two problems may say the same words (two empty texts merged into one field's place).
        <li key={`${index}:${message}`}>{message}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  path: DataPath;
  label: ReactNode;
  hint?: ReactNode;
}

function useField(path: DataPath, hint: ReactNode) {
  const id = fieldId(path);
  const problems = useFieldProblems(path);
  return {
    id,
    problems,
    control: {
      id,
      'aria-invalid': problems.length > 0 ? true : undefined,
      'aria-describedby': describedBy(id, hint, problems),
    },
  };
}

function FieldFrame({
  id,
  label,
  hint,
  problems,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  problems: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={hintId(id)}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldProblems id={id} messages={problems} />
    </div>
  );
}

/** A text field. Callers of optional fields turn "" into undefined, so an emptied key is left out. */
export function TextField({
  path,
  label,
  hint,
  value,
  onChange,
  multiline = false,
}: FieldProps & {
  value: string | undefined;
  onChange: (value: string) => void;
  multiline?: boolean;
}) {
  const { id, problems, control } = useField(path, hint);
  return (
    <FieldFrame id={id} label={label} hint={hint} problems={problems}>
      {multiline ? (
        <textarea
          {...control}
          className="text-input"
          rows={3}
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          {...control}
          className="text-input"
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/**
 * A number field. What is typed is kept as typed, and the value changes only when it reads as a
 * number, so "1." or "-" on the way to a number are not thrown away.
 */
export function NumberField({
  path,
  label,
  hint,
  value,
  onChange,
}: FieldProps & { value: number | undefined; onChange: (value: number | undefined) => void }) {
  const { id, problems, control } = useField(path, hint);
  // A required number left empty is held as NaN, which the bank's rules report; it shows empty.
  const shown = value === undefined || Number.isNaN(value) ? undefined : value;
  const [typed, setTyped] = useState(shown === undefined ? '' : String(shown));
  const typedValue = typed.trim() === '' ? undefined : Number(typed);
  // Another value from outside (undo, another question) replaces what was typed.
  if (typedValue !== shown && !(typedValue !== undefined && Number.isNaN(typedValue))) {
    setTyped(shown === undefined ? '' : String(shown));
  }
  const unreadable = typedValue !== undefined && Number.isNaN(typedValue);
  const messages = unreadable ? ['Write a number, like 12 or 0.5.', ...problems] : problems;
  return (
    <FieldFrame id={id} label={label} hint={hint} problems={messages}>
      <input
        {...control}
        aria-invalid={messages.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, hint, messages)}
        className="text-input authoring-number"
        inputMode="decimal"
        value={typed}
        onChange={(event) => {
          const text = event.target.value;
          setTyped(text);
          const number = text.trim() === '' ? undefined : Number(text);
          if (number === undefined || !Number.isNaN(number)) onChange(number);
        }}
      />
    </FieldFrame>
  );
}

export function SelectField<Value extends string>({
  path,
  label,
  hint,
  value,
  choices,
  onChange,
}: FieldProps & {
  value: Value;
  choices: readonly { value: Value; label: string }[];
  onChange: (value: Value) => void;
}) {
  const { id, problems, control } = useField(path, hint);
  return (
    <FieldFrame id={id} label={label} hint={hint} problems={problems}>
      <select
        {...control}
        className="select-input"
        value={value}
        onChange={(event) => {
          const chosen = choices.find((choice) => choice.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of fields (a fieldset) with the problems about the group as a whole. */
export function FieldGroup({
  path,
  legend,
  children,
}: {
  path: DataPath;
  legend: ReactNode;
  children: ReactNode;
}) {
  const id = fieldId(path);
  const problems = useFieldProblems(path);
  return (
    <fieldset
      className="authoring-group"
      id={id}
      aria-describedby={problems.length > 0 ? problemsId(id) : undefined}
    >
      <legend>{legend}</legend>
      <FieldProblems id={id} messages={problems} />
      {children}
    </fieldset>
  );
}

type ListAction = 'up' | 'down' | 'remove' | 'add';

/**
 * A list the teacher adds to, removes from and reorders with buttons, so a keyboard does all of
 * it. After a move, focus follows the item to its new place; after a removal or an addition it
 * goes to the add button or the new item's first field.
 */
export function ListEditor<Item>({
  path,
  legend,
  noun,
  items,
  onChange,
  newItem,
  min = 0,
  max = Infinity,
  renderItem,
}: {
  path: DataPath;
  legend: ReactNode;
  /** What one item is called, as in "Remove option 2". */
  noun: string;
  items: readonly Item[];
  onChange: (items: Item[]) => void;
  newItem: (items: readonly Item[]) => Item;
  min?: number;
  max?: number;
  renderItem: (item: Item, index: number, onItemChange: (item: Item) => void) => ReactNode;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<{ index: number; action: ListAction } | null>(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    pendingFocus.current = null;
    const row = listRef.current?.children[pending.index];
    const target =
      pending.action === 'add'
        ? row?.querySelector<HTMLElement>('input, textarea, select')
        : pending.action === 'remove'
          ? addRef.current
          : row?.querySelector<HTMLElement>(`[data-move="${pending.action}"]:not(:disabled)`);
    (target ?? row?.querySelector<HTMLElement>('button'))?.focus();
  }, [items]);
  const change = (next: Item[], index: number, action: ListAction) => {
    pendingFocus.current = { index, action };
    onChange(next);
  };
  return (
    <FieldGroup path={path} legend={legend}>
      <ol ref={listRef} className="authoring-list">
        {items.map((item, index) => (
          // Items have no identity apart from their place; moving one moves its fields with it.
          <li key={index} className="authoring-list-item">
            {renderItem(item, index, (changed) => onChange(replaceItem(items, index, changed)))}
            <div className="button-row authoring-list-actions">
              <button
                type="button"
                className="button button-small"
                data-move="up"
                disabled={index === 0}
                onClick={() => change(moveItem(items, index, index - 1), index - 1, 'up')}
              >
                Move {noun} {index + 1} up
              </button>
              <button
                type="button"
                className="button button-small"
                data-move="down"
                disabled={index === items.length - 1}
                onClick={() => change(moveItem(items, index, index + 1), index + 1, 'down')}
              >
                Move {noun} {index + 1} down
              </button>
              <button
                type="button"
                className="button button-small button-quiet"
                disabled={items.length <= min}
                onClick={() =>
                  change(
                    items.filter((_, at) => at !== index),
                    index,
                    'remove',
                  )
                }
              >
                Remove {noun} {index + 1}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        ref={addRef}
        type="button"
        className="button button-small"
        disabled={items.length >= max}
        onClick={() => change([...items, newItem(items)], items.length, 'add')}
      >
        Add {noun}
      </button>
    </FieldGroup>
  );
}
