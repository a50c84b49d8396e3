import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { preloadResource, useResource } from '../../src/lib/use-resource';

describe('loading a page’s data', () => {
  it('is loading, then ready; reload loads again', async () => {
    const load = vi.fn().mockResolvedValueOnce('first').mockResolvedValueOnce('second');
    const { result } = renderHook(() => useResource({ key: 'k', load }));
    expect(result.current.resource).toEqual({ status: 'loading' });
    await waitFor(() =>
      expect(result.current.resource).toEqual({ status: 'ready', data: 'first' }),
    );
    act(() => result.current.reload());
    await waitFor(() =>
      expect(result.current.resource).toEqual({ status: 'ready', data: 'second' }),
    );
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reports a failure', async () => {
    const failure = new Error('down');
    const { result } = renderHook(() =>
      useResource({ key: 'k', load: () => Promise.reject(failure) }),
    );
    await waitFor(() =>
      expect(result.current.resource).toEqual({ status: 'error', error: failure }),
    );
  });

  it('takes over data preloaded under the same key instead of fetching it again', async () => {
    const preload = vi.fn(() => Promise.resolve('early'));
    preloadResource({ key: 'page:1', load: preload });
    const load = vi.fn(() => Promise.resolve('late'));
    const { result } = renderHook(() => useResource({ key: 'page:1', load }));
    await waitFor(() =>
      expect(result.current.resource).toEqual({ status: 'ready', data: 'early' }),
    );
    expect(preload).toHaveBeenCalledOnce();
    expect(load).not.toHaveBeenCalled();
  });

  it('renders preloaded data that has already come on the first render', async () => {
    preloadResource({ key: 'page:2', load: () => Promise.resolve('ready early') });
    await Promise.resolve();
    await Promise.resolve();
    const load = vi.fn(() => Promise.resolve('late'));
    const { result } = renderHook(() => useResource({ key: 'page:2', load }));
    expect(result.current.resource).toEqual({ status: 'ready', data: 'ready early' });
    expect(load).not.toHaveBeenCalled();
  });

  it('loads again when the key changes', async () => {
    const { result, rerender } = renderHook(
      ({ id }) => useResource({ key: id, load: () => Promise.resolve(id) }),
      {
        initialProps: { id: 'a' },
      },
    );
    await waitFor(() => expect(result.current.resource).toEqual({ status: 'ready', data: 'a' }));
    rerender({ id: 'b' });
    expect(result.current.resource).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current.resource).toEqual({ status: 'ready', data: 'b' }));
  });
});
