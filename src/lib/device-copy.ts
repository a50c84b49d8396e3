import { NetworkError } from './api-client';

/**
 * Loads a page's data and keeps a copy of it in localStorage; when the server cannot be reached,
 * answers with the copy instead. With the app shell cached by the service worker, this is what
 * lets a quiz reopen after a reload while offline (its answers come from the draft). Only data
 * the page already holds goes in: never a token and never an answer key.
 */
export async function loadWithDeviceCopy<T>(
  storageKey: string,
  load: () => Promise<T>,
  /** Brings the kept copy up to date with what this device knows since (default: as kept). */
  refreshCopy: (copy: T) => T = (copy) => copy,
): Promise<T> {
  try {
    const data = await load();
    try {
      localStorage.setItem(storageKey, JSON.stringify(data));
    } catch {
      // Storage full or blocked: the copy is a convenience for going offline, not a requirement.
    }
    return data;
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const kept = readDeviceCopy(storageKey);
    if (kept === undefined) throw error;
    // Written above from the same load, by this app: its shape is the one `load` returns.
    return refreshCopy(kept as T);
  }
}

function readDeviceCopy(storageKey: string): unknown {
  try {
    const raw = localStorage.getItem(storageKey);
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}
