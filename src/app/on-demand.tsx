import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Loading } from '../components/load-error';

/** A page whose code is fetched the first time it is shown (a chunk of its own). */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const page: ComponentType = (await load())[name];
    return { default: page };
  });
}

/** A lazy page with the loading message shown while its chunk comes. */
export const onDemand = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;
