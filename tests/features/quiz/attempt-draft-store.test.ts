import { describe, expect, it } from 'vitest';
import {
  createAttemptDraftStore,
  draftStorageKey,
} from '../../../src/features/quiz/stores/attempt-draft-store';

const at = (iso: string) => Date.parse(iso);

describe('the attempt draft', () => {
  it('is kept on the device at once and restored by a new store for the same attempt', () => {
    const store = createAttemptDraftStore('a1', () => at('2025-03-20T10:00:00Z'));
    store.getState().setResponse('q1', { choice: 'b' });
    store.getState().toggleFlag('q2');
    store.getState().goToQuestion('q2');
    store.getState().setSaveStatus('offline');

    const reopened = createAttemptDraftStore('a1').getState();
    expect(reopened.responses).toEqual({ q1: { choice: 'b' } });
    expect(reopened.flagged).toEqual(['q2']);
    expect(reopened.currentQuestionId).toBe('q2');
    expect(reopened.unsent).toEqual({ q1: at('2025-03-20T10:00:00Z') });
    // The connection state belongs to the page that saw it, not to the draft.
    expect(reopened.saveStatus).toBe('saved');
    expect(createAttemptDraftStore('another').getState().responses).toEqual({});
    expect(localStorage.getItem(draftStorageKey('a1'))).not.toBeNull();
  });

  it('forgets a change once the server confirms it, but not a later change to the same answer', () => {
    let now = at('2025-03-20T10:00:00Z');
    const store = createAttemptDraftStore('a1', () => now);
    store.getState().setResponse('q1', { choice: 'a' });
    const firstChange = store.getState().unsent.q1 ?? 0;
    now += 500;
    store.getState().setResponse('q1', { choice: 'b' });
    store.getState().acknowledge('q1', firstChange);
    expect(store.getState().unsent).toEqual({ q1: now });
    store.getState().acknowledge('q1', now);
    expect(store.getState().unsent).toEqual({});
  });

  it('keeps a cleared answer on the device as a change to send', () => {
    let now = at('2025-03-20T10:00:00Z');
    const store = createAttemptDraftStore('a1', () => now);
    store.getState().setResponse('q1', { value: 3 });
    store.getState().setResponse('q2', { text: 'May' });
    store.getState().acknowledge('q1', now);
    store.getState().acknowledge('q2', now);
    now += 1000;
    store.getState().clearResponse('q1');

    const reopened = createAttemptDraftStore('a1').getState();
    expect(reopened.responses).toEqual({ q2: { text: 'May' } });
    expect(reopened.unsent).toEqual({ q1: at('2025-03-20T10:00:01Z') });
  });

  it('toggles flags', () => {
    const store = createAttemptDraftStore('a1');
    store.getState().toggleFlag('q1');
    store.getState().toggleFlag('q3');
    store.getState().toggleFlag('q1');
    expect(store.getState().flagged).toEqual(['q3']);
  });

  describe('reconciling with the server', () => {
    it('keeps an unsent change that is newer than the server’s save, and takes the server’s otherwise', () => {
      const store = createAttemptDraftStore('a1', () => at('2025-03-20T10:05:00Z'));
      store.getState().setResponse('newer-here', { choice: 'draft' });
      store.getState().setResponse('newer-there', { choice: 'draft' });
      store.getState().setResponse('only-here', { text: 'draft' });
      store.getState().reconcile({
        responses: {
          'newer-here': { choice: 'server' },
          'newer-there': { choice: 'server' },
          'only-there': { value: 3 },
        },
        savedAt: {
          'newer-here': '2025-03-20T10:00:00.000Z',
          'newer-there': '2025-03-20T10:09:00.000Z',
          'only-there': '2025-03-20T09:00:00.000Z',
        },
      });
      const { responses, unsent } = store.getState();
      expect(responses).toEqual({
        'newer-here': { choice: 'draft' },
        'newer-there': { choice: 'server' },
        'only-here': { text: 'draft' },
        'only-there': { value: 3 },
      });
      expect(Object.keys(unsent).sort()).toEqual(['newer-here', 'only-here']);
    });

    it('applies the same rule to clears, on either side', () => {
      const store = createAttemptDraftStore('a1', () => at('2025-03-20T10:05:00Z'));
      store.getState().clearResponse('cleared-here-later');
      store.getState().setResponse('answered-here-before', { choice: 'draft' });
      store.getState().reconcile({
        responses: { 'cleared-here-later': { choice: 'server' } },
        savedAt: {
          'cleared-here-later': '2025-03-20T10:00:00.000Z',
          // Cleared on the server after this device's change: no response, a later time.
          'answered-here-before': '2025-03-20T10:09:00.000Z',
        },
      });
      const { responses, unsent } = store.getState();
      expect(responses).toEqual({});
      expect(unsent).toEqual({ 'cleared-here-later': at('2025-03-20T10:05:00Z') });
    });

    it('takes the server’s copy of answers the draft has no unsent change for', () => {
      const store = createAttemptDraftStore('a1');
      store.getState().setResponse('q1', { choice: 'old' });
      store.getState().acknowledge('q1', store.getState().unsent.q1 ?? 0);
      store.getState().reconcile({ responses: {}, savedAt: {} });
      expect(store.getState().responses).toEqual({});
    });
  });
});
