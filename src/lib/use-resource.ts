import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export type Resource<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/** What a page loads: `key` names it (a new key loads again), `load` fetches it. */
export interface ResourceRequest<T> {
  key: string;
  load: () => Promise<T>;
}

interface Settled<T> {
  key: string;
  resource: Exclude<Resource<T>, { status: 'loading' }>;
}

interface Preload {
  promise: Promise<unknown>;
  /** Set once the promise settles, so a page rendered after that starts with the data. */
  outcome?: Settled<unknown>['resource'];
}

const preloaded = new Map<string, Preload>();

/**
 * Starts loading a page's data before React has rendered it (the app's entry calls this for the
 * address it opens at), so the request runs while the bundle starts up. The page's
 * `useResource` with the same key takes it over, and renders the data at once if it has come.
 */
export function preloadResource<T>({ key, load }: ResourceRequest<T>): void {
  if (preloaded.has(key)) return;
  const entry: Preload = { promise: load() };
  entry.promise.then(
    (data) => (entry.outcome = { status: 'ready', data }),
    (error: unknown) => (entry.outcome = { status: 'error', error }),
  );
  preloaded.set(key, entry);
}

function takePreloaded(key: string): Preload | undefined {
  const entry = preloaded.get(key);
  preloaded.delete(key);
  return entry;
}

/** The preloaded data of `key` if it has already come (it is then taken), for a first render. */
function takeSettledPreload<T>(key: string): Settled<T> | undefined {
  const outcome = preloaded.get(key)?.outcome as Settled<T>['resource'] | undefined;
  if (!outcome) return undefined;
  preloaded.delete(key);
  return { key: `0:${key}`, resource: outcome };
}

/**
 * Loads server data for a page. When the request's key changes, the data is loaded again. Server
 * data stays here, in the page that shows it, and never in a store.
 */
export function useResource<T>(request: ResourceRequest<T>): {
  resource: Resource<T>;
  reload: () => void;
} {
  const [preloadedOutcome] = useState(() => takeSettledPreload<T>(request.key));
  const [settled, setSettled] = useState(preloadedOutcome);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(request.load);
  useLayoutEffect(() => {
    loadRef.current = request.load;
  });
  const requestKey = `${generation}:${request.key}`;
  const { key } = request;

  useEffect(() => {
    if (preloadedOutcome?.key === requestKey) return;
    let current = true;
    const promise =
      ((generation === 0 ? takePreloaded(key)?.promise : undefined) as Promise<T> | undefined) ??
      loadRef.current();
    promise.then(
      (data) => {
        if (current) setSettled({ key: requestKey, resource: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (current) setSettled({ key: requestKey, resource: { status: 'error', error } });
      },
    );
    return () => {
      current = false;
    };
  }, [requestKey, key, generation, preloadedOutcome]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const resource: Resource<T> =
    settled?.key === requestKey ? settled.resource : { status: 'loading' };
  return { resource, reload };
}
