import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Article } from '../domain/article';
import { READ_ALOUD_RATES, type ReadAloudEvent, type ReadAloudState } from '../domain/read-aloud';
import { createBrowserSpeechEngine, type SpeechEngine } from './read-aloud-engine';
import { useReadAloudSettings } from './read-aloud-store';
import { useReadAloud, type ReadAloudSentence } from './use-read-aloud';
import './read-aloud.css';

/** The attribute on the sentence being read (read-aloud.css marks it). */
const READING_ATTRIBUTE = 'data-read-aloud';

export const NO_VOICES_MESSAGE = 'No voices for reading aloud on this device.';

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

function formatRate(rate: number): string {
  return `${rate}×`;
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
  const id = useId();
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
  const setRate = useReadAloudSettings((settings) => settings.setRate);
  const setVoice = useReadAloudSettings((settings) => settings.setVoice);

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

  // A click on a sentence of the text (not a button: those select evidence) reads from it.
  const ready = voicesStatus === 'ready';
  useEffect(() => {
    if (!ready) return;
    const indexById = new Map(sentences.map((sentence, index) => [sentence.id, index]));
    const readFromClick = (event: MouseEvent) => {
      if (!(event.target instanceof Element)) return;
      const element = event.target.closest('[data-sentence-id]');
      if (!element || element.tagName === 'BUTTON') return;
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
            {state.status === 'playing' ? (
              <button
                type="button"
                className="button button-small button-primary"
                onClick={() => dispatch({ type: 'pause' })}
              >
                Pause
              </button>
            ) : state.status === 'paused' ? (
              <button
                type="button"
                className="button button-small button-primary"
                onClick={() => dispatch({ type: 'resume' })}
              >
                Resume
              </button>
            ) : (
              <button
                type="button"
                className="button button-small button-primary"
                onClick={() => dispatch({ type: 'play' })}
              >
                {state.index > 0 ? `Read from sentence ${state.index + 1}` : 'Read the article'}
              </button>
            )}
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
          <div className="read-aloud-fields">
            <div className="field">
              <label className="field-label" htmlFor={`${id}-rate`}>
                Speed
              </label>
              <select
                id={`${id}-rate`}
                className="select-input"
                value={rate}
                onChange={(event) => setRate(Number(event.target.value))}
              >
                {READ_ALOUD_RATES.map((option) => (
                  <option key={option} value={option}>
                    {formatRate(option)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-voice`}>
                Voice
              </label>
              <select
                id={`${id}-voice`}
                className="select-input"
                value={voice?.id ?? ''}
                onChange={(event) => setVoice(event.target.value)}
              >
                {voices.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name} ({option.lang})
                  </option>
                ))}
              </select>
            </div>
          </div>
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
