import { useEffect, useLayoutEffect, useRef } from 'react';

/** setTimeout's longest delay (about 24.8 days); a later instant is waited for in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** A moment after the instant, so the server's clock has passed it too. */
const AFTER_MS = 1000;
/**
 * When the instant has already passed by this device's clock but the page still shows the state
 * before it (the server's clock is behind), ask again this often until the state changes.
 */
const LATE_RETRY_MS = 5000;

/**
 * Calls `onTime` once the instant `at` (ISO 8601) has passed, so a page that waits for a time
 * changes by itself instead of asking the student to come back. Pass a new `generation` after each
 * refresh that left `at` unchanged, to wait again. Nothing happens while `at` is null.
 */
export function useTimerAt(at: string | null, onTime: () => void, generation = 0): void {
  const callback = useRef(onTime);
  useLayoutEffect(() => {
    callback.current = onTime;
  });
  useEffect(() => {
    if (at === null) return;
    const wait = new Date(at).getTime() - Date.now();
    if (Number.isNaN(wait)) return;
    const delay = wait > 0 ? Math.min(wait + AFTER_MS, MAX_DELAY_MS) : LATE_RETRY_MS;
    const timer = setTimeout(() => callback.current(), delay);
    return () => clearTimeout(timer);
  }, [at, generation]);
}

/** An instant rounded up to the whole minute, so a time shown to the minute is never before it. */
export function roundUpToMinute(iso: string): string {
  const time = new Date(iso).getTime();
  return new Date(Math.ceil(time / 60_000) * 60_000).toISOString();
}
