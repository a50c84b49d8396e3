/** A voice the browser can read with, as read-aloud needs it. */
export interface SpeechVoice {
  /** The browser's voiceURI: what is remembered on this device. */
  id: string;
  name: string;
  /** BCP 47, such as `en-GB`. */
  lang: string;
  isDefault: boolean;
}

export interface SpeakOptions {
  rate: number;
  voiceId: string | null;
  /** The article's language, for the utterance when no voice is chosen. */
  lang: string;
}

export interface SpeechCallbacks {
  /** A word (or sentence) boundary was reached, at this offset in the text spoken. */
  onBoundary: (charIndex: number) => void;
  /** The text has been spoken to its end. */
  onEnd: () => void;
  /** The engine could not speak the text (not called when it was cancelled). */
  onError: () => void;
}

/**
 * What read-aloud needs of a speech synthesiser: the browser's (below) in the app, a fake one
 * in the tests, firing boundary and end events when the test says.
 */
export interface SpeechEngine {
  getVoices: () => SpeechVoice[];
  /** Calls the listener when the browser's voices have changed; returns the function to stop. */
  onVoicesChanged: (listener: () => void) => () => void;
  speak: (text: string, options: SpeakOptions, callbacks: SpeechCallbacks) => void;
  cancel: () => void;
  pause: () => void;
  resume: () => void;
}

/** The browser's speechSynthesis as a SpeechEngine, or null where the browser has none. */
export function createBrowserSpeechEngine(): SpeechEngine | null {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return null;
  const synthesis = window.speechSynthesis;
  if (typeof SpeechSynthesisUtterance === 'undefined') return null;
  const findVoice = (id: string | null) =>
    id === null ? undefined : synthesis.getVoices().find((voice) => voice.voiceURI === id);
  return {
    getVoices: () =>
      synthesis.getVoices().map((voice) => ({
        id: voice.voiceURI,
        name: voice.name,
        lang: voice.lang,
        isDefault: voice.default,
      })),
    onVoicesChanged: (listener) => {
      synthesis.addEventListener('voiceschanged', listener);
      return () => synthesis.removeEventListener('voiceschanged', listener);
    },
    speak: (text, { rate, voiceId, lang }, { onBoundary, onEnd, onError }) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.rate = rate;
      utterance.lang = lang;
      const voice = findVoice(voiceId);
      if (voice) {
        utterance.voice = voice;
        utterance.lang = voice.lang;
      }
      utterance.onboundary = (event) => onBoundary(event.charIndex);
      utterance.onend = () => onEnd();
      utterance.onerror = (event) => {
        // Cancelling (stop, next, a new speed) ends an utterance with one of these: not a failure.
        if (event.error !== 'interrupted' && event.error !== 'canceled') onError();
      };
      synthesis.speak(utterance);
      // A synthesiser left paused (by another page, or a pause before this speak) speaks nothing.
      if (synthesis.paused) synthesis.resume();
    },
    cancel: () => synthesis.cancel(),
    pause: () => synthesis.pause(),
    resume: () => synthesis.resume(),
  };
}
