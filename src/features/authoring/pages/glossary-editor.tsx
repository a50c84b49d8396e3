import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type Ref } from 'react';
import { parseArticle } from '../../../domain/article';
import {
  checkGlossary,
  GLOSSARY_DEFINITION_MAX_LENGTH,
  GLOSSARY_TERM_MAX_LENGTH,
  markGlossaryTerms,
  type GlossaryEntry,
} from '../../../domain/glossary';
import type { SentenceCorrection } from '../../../domain/sentence-corrections';

/**
 * What the glossary check says about each entry against the text as it is now, by entry index.
 * Entries without a term yet are left out: there is nothing to look for until one is typed.
 */
function checkEntries(
  glossary: readonly GlossaryEntry[],
  body: string,
  corrections: readonly SentenceCorrection[],
): Map<number, string> {
  const named = glossary.flatMap((entry, index) => (entry.term.trim() === '' ? [] : [index]));
  const messages = new Map<number, string>();
  if (named.length === 0) return messages;
  const { article } = parseArticle(
    {
      id: '',
      title: '',
      summary: '',
      sources: [],
      genre: '',
      note: '',
      language: 'en',
      sentenceCorrections: [...corrections],
    },
    body,
  );
  const entries = named.map((index) => glossary[index] as GlossaryEntry);
  const { counts } = markGlossaryTerms(article.paragraphs, entries);
  for (const { entry, message } of checkGlossary(entries, counts)) {
    const index = named[entry];
    if (index !== undefined && !messages.has(index)) messages.set(index, message);
  }
  return messages;
}

/** "12 of 60 characters", and how many too many when over. */
function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const over = length - max;
  return (
    <p id={id} className={over > 0 ? 'field-error glossary-count' : 'field-hint glossary-count'}>
      {length} of {max} characters{over > 0 ? `: ${over} too many` : ''}
    </p>
  );
}

function GlossaryEntryFields({
  number,
  entry,
  problem,
  termRef,
  onChange,
  onRemove,
}: {
  number: number;
  entry: GlossaryEntry;
  problem: string | undefined;
  termRef: Ref<HTMLInputElement>;
  onChange: (entry: GlossaryEntry) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const termId = `${id}-term`;
  const definitionId = `${id}-definition`;
  const termTooLong = entry.term.length > GLOSSARY_TERM_MAX_LENGTH;
  const definitionTooLong = entry.definition.length > GLOSSARY_DEFINITION_MAX_LENGTH;
  const name = entry.term.trim() === '' ? `entry ${number}` : entry.term.trim();
  return (
    <li className="glossary-entry">
      <fieldset className="glossary-entry-fields">
        <legend>Entry {number}</legend>
        <div className="field">
          <label className="field-label" htmlFor={termId}>
            Term
          </label>
          <input
            ref={termRef}
            id={termId}
            className="text-input"
            value={entry.term}
            aria-invalid={termTooLong || problem ? true : undefined}
            aria-describedby={[`${termId}-count`, problem ? `${termId}-problem` : null]
              .filter(Boolean)
              .join(' ')}
            onChange={(event) => onChange({ ...entry, term: event.target.value })}
          />
          <CharacterCount
            id={`${termId}-count`}
            length={entry.term.length}
            max={GLOSSARY_TERM_MAX_LENGTH}
          />
          {problem && (
            <p className="field-error" id={`${termId}-problem`}>
              {problem}
            </p>
          )}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={definitionId}>
            Definition
          </label>
          <textarea
            id={definitionId}
            className="text-input authoring-textarea"
            rows={2}
            value={entry.definition}
            aria-invalid={definitionTooLong ? true : undefined}
            aria-describedby={`${definitionId}-count`}
            onChange={(event) => onChange({ ...entry, definition: event.target.value })}
          />
          <CharacterCount
            id={`${definitionId}-count`}
            length={entry.definition.length}
            max={GLOSSARY_DEFINITION_MAX_LENGTH}
          />
        </div>
        <button type="button" className="button button-small" onClick={onRemove}>
          Remove {name}
        </button>
      </fieldset>
    </li>
  );
}

/**
 * The article's glossary: words and phrases of the text with a definition, which the reader marks
 * in the text. Each entry is checked against the text as it is typed, with the check the server
 * runs when the draft is saved.
 */
export function GlossaryEditor({
  glossary,
  body,
  corrections,
  onChange,
}: {
  glossary: readonly GlossaryEntry[];
  body: string;
  corrections: readonly SentenceCorrection[];
  onChange: (glossary: GlossaryEntry[]) => void;
}) {
  const hintId = useId();
  // The text is split into sentences again for the check; typing in a long text need not wait.
  const deferredBody = useDeferredValue(body);
  const problems = useMemo(
    () => checkEntries(glossary, deferredBody, corrections),
    [glossary, deferredBody, corrections],
  );
  const termRefs = useRef<(HTMLInputElement | null)[]>([]);
  const addRef = useRef<HTMLButtonElement>(null);
  // Where focus goes once the list has changed: an entry's term, or the add button.
  const [focusTarget, setFocusTarget] = useState<number | 'add' | null>(null);

  useEffect(() => {
    if (focusTarget === null) return;
    const target = focusTarget === 'add' ? addRef.current : termRefs.current[focusTarget];
    if (!target) return;
    target.focus();
    setFocusTarget(null);
  }, [focusTarget, glossary.length]);

  const add = () => {
    onChange([...glossary, { term: '', definition: '' }]);
    setFocusTarget(glossary.length);
  };
  const remove = (index: number) => {
    const rest = glossary.filter((_, other) => other !== index);
    onChange(rest);
    // The entry that took its place, else the one before it, else the add button.
    setFocusTarget(rest.length === 0 ? 'add' : Math.min(index, rest.length - 1));
  };

  return (
    <fieldset className="authoring-fieldset glossary-editor" aria-describedby={hintId}>
      <legend>Glossary</legend>
      <p className="field-hint" id={hintId}>
        Words or phrases of the text a student may not know, each with a short definition. Students
        see each term marked in the text and can open its definition. A term is found in any case,
        and in the plural too.
      </p>
      {glossary.length > 0 && (
        <ol className="glossary-entries">
          {glossary.map((entry, index) => (
            <GlossaryEntryFields
              // Entries have no id of their own; the fields are controlled, so the index will do.
              key={index}
              number={index + 1}
              entry={entry}
              problem={problems.get(index)}
              termRef={(element) => {
                termRefs.current[index] = element;
              }}
              onChange={(changed) =>
                onChange(glossary.map((other, at) => (at === index ? changed : other)))
              }
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
      )}
      <button ref={addRef} type="button" className="button" onClick={add}>
        Add a term
      </button>
    </fieldset>
  );
}
