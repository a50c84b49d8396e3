import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AttemptDraft, AttemptDraftStore } from './attempt-draft-store';

/** The draft store of the attempt on screen, given by the quiz page to its parts. */
export const AttemptDraftContext = createContext<AttemptDraftStore | null>(null);

/** Selects one value of the current attempt's draft; re-renders only when that value changes. */
export function useAttemptDraft<T>(selector: (draft: AttemptDraft) => T): T {
  const store = useContext(AttemptDraftContext);
  if (!store) throw new Error('useAttemptDraft needs an AttemptDraftContext provider');
  return useStore(store, selector);
}
