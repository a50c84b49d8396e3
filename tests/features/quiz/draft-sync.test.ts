import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAttemptDraftStore,
  draftStorageKey,
} from '../../../src/features/quiz/stores/attempt-draft-store';
import {
  startDraftSync,
  type DraftSync,
  type DraftSyncOptions,
} from '../../../src/features/quiz/stores/draft-sync';
import { ApiError, NetworkError } from '../../../src/lib/api-client';
import type { QuestionResponse } from '../../../src/domain/responses';
import { setOnline } from '../fixtures/fake-api';

describe('sending the draft to the server', () => {
  let sync: DraftSync | undefined;
  const store = () => createAttemptDraftStore('a1');

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    sync?.stop();
    vi.useRealTimers();
  });

  function start(
    draft: ReturnType<typeof store>,
    {
      save = () => Promise.resolve(),
      clear = () => Promise.resolve(),
      fetchServerAnswers = () => Promise.resolve({ responses: {}, savedAt: {} }),
    }: Partial<Pick<DraftSyncOptions, 'save' | 'clear' | 'fetchServerAnswers'>>,
  ) {
    sync = startDraftSync({
      store: draft,
      save,
      clear,
      fetchServerAnswers,
      debounceMs: 600,
      retryMs: 1000,
    });
    return sync;
  }

  it('sends the last of a burst of changes once, after 600 ms of quiet', async () => {
    const draft = store();
    const save = vi.fn(() => Promise.resolve());
    start(draft, { save });
    draft.getState().setResponse('q1', { text: 'M' });
    await vi.advanceTimersByTimeAsync(400);
    draft.getState().setResponse('q1', { text: 'Ma' });
    await vi.advanceTimersByTimeAsync(400);
    draft.getState().setResponse('q1', { text: 'May' });
    expect(draft.getState().saveStatus).toBe('saving');
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
    expect(save.mock.calls).toEqual([['q1', { text: 'May' }]]);
    expect(draft.getState().saveStatus).toBe('saved');
    expect(draft.getState().unsent).toEqual({});
  });

  it('sends a cleared answer as a clear: the last change to a question is what is sent', async () => {
    const draft = store();
    const save = vi.fn(() => Promise.resolve());
    const clear = vi.fn(() => Promise.resolve());
    start(draft, { save, clear });
    draft.getState().setResponse('q1', { value: 12 });
    draft.getState().setResponse('q2', { text: 'May' });
    await vi.advanceTimersByTimeAsync(600);
    expect(save.mock.calls).toEqual([
      ['q1', { value: 12 }],
      ['q2', { text: 'May' }],
    ]);

    draft.getState().clearResponse('q1');
    draft.getState().setResponse('q2', { text: 'June' });
    draft.getState().clearResponse('q2');
    expect(draft.getState().saveStatus).toBe('saving');
    await vi.advanceTimersByTimeAsync(600);
    expect(clear.mock.calls).toEqual([['q1'], ['q2']]);
    expect(save).toHaveBeenCalledTimes(2);
    expect(draft.getState().responses).toEqual({});
    expect(draft.getState().unsent).toEqual({});
    expect(draft.getState().saveStatus).toBe('saved');
  });

  it('keeps a clear made offline and sends it on reconnection, unless the server changed it since', async () => {
    let now = Date.parse('2025-03-20T10:00:00Z');
    const draft = createAttemptDraftStore('a1', () => now);
    const clear = vi.fn(() => Promise.resolve());
    const fetchServerAnswers = vi.fn(() =>
      Promise.resolve({
        responses: { older: { value: 1 }, newer: { value: 2 } },
        savedAt: { older: '2025-03-20T09:00:00Z', newer: '2025-03-20T11:00:00Z' },
      }),
    );
    start(draft, { clear, fetchServerAnswers });
    setOnline(false);
    draft.getState().clearResponse('older');
    now += 1000;
    draft.getState().clearResponse('newer');
    await vi.advanceTimersByTimeAsync(5000);
    expect(clear).not.toHaveBeenCalled();
    expect(JSON.parse(localStorage.getItem(draftStorageKey('a1')) ?? '{}')).toMatchObject({
      state: { unsent: { older: expect.any(Number), newer: expect.any(Number) } },
    });

    setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(clear.mock.calls).toEqual([['older']]);
    expect(draft.getState().responses).toEqual({ newer: { value: 2 } });
    expect(draft.getState().saveStatus).toBe('saved');
  });

  it('stops sending clears too once the attempt takes no more answers', async () => {
    const draft = store();
    const clear = vi.fn(() =>
      Promise.reject(new ApiError(409, 'deadline-passed', "This attempt's time is up.")),
    );
    start(draft, { clear });
    draft.getState().clearResponse('q1');
    await vi.advanceTimersByTimeAsync(600);
    expect(clear).toHaveBeenCalledOnce();
    expect(draft.getState().saveStatus).toBe('closed');
    expect(draft.getState().refusal).toBe("This attempt's time is up.");
  });

  it('keeps changes while the server is unreachable and retries with a growing wait', async () => {
    const draft = store();
    const save = vi
      .fn<(questionId: string, response: QuestionResponse) => Promise<void>>()
      .mockRejectedValueOnce(new NetworkError())
      .mockRejectedValueOnce(new NetworkError())
      .mockResolvedValue(undefined);
    start(draft, { save });
    draft.getState().setResponse('q1', { choice: 'a' });
    await vi.advanceTimersByTimeAsync(600);
    expect(draft.getState().saveStatus).toBe('offline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(3);
    expect(draft.getState().saveStatus).toBe('saved');
    expect(draft.getState().unsent).toEqual({});
  });

  it('waits while the browser is offline and reconciles, then sends, when it is back', async () => {
    const draft = store();
    const save = vi.fn(() => Promise.resolve());
    const fetchServerAnswers = vi.fn(() =>
      Promise.resolve({
        responses: { q2: { choice: 'from-server' } },
        savedAt: { q2: '2025-01-01T00:00:00Z' },
      }),
    );
    start(draft, { save, fetchServerAnswers });
    setOnline(false);
    expect(draft.getState().saveStatus).toBe('offline');
    draft.getState().setResponse('q1', { choice: 'a' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
    expect(draft.getState().saveStatus).toBe('offline');

    setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchServerAnswers).toHaveBeenCalledOnce();
    expect(save.mock.calls).toEqual([['q1', { choice: 'a' }]]);
    expect(draft.getState().responses).toEqual({
      q1: { choice: 'a' },
      q2: { choice: 'from-server' },
    });
    expect(draft.getState().saveStatus).toBe('saved');
  });

  it('stops sending, and says why, once the attempt takes no more answers', async () => {
    const draft = store();
    const save = vi.fn(() =>
      Promise.reject(new ApiError(409, 'attempt-submitted', 'This attempt is submitted.')),
    );
    start(draft, { save });
    draft.getState().setResponse('q1', { choice: 'a' });
    draft.getState().setResponse('q2', { choice: 'b' });
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledOnce();
    expect(draft.getState().saveStatus).toBe('closed');
    expect(draft.getState().refusal).toBe('This attempt is submitted.');
    draft.getState().setResponse('q3', { choice: 'c' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledOnce();
  });

  it('says why an answer was refused and goes on with the others', async () => {
    const draft = store();
    const save = vi
      .fn<(questionId: string, response: QuestionResponse) => Promise<void>>()
      .mockRejectedValueOnce(new ApiError(422, 'invalid-response', '"x" is not an option.'))
      .mockResolvedValue(undefined);
    start(draft, { save });
    draft.getState().setResponse('q1', { choice: 'x' });
    draft.getState().setResponse('q2', { choice: 'b' });
    await vi.advanceTimersByTimeAsync(600);
    expect(save.mock.calls.map(([questionId]) => questionId)).toEqual(['q1', 'q2']);
    expect(draft.getState().unsent).toEqual({});
    // The status said so while it mattered; a later save that goes through clears it.
    draft.getState().setResponse('q2', { choice: 'c' });
    await vi.advanceTimersByTimeAsync(600);
    expect(draft.getState().saveStatus).toBe('saved');
  });

  it('sends what is waiting when the tab is hidden, without waiting for the pause', async () => {
    const draft = store();
    const save = vi.fn(() => Promise.resolve());
    start(draft, { save });
    draft.getState().setResponse('q1', { choice: 'a' });
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledOnce();
  });

  it('flushes at once on request and reports whether everything reached the server', async () => {
    const draft = store();
    const save = vi.fn(() => Promise.resolve());
    const { flush } = start(draft, { save });
    draft.getState().setResponse('q1', { choice: 'a' });
    await expect(flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledOnce();
  });
});
