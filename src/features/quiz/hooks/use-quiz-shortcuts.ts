import { useEffect, useLayoutEffect, useRef } from 'react';

export interface QuizShortcutHandlers {
  next: () => void;
  previous: () => void;
  toggleFlag: () => void;
}

/** Fields where "[" and "]" are typed, not shortcuts. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    )
  );
}

/**
 * The quiz's keyboard shortcuts: Alt+N / Alt+P for the next and previous question and Alt+M to
 * flag it, anywhere (by key position, so they work on every layout and on macOS, where Option
 * types symbols); "]" and "[" too, outside text fields. Nothing fires while a dialog is open.
 */
export function useQuizShortcuts(handlers: QuizShortcutHandlers): void {
  const handlersRef = useRef(handlers);
  useLayoutEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      const { next, previous, toggleFlag } = handlersRef.current;
      let action: (() => void) | undefined;
      if (event.altKey && !event.shiftKey) {
        action = { KeyN: next, KeyP: previous, KeyM: toggleFlag }[event.code];
      } else if (!event.altKey && !isTextEntry(event.target)) {
        action = { ']': next, '[': previous }[event.key];
      }
      if (!action) return;
      event.preventDefault();
      action();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
