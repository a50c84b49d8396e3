import { createStore, type StateCreator } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Highlight } from '../../../domain/highlights';
import type { QuestionResponse, ResponseMap } from '../../../domain/responses';
import { draftStorageKey } from '../../../lib/attempt-records';

/**
 * What the student is doing in one attempt, kept on this device at once (localStorage) so that
 * nothing typed is lost to a reload, a closed tab or a dropped connection. The server copy is
 * brought in by `reconcile`; `draft-sync.ts` sends the changes.
 */

export type SaveStatus =
  /** Every change is on the server. */
  | 'saved'
  /** Some changes are on their way. */
  | 'saving'
  /** The server cannot be reached; changes wait on this device. */
  | 'offline'
  /** The server refused a change as malformed; the other answers are still saved. */
  | 'refused'
  /** The attempt takes no more answers: it was submitted, or its time is up. */
  | 'closed';

interface AnswersSlice {
  responses: ResponseMap;
  setResponse: (questionId: string, response: QuestionResponse) => void;
  /** The student took the answer back (emptied the field, unticked every box). */
  clearResponse: (questionId: string) => void;
}

/**
 * The student's highlights and notes, by key (`highlightKeyOf`). Their unsent changes share
 * `unsent` with the answers, under `highlightChangeKey(key)`, so they are sent, retried, kept
 * offline and reconciled exactly as answers are.
 */
interface HighlightsSlice {
  highlights: Record<string, Highlight>;
  setHighlight: (highlight: Highlight) => void;
  removeHighlight: (key: string) => void;
}

const HIGHLIGHT_CHANGE = 'highlight:';

/** The `unsent` entry of a highlight's change (question ids never contain a colon). */
export function highlightChangeKey(key: string): string {
  return HIGHLIGHT_CHANGE + key;
}

/** The highlight key of an `unsent` entry, or undefined for an answer's. */
export function highlightKeyOfChange(change: string): string | undefined {
  return change.startsWith(HIGHLIGHT_CHANGE) ? change.slice(HIGHLIGHT_CHANGE.length) : undefined;
}

interface FlagsSlice {
  /** Questions the student marked to come back to, in the order they were flagged. */
  flagged: string[];
  toggleFlag: (questionId: string) => void;
}

interface NavigationSlice {
  currentQuestionId: string | null;
  goToQuestion: (questionId: string) => void;
}

/** The server's copy of the answers, as GET /api/attempts/:id returns it. */
export interface ServerAnswers {
  responses: ResponseMap;
  /** ISO time at which the server saved or cleared each answer. */
  savedAt: Record<string, string>;
  /** The server's highlights, and when each was saved or removed (older servers send neither). */
  highlights?: readonly Highlight[];
  highlightsSavedAt?: Record<string, string>;
}

interface SyncSlice {
  /**
   * Changes the server has not confirmed: question id -> when the change was made (ms, this
   * device's clock). A question here with no answer in `responses` was cleared.
   */
  unsent: Record<string, number>;
  saveStatus: SaveStatus;
  /** What the server said when it refused a change or closed the attempt. */
  refusal: string | null;
  /** The server has the change made at `changedAt`; a later change stays unsent. */
  acknowledge: (questionId: string, changedAt: number) => void;
  setSaveStatus: (status: SaveStatus, refusal?: string) => void;
  /**
   * Merges the server's copy into the draft, last write wins: an unsent change on this device
   * (an answer or a clear) is kept when it is newer than the server's save or clear of that
   * question; otherwise the server's answer, or its lack of one, replaces the draft's. Confirmed
   * answers always come from the server.
   */
  reconcile: (server: ServerAnswers) => void;
}

export type AttemptDraft = AnswersSlice &
  HighlightsSlice &
  FlagsSlice &
  NavigationSlice &
  SyncSlice;

type DraftSlice<T> = StateCreator<AttemptDraft, [['zustand/persist', unknown]], [], T>;

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => id !== key));
}

function createAnswersSlice(now: () => number): DraftSlice<AnswersSlice> {
  return (set) => ({
    responses: {},
    setResponse: (questionId, response) =>
      set((state) => ({
        responses: { ...state.responses, [questionId]: response },
        unsent: { ...state.unsent, [questionId]: now() },
      })),
    clearResponse: (questionId) =>
      set((state) => ({
        responses: withoutKey(state.responses, questionId),
        unsent: { ...state.unsent, [questionId]: now() },
      })),
  });
}

function createHighlightsSlice(now: () => number): DraftSlice<HighlightsSlice> {
  return (set) => ({
    highlights: {},
    setHighlight: (highlight) =>
      set((state) => ({
        highlights: { ...state.highlights, [highlight.key]: highlight },
        unsent: { ...state.unsent, [highlightChangeKey(highlight.key)]: now() },
      })),
    removeHighlight: (key) =>
      set((state) => ({
        highlights: withoutKey(state.highlights, key),
        unsent: { ...state.unsent, [highlightChangeKey(key)]: now() },
      })),
  });
}

/**
 * Last write wins between this device's unsent changes and the server's copy, for one kind of
 * item (answers, highlights): the draft's item where its change is newer, else the server's.
 */
function mergeNewer<T>(
  draftItems: Record<string, T>,
  serverItems: Record<string, T>,
  serverSavedAt: Record<string, string>,
  unsent: Record<string, number>,
  changeKey: (id: string) => string,
): { items: Record<string, T>; unsent: Record<string, number> } {
  const items: Record<string, T> = {};
  const stillUnsent: Record<string, number> = {};
  const ids = new Set([
    ...Object.keys(serverItems),
    ...Object.keys(draftItems),
    ...Object.keys(serverSavedAt),
  ]);
  for (const id of ids) {
    const changedAt = unsent[changeKey(id)];
    const savedAt = Date.parse(serverSavedAt[id] ?? '');
    const draftIsNewer = changedAt !== undefined && (Number.isNaN(savedAt) || changedAt > savedAt);
    const item = draftIsNewer ? draftItems[id] : serverItems[id];
    if (item !== undefined) items[id] = item;
    if (draftIsNewer) stillUnsent[changeKey(id)] = changedAt;
  }
  return { items, unsent: stillUnsent };
}

const createFlagsSlice: DraftSlice<FlagsSlice> = (set) => ({
  flagged: [],
  toggleFlag: (questionId) =>
    set((state) => ({
      flagged: state.flagged.includes(questionId)
        ? state.flagged.filter((id) => id !== questionId)
        : [...state.flagged, questionId],
    })),
});

const createNavigationSlice: DraftSlice<NavigationSlice> = (set) => ({
  currentQuestionId: null,
  goToQuestion: (questionId) => set({ currentQuestionId: questionId }),
});

const createSyncSlice: DraftSlice<SyncSlice> = (set) => ({
  unsent: {},
  saveStatus: 'saved',
  refusal: null,
  acknowledge: (questionId, changedAt) =>
    set((state) => {
      if (state.unsent[questionId] !== changedAt) return {};
      return { unsent: withoutKey(state.unsent, questionId) };
    }),
  setSaveStatus: (saveStatus, refusal) => set({ saveStatus, refusal: refusal ?? null }),
  reconcile: (server) =>
    set((state) => {
      const responses: ResponseMap = {};
      const unsent: Record<string, number> = {};
      const questionIds = new Set([...Object.keys(server.responses), ...Object.keys(state.unsent)]);
      for (const questionId of questionIds) {
        if (highlightKeyOfChange(questionId) !== undefined) continue;
        const changedAt = state.unsent[questionId];
        const serverSavedAt = Date.parse(server.savedAt[questionId] ?? '');
        const draftIsNewer =
          changedAt !== undefined && (Number.isNaN(serverSavedAt) || changedAt > serverSavedAt);
        const response = draftIsNewer ? state.responses[questionId] : server.responses[questionId];
        if (response !== undefined) responses[questionId] = response;
        if (draftIsNewer) unsent[questionId] = changedAt;
      }
      const highlights = mergeNewer(
        state.highlights,
        Object.fromEntries(
          (server.highlights ?? []).map((highlight) => [highlight.key, highlight]),
        ),
        server.highlightsSavedAt ?? {},
        state.unsent,
        highlightChangeKey,
      );
      return {
        responses,
        highlights: highlights.items,
        unsent: { ...unsent, ...highlights.unsent },
      };
    }),
});

// The key lives with the attempt records, so the library can read a draft's progress.
export { draftStorageKey };

/**
 * Creates the draft store of one attempt, restored from localStorage if this device has one.
 * `now` is the clock that stamps changes (tests pass their own).
 */
export function createAttemptDraftStore(attemptId: string, now: () => number = Date.now) {
  return createStore<AttemptDraft>()(
    persist(
      (...args) => ({
        ...createAnswersSlice(now)(...args),
        ...createHighlightsSlice(now)(...args),
        ...createFlagsSlice(...args),
        ...createNavigationSlice(...args),
        ...createSyncSlice(...args),
      }),
      {
        name: draftStorageKey(attemptId),
        version: 1,
        storage: createJSONStorage(() => localStorage),
        // The save status describes this page's connection, not the draft: never restore it.
        partialize: ({ responses, highlights, flagged, currentQuestionId, unsent }) => ({
          responses,
          highlights,
          flagged,
          currentQuestionId,
          unsent,
        }),
      },
    ),
  );
}

export type AttemptDraftStore = ReturnType<typeof createAttemptDraftStore>;
