import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError, NetworkError } from '../../../lib/api-client';

/** What an autosaved draft has: the whole file and the revision the next save starts from. */
export interface SavedDraft {
  revision: number;
  text: string;
}

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string; signedOut: boolean }
  | { kind: 'conflict' };

/** Text typed on this device that the server does not have, kept until a save succeeds. */
export interface LocalCopy {
  text: string;
  /** When it was last typed, as an ISO date. */
  savedAt: string;
}

/** How long typing may pause before the draft is sent: long enough not to send every key. */
export const AUTOSAVE_DELAY_MS = 800;

/** The browser's storage, or null where it is refused (a private window, a full disk). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readLocalCopy(key: string): LocalCopy | null {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(key) ?? 'null');
    const copy = value as Partial<LocalCopy> | null;
    return typeof copy?.text === 'string' && typeof copy.savedAt === 'string'
      ? { text: copy.text, savedAt: copy.savedAt }
      : null;
  } catch {
    return null;
  }
}

function writeLocalCopy(key: string, copy: LocalCopy | null): void {
  try {
    if (copy === null) storage()?.removeItem(key);
    else storage()?.setItem(key, JSON.stringify(copy));
  } catch {
    // A full storage loses only the device copy; the status still says the text is not saved.
  }
}

function describeFailure(error: unknown): { message: string; signedOut: boolean } {
  if (error instanceof ApiError && error.status === 401) {
    return {
      message: 'you are logged out. Log in again: your text is kept on this device until then.',
      signedOut: true,
    };
  }
  if (error instanceof NetworkError) {
    return {
      message: 'the server could not be reached. Your text is kept on this device.',
      signedOut: false,
    };
  }
  if (error instanceof ApiError) return { message: error.message, signedOut: false };
  return { message: 'something went wrong. Your text is kept on this device.', signedOut: false };
}

/**
 * A draft saved as the teacher types: `save` is sent `AUTOSAVE_DELAY_MS` after the last change,
 * with the revision the text was based on. Until the server has the text, it is kept in the
 * browser's storage under `storageKey`, so a reload, a lost connection or an expired session
 * loses nothing: on the next visit it is offered back (`localCopy`). A 409 (saved elsewhere since)
 * stops saving until the teacher loads the current draft, so neither copy overwrites the other.
 */
export function useAutosave<D extends SavedDraft>({
  storageKey,
  initial,
  save,
  load,
}: {
  storageKey: string;
  initial: D;
  save: (draft: SavedDraft) => Promise<D>;
  /** Fetches the draft as the server has it, when a 409 did not say. */
  load: () => Promise<D>;
}) {
  const [saved, setSaved] = useState<D>(initial);
  const [text, setText] = useState(initial.text);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [conflict, setConflict] = useState<D | null>(null);
  const [localCopy, setLocalCopy] = useState<LocalCopy | null>(() => {
    const copy = readLocalCopy(storageKey);
    return copy && copy.text !== initial.text ? copy : null;
  });
  const latest = useRef({ text, saved });
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    latest.current.text = text;
    latest.current.saved = saved;
    saveRef.current = save;
  });

  const inFlight = useRef<Promise<boolean> | null>(null);

  /** Sends the text now (after a save already on its way); resolves to whether the server has it. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) {
      await inFlight.current;
      return saveNow();
    }
    const current = latest.current;
    const sending = current.text;
    if (sending === current.saved.text) return true;
    const sent = (async () => {
      setStatus({ kind: 'saving' });
      try {
        const result = await saveRef.current({ revision: current.saved.revision, text: sending });
        // Read by the next save before React renders again.
        current.saved = result;
        setSaved(result);
        setStatus({ kind: 'saved' });
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          const details = error.details as { current?: D } | undefined;
          setConflict(details?.current ?? null);
          setStatus({ kind: 'conflict' });
        } else {
          setStatus({ kind: 'failed', ...describeFailure(error) });
        }
        return false;
      }
    })();
    inFlight.current = sent;
    const ok = await sent;
    inFlight.current = null;
    return ok;
  }, []);

  const conflicted = status.kind === 'conflict';
  useEffect(() => {
    const unsaved = text !== saved.text;
    // The copy offered back stays in storage until the teacher restores or discards it. Otherwise
    // the device keeps every change, not only a failed one: a reload before a save loses nothing.
    if (localCopy === null) {
      writeLocalCopy(storageKey, unsaved ? { text, savedAt: new Date().toISOString() } : null);
    }
    if (!unsaved || conflicted) return;
    const timer = window.setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, saved, conflicted, localCopy, storageKey, saveNow]);

  return {
    text,
    setText,
    /** The draft as the server last answered it: its revision, problems, parsed article. */
    saved,
    status,
    saveNow,
    /** Text of an earlier visit that was never saved, offered back until restored or discarded. */
    localCopy,
    restoreLocalCopy: () => {
      if (localCopy) setText(localCopy.text);
      setLocalCopy(null);
    },
    discardLocalCopy: () => {
      writeLocalCopy(storageKey, null);
      setLocalCopy(null);
    },
    /**
     * After a 409: the draft as saved elsewhere replaces this page's, whose text is then offered
     * back like a copy of an earlier visit.
     */
    loadCurrentDraft: async () => {
      let current: D;
      try {
        current = conflict ?? (await load());
      } catch (error) {
        setStatus({ kind: 'failed', ...describeFailure(error) });
        return;
      }
      const mine = { text: latest.current.text, savedAt: new Date().toISOString() };
      writeLocalCopy(storageKey, mine);
      setLocalCopy(mine);
      setSaved(current);
      setText(current.text);
      setConflict(null);
      setStatus({ kind: 'saved' });
    },
  };
}
