import { Fragment, useId, useState, type ReactNode } from 'react';
import type { Sentence } from '../domain/article';
import { HIGHLIGHT_COLOUR_NAMES, type Highlight } from '../domain/highlights';
import type { SentenceWords } from './article-view';
import './student-highlights.css';

/**
 * A student's highlights and notes drawn in the article (quiz, review, teacher's attempt page):
 * a coloured underline whose colour is also named in words, and a "Note" button after a sentence
 * with a note. The note is the student's own text and is only ever rendered as text.
 */

/** The highlights of each sentence, by sentence id. */
export function groupHighlights(
  highlights: readonly Highlight[],
): ReadonlyMap<string, readonly Highlight[]> {
  const bySentence = new Map<string, Highlight[]>();
  for (const highlight of highlights) {
    const list = bySentence.get(highlight.sentenceId) ?? [];
    list.push(highlight);
    bySentence.set(highlight.sentenceId, list);
  }
  return bySentence;
}

function HighlightMark({ highlight, children }: { highlight: Highlight; children: ReactNode }) {
  const name = HIGHLIGHT_COLOUR_NAMES[highlight.colour];
  return (
    <mark className={`student-highlight student-highlight-${highlight.colour}`}>
      <span className="visually-hidden">{`Your ${name.toLowerCase()} highlight: `}</span>
      {children}
    </mark>
  );
}

/**
 * A sentence's words with the student's highlights on them: a whole-sentence highlight wraps all
 * of its words; a span wraps just its words, in order, a span overlapping an earlier one being
 * left out. Glossary terms stay buttons wherever a mark does not cut them.
 */
export function highlightWords(
  sentence: Sentence,
  words: SentenceWords,
  highlights: readonly Highlight[] | undefined,
): ReactNode {
  if (!highlights || highlights.length === 0) return words.all;
  const whole = highlights.find((highlight) => highlight.span === null);
  if (whole) return <HighlightMark highlight={whole}>{words.all}</HighlightMark>;
  const parts: ReactNode[] = [];
  let at = 0;
  const spans = [...highlights].sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  for (const highlight of spans) {
    if (!highlight.span || highlight.span.start < at) continue;
    parts.push(
      <Fragment key={`before-${highlight.key}`}>
        {words.between(at, highlight.span.start)}
      </Fragment>,
      <HighlightMark key={highlight.key} highlight={highlight}>
        {words.between(highlight.span.start, highlight.span.end)}
      </HighlightMark>,
    );
    at = highlight.span.end;
  }
  parts.push(<Fragment key="after">{words.between(at, sentence.text.length)}</Fragment>);
  return parts;
}

/** A button after a sentence the student wrote a note on; it shows the note just after it. */
export function NoteMarker({ note, colour }: { note: string; colour: Highlight['colour'] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      {' '}
      <button
        type="button"
        className={`note-marker student-highlight-${colour}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        Note
      </button>
      <span id={id} className="note-text" hidden={!open}>
        {note}
      </span>
    </>
  );
}

/** The notes after a sentence, one marker each. */
export function sentenceNotes(highlights: readonly Highlight[] | undefined): ReactNode {
  return highlights?.map((highlight) =>
    highlight.note === null ? null : (
      <NoteMarker key={highlight.key} note={highlight.note} colour={highlight.colour} />
    ),
  );
}

/** What the article's marks mean, in words: `own` names whose highlights they are. */
export function HighlightLegend({ evidence, own }: { evidence: string; own: string }) {
  return (
    <div className="highlight-legend">
      <p className="highlight-legend-title">In the article</p>
      <ul>
        <li>
          <mark className="sentence-highlight">Filled yellow</mark>: {evidence}
        </li>
        <li>
          <mark className="student-highlight student-highlight-blue">Coloured underline</mark>:{' '}
          {own} (each named by its colour), with a Note button where there is a note
        </li>
      </ul>
    </div>
  );
}
