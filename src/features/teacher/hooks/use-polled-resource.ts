import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export type PolledResource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  /** `refreshError`: the latest refresh failed; `data` is the last good copy. */
  | { status: 'ready'; data: T; refreshError: unknown };

/**
 * Server data that is fetched again every `intervalMs` while the page is visible (and at once when
 * it becomes visible again), so a teacher watches results arrive without reloading. A failed
 * refresh keeps the last good data. `refresh()` fetches now, for example after a change.
 *
 * `load` gets the data it last returned for this key (undefined at first): returning that same
 * object says nothing changed (e.g. after a 304), and the page is not drawn again.
 */
export function usePolledResource<T>(
  key: string,
  load: (current: T | undefined) => Promise<T>,
  intervalMs: number,
): { resource: PolledResource<T>; refresh: () => Promise<void> } {
  const [state, setState] = useState<{ key: string; resource: PolledResource<T> }>({
    key,
    resource: { status: 'loading' },
  });
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const latestRequest = useRef(0);
  /** The data last loaded, by key, for `load` to compare with. */
  const current = useRef<{ key: string; data: T } | undefined>(undefined);

  const refresh = useCallback(async () => {
    latestRequest.current += 1;
    const request = latestRequest.current;
    try {
      const previous = current.current?.key === key ? current.current.data : undefined;
      const data = await loadRef.current(previous);
      if (request !== latestRequest.current) return;
      current.current = { key, data };
      setState((state) =>
        state.key === key &&
        state.resource.status === 'ready' &&
        state.resource.data === data &&
        state.resource.refreshError === null
          ? state
          : { key, resource: { status: 'ready', data, refreshError: null } },
      );
    } catch (error) {
      if (request !== latestRequest.current) return;
      setState((previous) =>
        previous.key === key && previous.resource.status === 'ready'
          ? { key, resource: { ...previous.resource, refreshError: error } }
          : { key, resource: { status: 'error', error } },
      );
    }
  }, [key]);

  useEffect(() => {
    void refresh();
    let interval: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      interval ??= setInterval(() => void refresh(), intervalMs);
    };
    const stop = () => {
      clearInterval(interval);
      interval = undefined;
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') {
        void refresh();
        start();
      } else {
        stop();
      }
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibilityChange);
      // Answers still on their way belong to this key, which is gone.
      latestRequest.current += 1;
    };
  }, [refresh, intervalMs]);

  return {
    resource: state.key === key ? state.resource : { status: 'loading' },
    refresh,
  };
}
