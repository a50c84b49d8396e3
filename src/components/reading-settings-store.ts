import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import {
  DEFAULT_READING_SETTINGS,
  toReadingProperties,
  type ReadingSettings,
} from './reading-settings';
import { READING_SETTINGS_KEY } from './reading-settings-key';

interface ReadingSettingsState extends ReadingSettings {
  change: <K extends keyof ReadingSettings>(key: K, value: ReadingSettings[K]) => void;
  /** Back to the defaults, and nothing left in storage (the next page loads no settings code). */
  reset: () => void;
}

/**
 * This device's reading settings. Loaded only with the settings panel or when settings are
 * stored, so the reader's first-load JavaScript does not carry zustand's persist.
 */
export const useReadingSettings = create<ReadingSettingsState>()(
  persist(
    (set) => ({
      ...DEFAULT_READING_SETTINGS,
      change: (key, value) => set({ [key]: value }),
      reset: () => {
        set(DEFAULT_READING_SETTINGS);
        useReadingSettings.persist.clearStorage();
      },
    }),
    {
      name: READING_SETTINGS_KEY,
      version: 1,
      partialize: ({ change: _change, reset: _reset, ...settings }) => settings,
    },
  ),
);

/** The paragraph crossing this share of the viewport's height is the one being read. */
const READING_LINE = 0.4;

/**
 * Keeps an article's element set for the stored settings: custom properties on the element (no
 * re-render of the article), and in focus mode the paragraph being read marked, as the reader
 * scrolls (the page or a pane), clicks or tabs into one. Returns the function that stops it.
 */
export function attachReadingSettings(element: HTMLElement): () => void {
  let current: Element | null = null;
  let frame = 0;
  const mark = (paragraph: Element | null) => {
    if (!paragraph || paragraph === current) return;
    current?.removeAttribute('data-reading-current');
    paragraph.setAttribute('data-reading-current', '');
    current = paragraph;
  };
  const followScroll = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const line = window.innerHeight * READING_LINE;
      const paragraphs = [...element.querySelectorAll('.article-body p')];
      mark(
        paragraphs.find((paragraph) => paragraph.getBoundingClientRect().bottom >= line) ??
          paragraphs.at(-1) ??
          null,
      );
    });
  };
  const followTarget = (event: Event) => {
    if (event.target instanceof Element) mark(event.target.closest('.article-body p'));
  };
  let following = false;
  const follow = (on: boolean) => {
    if (on === following) return;
    following = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    // Capturing scroll on the document sees a scrolling pane as well as the page.
    document[method]('scroll', followScroll, { capture: true, passive: true });
    element[method]('click', followTarget);
    element[method]('focusin', followTarget);
    if (on) followScroll();
    else {
      current?.removeAttribute('data-reading-current');
      current = null;
    }
  };

  const apply = (settings: ReadingSettings) => {
    for (const [name, value] of Object.entries(toReadingProperties(settings))) {
      element.style.setProperty(name, value);
    }
    element.toggleAttribute('data-focus-mode', settings.focusMode);
    follow(settings.focusMode);
  };
  apply(useReadingSettings.getState());
  const unsubscribe = useReadingSettings.subscribe(apply);
  return () => {
    unsubscribe();
    follow(false);
    cancelAnimationFrame(frame);
  };
}
