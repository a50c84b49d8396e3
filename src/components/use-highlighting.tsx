import {
  lazy,
  Suspense,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { findSentence, type Article, type Sentence } from '../domain/article';
import {
  highlightKeyOf,
  placeOfSelection,
  type Highlight,
  type HighlightSpan,
} from '../domain/highlights';
import { readSentenceSelection, type SentenceTextSelection } from '../lib/highlight-selection';
import { sentenceElementId, type SentenceSelection, type SentenceWords } from './article-view';
import { groupHighlights, highlightWords, sentenceNotes } from './student-highlights';

/** The highlight tools: loaded when a student first chooses a sentence to highlight. */
const HighlightToolbar = lazy(() =>
  import('./highlight-toolbar').then((module) => ({ default: module.HighlightToolbar })),
);

interface Chosen {
  sentenceId: string;
  span: HighlightSpan | null;
  crossed: boolean;
}

export interface HighlightingOptions {
  article: Article;
  highlights: readonly Highlight[];
  onSave: (highlight: Highlight) => void;
  onRemove: (key: string) => void;
  /** Whether the student may highlight now (the assignment allows it, the attempt is open). */
  allowed: boolean;
  /** Starts highlighting with the mode's button focused (it was pressed before the tools loaded). */
  startOn?: boolean;
}

/** What an article needs to show a student's highlights and let them make more. */
export interface Highlighting {
  /**
   * The button that turns highlighting on and off (for a `.highlight-mode` bar above the
   * article), or null when highlighting is not allowed.
   */
  modeButton: ReactNode;
  /** Puts focus on the mode's button (when what had it is gone). */
  focusModeButton: () => void;
  renderWords: (sentence: Sentence, words: SentenceWords) => ReactNode;
  afterSentence: (sentence: Sentence) => ReactNode;
  /** While highlighting: the sentences as buttons, the chosen one pressed. */
  selection: SentenceSelection | undefined;
  /** While highlighting: what to do, in words. */
  notice: ReactNode;
}

/**
 * Highlighting in an article (the quiz and the reader): the marks and notes in the text, a mode
 * in which pressing a sentence opens the tools after it for the whole sentence, or for the words
 * selected in it when the press ends a selection (the tools also let a student select words by
 * keyboard), and where focus goes when they close.
 */
export function useHighlighting({
  article,
  highlights,
  onSave,
  onRemove,
  allowed,
  startOn = false,
}: HighlightingOptions): Highlighting {
  const [highlighting, setHighlighting] = useState(startOn);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [pending, setPending] = useState<Chosen | null>(null);
  const modeButtonRef = useRef<HTMLButtonElement>(null);
  const on = highlighting && allowed;
  const bySentence = groupHighlights(highlights);

  useEffect(() => {
    if (startOn) modeButtonRef.current?.focus();
  }, [startOn]);

  /** The words a selection chooses in this article's sentence, clamped to it, if any. */
  function placeOf(selected: SentenceTextSelection | undefined): Chosen | undefined {
    const sentence = selected && findSentence(article, selected.sentenceId);
    const place = sentence && placeOfSelection(sentence.text, selected);
    return place && selected && { ...place, crossed: selected.crossed };
  }
  const placeOfRef = useRef(placeOf);
  useLayoutEffect(() => {
    placeOfRef.current = placeOf;
  });

  useEffect(() => {
    // A selection that no press on a sentence ended (made with touch, or running on over two
    // sentences) is offered by a button of its own. A tap on that button may clear the selection
    // first, so a cleared selection is forgotten only a moment later.
    if (!on) return;
    let forget: ReturnType<typeof setTimeout> | undefined;
    const onSelectionChange = () => {
      clearTimeout(forget);
      const place = placeOfRef.current(readSentenceSelection());
      if (place) setPending(place);
      else forget = setTimeout(() => setPending(null), 1000);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      clearTimeout(forget);
      document.removeEventListener('selectionchange', onSelectionChange);
      setPending(null);
    };
  }, [on]);

  function open(next: Chosen) {
    // The words are taken: the selection would otherwise linger over the tools.
    document.getSelection()?.removeAllRanges();
    setPending(null);
    setChosen(next);
  }

  /** Leaves the chosen sentence's tools, back to the sentence itself. */
  function closeTools(sentenceId: string) {
    flushSync(() => setChosen(null));
    document.getElementById(sentenceElementId(sentenceId))?.focus();
  }

  function toggleSentence(sentenceId: string) {
    const place = placeOf(readSentenceSelection());
    if (place?.sentenceId === sentenceId) {
      open(place);
      return;
    }
    setChosen(
      chosen?.sentenceId === sentenceId ? null : { sentenceId, span: null, crossed: false },
    );
  }

  return {
    focusModeButton: () => modeButtonRef.current?.focus(),
    modeButton: allowed ? (
      <button
        ref={modeButtonRef}
        type="button"
        className="button button-small"
        onClick={() => {
          setHighlighting(!highlighting);
          setChosen(null);
        }}
      >
        {highlighting ? 'Stop highlighting' : 'Highlight and take notes'}
      </button>
    ) : null,
    renderWords: (sentence, words) => highlightWords(sentence, words, bySentence.get(sentence.id)),
    afterSentence: (sentence) => (
      <>
        {sentenceNotes(bySentence.get(sentence.id))}
        {on && chosen?.sentenceId === sentence.id && (
          <Suspense fallback={<span className="muted"> Loading…</span>}>
            <HighlightToolbar
              key={highlightKeyOf(chosen)}
              sentence={sentence}
              highlights={bySentence.get(sentence.id) ?? []}
              span={chosen.span}
              crossed={chosen.crossed}
              total={highlights.length}
              onSave={onSave}
              onRemove={onRemove}
              onDone={() => closeTools(sentence.id)}
            />
          </Suspense>
        )}
      </>
    ),
    selection: on
      ? {
          selected: new Set(chosen === null ? [] : [chosen.sentenceId]),
          onToggle: toggleSentence,
        }
      : undefined,
    notice: on ? (
      <>
        <div className="notice article-notice" role="status">
          <p>
            Highlighting: press a sentence, or select some of its words, then choose a colour or add
            a note. Press “Stop highlighting” when you are done.
          </p>
        </div>
        {pending && (
          <div className="highlight-selection-bar">
            <button
              type="button"
              className="button button-primary"
              // Keeps the selection (and focus) where it is while the button is pressed.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => open(pending)}
            >
              Highlight the selected words
            </button>
          </div>
        )}
      </>
    ) : undefined,
  };
}
