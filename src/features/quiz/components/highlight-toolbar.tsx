import { useEffect, useId, useRef, useState } from 'react';
import {
  HIGHLIGHT_COLOUR_NAMES,
  HIGHLIGHT_COLOURS,
  HIGHLIGHT_LIMITS,
  type Highlight,
  type HighlightColour,
} from '../../../domain/highlights';
import './highlight-toolbar.css';

export interface HighlightToolbarProps {
  /** The sentence's text, to say which one the tools act on. */
  sentenceText: string;
  /** The highlight the sentence has, if any. */
  highlight: Highlight | undefined;
  onSave: (colour: HighlightColour, note: string | null) => void;
  onRemove: () => void;
  /** Closes the toolbar; focus goes back to the sentence. */
  onDone: () => void;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}

/**
 * The tools for one chosen sentence of the quiz's article: a colour (each named), a note of up to
 * `HIGHLIGHT_LIMITS.noteLength` characters with a live count, and removing the highlight. It sits
 * right after the sentence, so it is next in reading and tab order, and takes focus on opening.
 * Loaded only when a student first highlights (quiz-session.tsx).
 */
export function HighlightToolbar({
  sentenceText,
  highlight,
  onSave,
  onRemove,
  onDone,
}: HighlightToolbarProps) {
  const groupRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(highlight?.note ?? '');
  const noteId = useId();
  const countId = useId();
  const colour = highlight?.colour;

  useEffect(() => {
    groupRef.current?.querySelector('button')?.focus();
  }, []);
  useEffect(() => {
    if (editing) noteRef.current?.focus();
  }, [editing]);

  function saveNote() {
    onSave(colour ?? 'yellow', note.trim() === '' ? null : note);
    setEditing(false);
  }

  return (
    <span
      className="highlight-toolbar"
      role="group"
      aria-label={`Highlight and note for “${shorten(sentenceText)}”`}
      ref={groupRef}
    >
      <span className="highlight-colours" role="group" aria-label="Highlight colour">
        {HIGHLIGHT_COLOURS.map((choice) => (
          <button
            key={choice}
            type="button"
            className={`button button-small highlight-colour student-highlight-${choice}`}
            aria-pressed={colour === choice}
            onClick={() => onSave(choice, highlight?.note ?? null)}
          >
            <span className="highlight-swatch" aria-hidden="true" />
            {HIGHLIGHT_COLOUR_NAMES[choice]}
          </button>
        ))}
      </span>
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
            <button type="button" className="button button-small" onClick={onRemove}>
              Remove
            </button>
          )}
          <button type="button" className="button button-small" onClick={onDone}>
            Done
          </button>
        </span>
      )}
    </span>
  );
}
