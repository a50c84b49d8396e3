import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Where read-aloud's speed and voice are remembered on this device (zustand persist's key). */
export const READ_ALOUD_KEY = 'readproof:read-aloud';

interface ReadAloudSettings {
  rate: number;
  /** The chosen voice's voiceURI; null for the browser's default voice for the language. */
  voiceId: string | null;
}

interface ReadAloudSettingsState extends ReadAloudSettings {
  setRate: (rate: number) => void;
  setVoice: (voiceId: string | null) => void;
}

/** This device's read-aloud speed and voice. Loaded with the read-aloud player only. */
export const useReadAloudSettings = create<ReadAloudSettingsState>()(
  persist(
    (set) => ({
      rate: 1,
      voiceId: null,
      setRate: (rate) => set({ rate }),
      setVoice: (voiceId) => set({ voiceId }),
    }),
    {
      name: READ_ALOUD_KEY,
      version: 1,
      partialize: ({ rate, voiceId }): ReadAloudSettings => ({ rate, voiceId }),
    },
  ),
);
