import { useCallback, useEffect, useRef, useState } from 'react';
import {
  INITIAL_READ_ALOUD_STATE,
  transitionReadAloud,
  type ReadAloudEvent,
  type ReadAloudState,
} from '../domain/read-aloud';
import type { SpeechEngine, SpeechVoice } from './read-aloud-engine';
import { useReadAloudSettings } from './read-aloud-store';

export interface ReadAloudSentence {
  id: string;
  text: string;
}

/** What read-aloud says where the browser has no voices for the text's language. */
export const NO_VOICES_MESSAGE = 'No voices for reading aloud on this device.';

/** Looking for voices (the browser lists them a moment after the page loads), found, or none. */
export type VoicesStatus = 'loading' | 'ready' | 'none';

/** How long to wait for the browser to list its voices before saying it has none. */
export const VOICES_WAIT_MS = 1500;

/** Whether a voice speaks the article's language (`en` matches `en-GB` and `en_US`). */
export function speaksLanguage(voice: SpeechVoice, language: string): boolean {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return primary(voice.lang) === primary(language);
}

/** The browser's voices for the article's language, listened for until they come. */
function useVoices(engine: SpeechEngine | null, language: string) {
  const list = useCallback(
    () => (engine?.getVoices() ?? []).filter((voice) => speaksLanguage(voice, language)),
    [engine, language],
  );
  const [voices, setVoices] = useState<SpeechVoice[]>(list);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (!engine) return;
    const update = () => setVoices(list());
    update();
    const timer = setTimeout(() => setWaited(true), VOICES_WAIT_MS);
    const stop = engine.onVoicesChanged(update);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [engine, list]);
  const status: VoicesStatus = voices.length > 0 ? 'ready' : !engine || waited ? 'none' : 'loading';
  return { voices, status };
}

/**
 * Read-aloud over an article's sentences with a speech engine: the domain's state machine
 * (transitionReadAloud) decides, this hook speaks. Each utterance carries a number, so the end or
 * boundary of one that was cancelled (stop, next, a new speed) moves nothing.
 */
export function useReadAloud({
  sentences,
  engine,
  language,
}: {
  sentences: readonly ReadAloudSentence[];
  engine: SpeechEngine | null;
  language: string;
}) {
  const { voices, status: voicesStatus } = useVoices(engine, language);
  const rate = useReadAloudSettings((settings) => settings.rate);
  const storedVoiceId = useReadAloudSettings((settings) => settings.voiceId);
  const voice =
    voices.find((candidate) => candidate.id === storedVoiceId) ??
    voices.find((candidate) => candidate.isDefault) ??
    voices[0];

  const [state, setState] = useState<ReadAloudState>(INITIAL_READ_ALOUD_STATE);
  const [lastEvent, setLastEvent] = useState<ReadAloudEvent['type'] | null>(null);
  const [failed, setFailed] = useState(false);
  const stateRef = useRef(state);
  const utterance = useRef(0);
  /** Where in the current sentence speech has got to (its last boundary), for a restart. */
  const spokenUpTo = useRef(0);
  const speech = useRef({ rate, voiceId: voice?.id ?? null });
  speech.current = { rate, voiceId: voice?.id ?? null };

  const dispatch = useCallback(
    (event: ReadAloudEvent) => {
      const previous = stateRef.current;
      const { state: next, effect } = transitionReadAloud(previous, event, sentences.length);
      stateRef.current = next;
      setState(next);
      setLastEvent(event.type);
      if (next.index !== previous.index || event.type === 'play') spokenUpTo.current = 0;
      if (!engine) return;
      if (effect === 'pause') engine.pause();
      else if (effect === 'resume') engine.resume();
      else if (effect === 'cancel') {
        utterance.current += 1;
        engine.cancel();
      } else if (effect === 'speak') {
        const sentence = sentences[next.index];
        if (!sentence) return;
        utterance.current += 1;
        const mine = utterance.current;
        const from = spokenUpTo.current;
        engine.cancel();
        setFailed(false);
        engine.speak(
          sentence.text.slice(from),
          { ...speech.current, lang: language },
          {
            onBoundary: (charIndex) => {
              if (mine === utterance.current) spokenUpTo.current = from + charIndex;
            },
            onEnd: () => {
              if (mine === utterance.current) dispatch({ type: 'ended' });
            },
            onError: () => {
              if (mine !== utterance.current) return;
              setFailed(true);
              dispatch({ type: 'stop' });
            },
          },
        );
      }
    },
    [engine, sentences, language],
  );

  // The sentences change when a question on screen hides one (a gap-fill question's source):
  // reading keeps to the sentence it is at, and one just hidden is cut off, never read on.
  const readSentences = useRef(sentences);
  useEffect(() => {
    const before = readSentences.current;
    readSentences.current = sentences;
    if (before === sentences) return;
    const { status, index } = stateRef.current;
    const indexOf = (id: string | undefined) =>
      sentences.findIndex((sentence) => sentence.id === id);
    const now = indexOf(before[index]?.id);
    if (now >= 0) {
      stateRef.current = { ...stateRef.current, index: now };
      setState(stateRef.current);
      return;
    }
    if (status === 'idle') {
      stateRef.current = INITIAL_READ_ALOUD_STATE;
      setState(stateRef.current);
      return;
    }
    // Hidden: on from the next sentence still shown, if reading (a paused one is stopped).
    const next = before
      .slice(index + 1)
      .map((sentence) => indexOf(sentence.id))
      .find((found) => found >= 0);
    if (status === 'playing' && next !== undefined) dispatch({ type: 'play', index: next });
    else dispatch({ type: 'stop' });
  }, [sentences, dispatch]);

  // A new speed or voice takes effect at once: the sentence goes on from its last word with it.
  const voiceId = voice?.id;
  const applied = useRef({ rate, voiceId });
  useEffect(() => {
    if (applied.current.rate === rate && applied.current.voiceId === voiceId) return;
    applied.current = { rate, voiceId };
    if (stateRef.current.status !== 'idle') dispatch({ type: 'restart' });
  }, [rate, voiceId, dispatch]);

  // Leaving the page (or closing the player) stops the voice.
  useEffect(
    () => () => {
      utterance.current += 1;
      engine?.cancel();
    },
    [engine],
  );

  return {
    state,
    lastEvent,
    failed,
    current: sentences[state.index],
    voices,
    voicesStatus,
    voice,
    rate,
    dispatch,
  };
}
