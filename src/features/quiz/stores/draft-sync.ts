import { ApiError, NetworkError } from '../../../lib/api-client';
import type { QuestionResponse } from '../../../domain/responses';
import type { Highlight } from '../../../domain/highlights';
import {
  highlightKeyOfChange,
  type AttemptDraftStore,
  type ServerAnswers,
} from './attempt-draft-store';

export interface DraftSyncOptions {
  store: AttemptDraftStore;
  /** Saves one answer on the server; throws `NetworkError` or `ApiError`. */
  save: (questionId: string, response: QuestionResponse) => Promise<void>;
  /** Clears one answer on the server; throws as `save` does. */
  clear: (questionId: string) => Promise<void>;
  /** Saves one highlight (its colour and note); throws as `save` does. */
  saveHighlight?: (highlight: Highlight) => Promise<void>;
  /** Removes one highlight by key; throws as `save` does. */
  removeHighlight?: (key: string) => Promise<void>;
  /** Fetches the server's copy, to reconcile with after a reconnection. */
  fetchServerAnswers: () => Promise<ServerAnswers>;
  /** Quiet time after a change before it is sent, so typing sends one request, not one per key. */
  debounceMs?: number;
  /** First wait before retrying when the server is unreachable though the device is online. */
  retryMs?: number;
}

export interface DraftSync {
  /** Sends every unsent change now; resolves true when the server has them all. */
  flush: () => Promise<boolean>;
  stop: () => void;
}

const MAX_RETRY_MS = 30_000;

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/**
 * Keeps the server's copy of an attempt in step with the draft: each change is sent after a short
 * debounce, one request at a time; while offline the changes wait in the (persisted) draft, and on
 * reconnection the server's copy is reconciled and what is still unsent is sent.
 */
export function startDraftSync({
  store,
  save,
  clear,
  saveHighlight = () => Promise.resolve(),
  removeHighlight = () => Promise.resolve(),
  fetchServerAnswers,
  debounceMs = 600,
  retryMs = 2_000,
}: DraftSyncOptions): DraftSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<boolean> | undefined;
  let stopped = false;
  let nextRetryMs = retryMs;

  const { setSaveStatus } = store.getState();
  const hasUnsent = () => Object.keys(store.getState().unsent).length > 0;

  function schedule(delay: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  }

  /** Sends one unsent change: an answer or a highlight, saved, or cleared when it is gone. */
  function send(change: string): Promise<void> {
    const highlightKey = highlightKeyOfChange(change);
    if (highlightKey !== undefined) {
      const highlight = store.getState().highlights[highlightKey];
      return highlight === undefined ? removeHighlight(highlightKey) : saveHighlight(highlight);
    }
    const response = store.getState().responses[change];
    return response === undefined ? clear(change) : save(change, response);
  }

  async function sendAll(): Promise<boolean> {
    for (;;) {
      if (stopped || store.getState().saveStatus === 'closed') return false;
      const [entry] = Object.entries(store.getState().unsent);
      if (!entry) {
        setSaveStatus('saved');
        nextRetryMs = retryMs;
        return true;
      }
      if (!isOnline()) {
        setSaveStatus('offline');
        return false;
      }
      const [questionId, changedAt] = entry;
      setSaveStatus('saving');
      try {
        await send(questionId);
        store.getState().acknowledge(questionId, changedAt);
      } catch (error) {
        if (error instanceof ApiError && [401, 404, 409].includes(error.status)) {
          // Submitted, out of time, or no longer ours: nothing more will be accepted.
          setSaveStatus('closed', error.message);
          return false;
        }
        if (error instanceof ApiError && error.status < 500) {
          // Sending it again would be refused again: keep the answer on the device, say why, and
          // go on with the others.
          store.getState().acknowledge(questionId, changedAt);
          setSaveStatus('refused', error.message);
          continue;
        }
        setSaveStatus('offline');
        if (error instanceof NetworkError || error instanceof ApiError) {
          schedule(nextRetryMs);
          nextRetryMs = Math.min(nextRetryMs * 2, MAX_RETRY_MS);
          return false;
        }
        throw error;
      }
    }
  }

  function flush(): Promise<boolean> {
    clearTimeout(timer);
    // One pass at a time; a flush asked for during a pass runs after it, so it sees every change.
    const previous = running ?? Promise.resolve(true);
    const next = previous.then(sendAll, sendAll);
    running = next;
    void next.finally(() => {
      if (running === next) running = undefined;
    });
    return next;
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.unsent === previous.unsent || !hasUnsent() || state.saveStatus === 'closed') return;
    if (!isOnline()) {
      setSaveStatus('offline');
      return;
    }
    if (state.saveStatus !== 'refused') setSaveStatus('saving');
    schedule(debounceMs);
  });

  async function reconnect() {
    try {
      store.getState().reconcile(await fetchServerAnswers());
    } catch {
      // The draft is kept as it is; sending it below finds out whether the server is back.
    }
    await flush();
  }

  const onOnline = () => void reconnect();
  const onOffline = () => setSaveStatus('offline');
  // A phone may freeze or drop a hidden tab at any moment: send what is waiting before that.
  const onHide = () => {
    if (document.visibilityState === 'hidden' && hasUnsent()) void flush();
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onHide);
  if (!isOnline()) setSaveStatus('offline');
  else if (hasUnsent()) void flush();

  return {
    flush,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onHide);
    },
  };
}
