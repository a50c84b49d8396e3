import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Sentence } from '../domain/article';
import {
  HIGHLIGHT_COLOUR_NAMES,
  HIGHLIGHT_COLOURS,
  HIGHLIGHT_LIMITS,
  highlightKeyOf,
  placeOfSelection,
  placesOverlap,
  type Highlight,
  type HighlightColour,
  type HighlightPlace,
  type HighlightSpan,
} from '../domain/highlights';
import './highlight-toolbar.css';

export interface HighlightToolbarProps {
  sentence: Pick<Sentence, 'id' | 'text'>;
  /** The student's highlights on this sentence. */
  highlights: readonly Highlight[];
  /** The words chosen when the tools opened (a selection in the text); null: the whole sentence. */
  span: HighlightSpan | null;
  /** The selection ran on past the sentence and was cut at its end. */
  crossed?: boolean;
  onSave: (highlight: Highlight) => void;
  onRemove: (key: string) => void;
  /** Closes the toolbar; focus goes back to the sentence. */
  onDone: () => void;
  /** Highlights the student has in all; a new one past the limit is refused. */
  total: number;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}

function textOf(text: string, span: HighlightSpan | null): string {
  return span === null ? text : text.slice(span.start, span.end);
}

/**
 * The tools for one chosen sentence, or words within it: a colour (each named), a note of up to
 * `HIGHLIGHT_LIMITS.noteLength` characters with a live count, removing the highlight, choosing
 * words by selecting them in a read-only copy of the sentence (mouse, touch, or Shift and the
 * arrow keys), and the sentence's other highlights to change. It sits right after the sentence,
 * so it is next in reading and tab order, and takes focus on opening. Loaded on first use.
 */
export function HighlightToolbar({
  sentence,
  highlights,
  span: initialSpan,
  crossed = false,
  onSave,
  onRemove,
  onDone,
  total,
}: HighlightToolbarProps) {
  const groupRef = useRef<HTMLSpanElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const wordsRef = useRef<HTMLTextAreaElement>(null);
  const [place, setPlace] = useState<HighlightPlace>({
    sentenceId: sentence.id,
    span: initialSpan,
  });
  const [editing, setEditing] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const key = highlightKeyOf(place);
  const highlight = highlights.find((candidate) => candidate.key === key);
  const [note, setNote] = useState(highlight?.note ?? '');
  const noteId = useId();
  const countId = useId();
  const wordsId = useId();
  const wordsHintId = useId();
  const colour = highlight?.colour;
  const others = highlights.filter((candidate) => candidate.key !== key);

  useEffect(() => {
    groupRef.current?.querySelector('button')?.focus();
  }, []);
  useEffect(() => {
    if (editing) noteRef.current?.focus();
  }, [editing]);

  function choose(next: HighlightPlace) {
    setPlace(next);
    setRefusal(null);
    setEditing(false);
    setNote(highlights.find((candidate) => candidate.key === highlightKeyOf(next))?.note ?? '');
  }

  function save(nextColour: HighlightColour, nextNote: string | null): boolean {
    const overlapping = highlight ? undefined : others.find((other) => placesOverlap(other, place));
    if (overlapping) {
      setRefusal(
        `These words overlap your ${HIGHLIGHT_COLOUR_NAMES[overlapping.colour].toLowerCase()} highlight “${shorten(textOf(sentence.text, overlapping.span))}”: change or remove that one first.`,
      );
      return false;
    }
    if (!highlight && total >= HIGHLIGHT_LIMITS.perAttempt) {
      setRefusal(
        `You have ${HIGHLIGHT_LIMITS.perAttempt} highlights, the most there can be: remove one first.`,
      );
      return false;
    }
    setRefusal(null);
    onSave({ key, ...place, colour: nextColour, note: nextNote });
    return true;
  }

  function saveNote() {
    if (save(colour ?? 'yellow', note.trim() === '' ? null : note)) setEditing(false);
  }

  /** The words selected in the sentence's copy become the place; none selected: the whole. */
  function readWords(field: HTMLTextAreaElement) {
    const chosen = placeOfSelection(sentence.text, {
      sentenceId: sentence.id,
      start: field.selectionStart,
      end: field.selectionEnd,
    });
    const next = chosen ?? { sentenceId: sentence.id, span: null };
    if (highlightKeyOf(next) !== key) choose(next);
  }

  const readWordsRef = useRef(readWords);
  useLayoutEffect(() => {
    readWordsRef.current = readWords;
  });
  useEffect(() => {
    // A selection made by keyboard or with touch handles changes without a select event.
    const field = wordsRef.current;
    if (!choosing || !field) return;
    const onSelectionChange = () => {
      if (document.activeElement === field) readWordsRef.current(field);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [choosing]);

  const target = textOf(sentence.text, place.span);
  return (
    <span
      className="highlight-toolbar"
      role="group"
      aria-label={`Highlight and note for “${shorten(target)}”`}
      ref={groupRef}
    >
      <span className="highlight-target" aria-live="polite">
        {place.span === null ? 'The whole sentence' : `Only the words “${shorten(target)}”`}
        {crossed && place.span !== null && initialSpan === place.span
          ? ' (a highlight stays within one sentence, so the selection stops at its end)'
          : ''}
      </span>
      <span className="highlight-colours" role="group" aria-label="Highlight colour">
        {HIGHLIGHT_COLOURS.map((choice) => (
          <button
            key={choice}
            type="button"
            className={`button button-small highlight-colour student-highlight-${choice}`}
            aria-pressed={colour === choice}
            onClick={() => save(choice, highlight?.note ?? null)}
          >
            <span className="highlight-swatch" aria-hidden="true" />
            {HIGHLIGHT_COLOUR_NAMES[choice]}
          </button>
        ))}
      </span>
      {refusal && (
        <span className="highlight-refusal" role="alert">
          {refusal}
        </span>
      )}
      {editing ? (
        <span className="highlight-note-editor">
          <label htmlFor={noteId} className="field-label">
            Note
          </label>
          <textarea
            id={noteId}
            ref={noteRef}
            className="text-input"
            rows={3}
            maxLength={HIGHLIGHT_LIMITS.noteLength}
            value={note}
            aria-describedby={countId}
            onChange={(event) => setNote(event.target.value)}
          />
          <span id={countId} className="field-hint" aria-live="polite">
            {note.length} of {HIGHLIGHT_LIMITS.noteLength} characters
          </span>
          <span className="highlight-actions">
            <button type="button" className="button button-small button-primary" onClick={saveNote}>
              Save note
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setNote(highlight?.note ?? '');
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </span>
        </span>
      ) : (
        <span className="highlight-actions">
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            {highlight?.note ? 'Edit note' : 'Add note'}
          </button>
          {highlight && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                onRemove(key);
                if (place.span !== null) choose({ sentenceId: sentence.id, span: null });
                // The Remove button goes: focus stays in the tools, on the first colour.
                groupRef.current?.querySelector('button')?.focus();
              }}
            >
              Remove
            </button>
          )}
          <button
            type="button"
            className="button button-small"
            aria-expanded={choosing}
            aria-controls={wordsId}
            onClick={() => setChoosing(!choosing)}
          >
            Choose words
          </button>
          <button type="button" className="button button-small" onClick={onDone}>
            Done
          </button>
        </span>
      )}
      <span id={wordsId} className="highlight-words" hidden={!choosing}>
        {choosing && (
          <>
            <label htmlFor={`${wordsId}-field`} className="field-label">
              Words to highlight
            </label>
            <span id={wordsHintId} className="field-hint">
              Select words here (with Shift and the arrow keys, or by dragging), then choose a
              colour. Select nothing for the whole sentence.
            </span>
            {/* Not `readOnly`: Chromium moves no caret in a read-only field, so Shift and the
                arrows could not select. Typing changes nothing (the value is the sentence's),
                and no on-screen keyboard opens (inputMode none). */}
            <textarea
              id={`${wordsId}-field`}
              ref={wordsRef}
              className="text-input"
              aria-readonly="true"
              inputMode="none"
              spellCheck={false}
              rows={3}
              value={sentence.text}
              aria-describedby={wordsHintId}
              onChange={() => undefined}
              onSelect={(event) => readWords(event.currentTarget)}
            />
          </>
        )}
      </span>
      {others.length > 0 && (
        <span className="highlight-others">
          <span className="field-label">Your other highlights in this sentence</span>
          <span className="highlight-actions">
            {others.map((other) => (
              <button
                key={other.key}
                type="button"
                className={`button button-small student-highlight-${other.colour}`}
                onClick={() => choose(other)}
              >
                <span className="highlight-swatch" aria-hidden="true" />
                {`Change “${shorten(textOf(sentence.text, other.span))}” (${HIGHLIGHT_COLOUR_NAMES[other.colour]})`}
              </button>
            ))}
          </span>
        </span>
      )}
    </span>
  );
}
