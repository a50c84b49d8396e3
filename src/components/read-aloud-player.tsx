import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Article } from '../domain/article';
import type { ReadAloudEvent, ReadAloudState } from '../domain/read-aloud';
import { createBrowserSpeechEngine, type SpeechEngine } from './read-aloud-engine';
import { ReadAloudFields } from './read-aloud-fields';
import { NO_VOICES_MESSAGE, useReadAloud, type ReadAloudSentence } from './use-read-aloud';
import './read-aloud.css';

/** The attribute on the sentence being read (read-aloud.css marks it). */
const READING_ATTRIBUTE = 'data-read-aloud';

/** What the status line says (politely, to screen readers) after an event. */
function describeState(
  state: ReadAloudState,
  lastEvent: ReadAloudEvent['type'] | null,
  count: number,
): string {
  const position = `sentence ${state.index + 1} of ${count}`;
  if (state.finished) return 'Finished reading the article.';
  if (state.status === 'playing') return 'Reading aloud.';
  if (state.status === 'paused') return `Paused at ${position}.`;
  if (lastEvent === 'stop') return 'Stopped.';
  if (lastEvent === 'next' || lastEvent === 'previous') return `Reading will start at ${position}.`;
  return '';
}

/** The one button that pauses while reading, resumes while paused, and otherwise plays. */
function PlayButton({
  state,
  dispatch,
  play,
  playLabel,
}: {
  state: ReadAloudState;
  dispatch: (event: ReadAloudEvent) => void;
  play: ReadAloudEvent;
  playLabel: string;
}) {
  const [label, event]: [string, ReadAloudEvent] =
    state.status === 'playing'
      ? ['Pause', { type: 'pause' }]
      : state.status === 'paused'
        ? ['Resume', { type: 'resume' }]
        : [playLabel, play];
  return (
    <button
      type="button"
      className="button button-small button-primary"
      onClick={() => dispatch(event)}
    >
      {label}
    </button>
  );
}

/**
 * The read-aloud player, loaded on first opening (ArticleView's Listen button): reads the
 * article's sentences, never a hidden one (a cloze question's source sentence holds its answers),
 * marking the sentence being read and scrolling it into view without moving the focus.
 */
export function ReadAloudPlayer({
  article,
  masked,
  engine: givenEngine,
}: {
  article: Article;
  masked?: ReadonlySet<string>;
  /** The speech engine; the browser's speechSynthesis unless a test gives a fake. */
  engine?: SpeechEngine | null;
}) {
  const panel = useRef<HTMLDivElement>(null);
  /** The article the player is in (a test may put it beside one). */
  const findRoot = () => panel.current?.closest('.article-view') ?? document;
  const [engine] = useState(() =>
    givenEngine === undefined ? createBrowserSpeechEngine() : givenEngine,
  );
  // The quiz passes a new set on each render: the sentences change only when its ids do.
  const maskedIds = masked ? [...masked].sort().join(' ') : '';
  const sentences = useMemo<ReadAloudSentence[]>(() => {
    const hidden = new Set(maskedIds.split(' '));
    // Not listSentences: importing it would add an export to the first-load entry chunk.
    return article.paragraphs
      .flatMap((paragraph) => paragraph.sentences)
      .filter((sentence) => !hidden.has(sentence.id))
      .map(({ id: sentenceId, text }) => ({ id: sentenceId, text }));
  }, [article, maskedIds]);
  const { state, lastEvent, failed, current, voices, voicesStatus, voice, rate, dispatch } =
    useReadAloud({ sentences, engine, language: article.meta.language });

  // The sentence being read (or where reading will start, once moved to) is marked and scrolled
  // to; the focus stays on the control that was used.
  const marked = state.status !== 'idle' || lastEvent === 'next' || lastEvent === 'previous';
  const markedId = marked ? current?.id : undefined;
  useEffect(() => {
    if (!markedId) return;
    // By its data attribute: importing ArticleView's id helper would make an import cycle.
    const element = findRoot().querySelector(`[data-sentence-id="${markedId}"]`);
    if (!element) return;
    element.setAttribute(READING_ATTRIBUTE, '');
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView?.({ block: 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });
    return () => element.removeAttribute(READING_ATTRIBUTE);
  }, [markedId]);

  // A click on a sentence of the text reads from it; not one on a button (those select evidence,
  // or open a glossary definition) nor in a definition.
  const ready = voicesStatus === 'ready';
  useEffect(() => {
    if (!ready) return;
    const indexById = new Map(sentences.map((sentence, index) => [sentence.id, index]));
    const readFromClick = (event: MouseEvent) => {
      if (!(event.target instanceof Element)) return;
      const element = event.target.closest('[data-sentence-id]');
      if (!element || event.target.closest('button, [role="definition"]')) return;
      if (!window.getSelection()?.isCollapsed) return;
      const index = indexById.get(element.getAttribute('data-sentence-id') ?? '');
      if (index !== undefined) dispatch({ type: 'play', index });
    };
    const root = findRoot();
    root.addEventListener('click', readFromClick as EventListener);
    return () => root.removeEventListener('click', readFromClick as EventListener);
  }, [ready, sentences, dispatch]);

  // While reading (or paused) the buttons float at the bottom of the screen, over the article's
  // column, so they stay at hand as the text scrolls; the same elements, so the focus stays put.
  const controls = useRef<HTMLDivElement>(null);
  const floating = state.status !== 'idle';
  useLayoutEffect(() => {
    const element = controls.current;
    const article = panel.current?.closest('.article-view');
    if (!floating || !element || !article) return;
    const place = () => {
      const box = article.getBoundingClientRect();
      element.style.setProperty('--read-aloud-left', `${box.left}px`);
      element.style.setProperty('--read-aloud-width', `${box.width}px`);
    };
    place();
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('resize', place);
      element.style.removeProperty('--read-aloud-left');
      element.style.removeProperty('--read-aloud-width');
    };
  }, [floating]);

  const status = failed
    ? 'The browser could not read the sentence aloud. Try another voice.'
    : voicesStatus === 'none'
      ? NO_VOICES_MESSAGE
      : voicesStatus === 'loading'
        ? 'Looking for voices…'
        : describeState(state, lastEvent, sentences.length);

  return (
    <div className="article-tool-panel read-aloud-panel" ref={panel}>
      {ready && (
        <>
          <div
            className="read-aloud-controls"
            role="group"
            aria-label="Read aloud"
            ref={controls}
            data-floating={floating || undefined}
          >
            <PlayButton
              state={state}
              dispatch={dispatch}
              play={{ type: 'play' }}
              playLabel={
                state.index > 0 ? `Read from sentence ${state.index + 1}` : 'Read the article'
              }
            />
            <button
              type="button"
              className="button button-small"
              onClick={() => dispatch({ type: 'previous' })}
            >
              Previous sentence
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => dispatch({ type: 'next' })}
            >
              Next sentence
            </button>
            <button
              type="button"
              className="button button-small"
              aria-disabled={state.status === 'idle'}
              onClick={() => dispatch({ type: 'stop' })}
            >
              Stop
            </button>
          </div>
          <ReadAloudFields voices={voices} voice={voice} rate={rate} />
          <p className="read-aloud-hint">
            {state.status === 'idle' ? 'Or click a sentence to read from it. ' : ''}
            Sentence {state.index + 1} of {sentences.length}.
          </p>
        </>
      )}
      <p role="status" className="read-aloud-status">
        {status}
      </p>
    </div>
  );
}

/** Separates the texts in the key that keeps the list the same while they are. */
const SEPARATOR = '\u0000';

/**
 * Reads a few texts aloud, one utterance each, with the article's engine and this device's speed
 * and voice: a quiz question (its prompt, then what it shows, in order). It starts as soon as a
 * voice is found, since it opens when the student presses Listen. Here, beside the article's
 * player, so the two share one lazily loaded chunk.
 */
export function ReadAloudTexts({
  texts: shown,
  subject,
  language,
  engine: givenEngine,
}: {
  /** What to read, in order. */
  texts: readonly string[];
  /** What they are, for the buttons and the status line: "the question". */
  subject: string;
  language: string;
  /** The speech engine; the browser's speechSynthesis unless a test gives a fake. */
  engine?: SpeechEngine | null;
}) {
  const [engine] = useState(() =>
    givenEngine === undefined ? createBrowserSpeechEngine() : givenEngine,
  );
  // The caller lists the texts on each render: the list changes only when a text does.
  const key = shown.join(SEPARATOR);
  const texts = useMemo<ReadAloudSentence[]>(
    () => key.split(SEPARATOR).map((text, index) => ({ id: String(index), text })),
    [key],
  );
  const { state, lastEvent, failed, voices, voicesStatus, voice, rate, dispatch } = useReadAloud({
    sentences: texts,
    engine,
    language,
  });

  const ready = voicesStatus === 'ready';
  const started = useRef(false);
  useEffect(() => {
    if (!ready || started.current) return;
    started.current = true;
    dispatch({ type: 'play', index: 0 });
  }, [ready, dispatch]);

  const status = failed
    ? `The browser could not read ${subject} aloud. Try another voice.`
    : voicesStatus === 'none'
      ? NO_VOICES_MESSAGE
      : voicesStatus === 'loading'
        ? 'Looking for voices…'
        : state.finished
          ? `Finished reading ${subject}.`
          : state.status === 'playing'
            ? `Reading ${subject} aloud.`
            : state.status === 'paused'
              ? 'Paused.'
              : lastEvent === 'stop'
                ? 'Stopped.'
                : '';

  return (
    <div className="article-tool-panel read-aloud-texts">
      {ready && (
        <>
          <div className="read-aloud-controls" role="group" aria-label={`Read ${subject} aloud`}>
            <PlayButton
              state={state}
              dispatch={dispatch}
              play={{ type: 'play', index: 0 }}
              playLabel={`Read ${subject} again`}
            />
            <button
              type="button"
              className="button button-small"
              aria-disabled={state.status === 'idle'}
              onClick={() => dispatch({ type: 'stop' })}
            >
              Stop
            </button>
          </div>
          <ReadAloudFields voices={voices} voice={voice} rate={rate} />
        </>
      )}
      <p role="status" className="read-aloud-status">
        {status}
      </p>
    </div>
  );
}
