/*
 * Small drawings for empty states, in the app's colours (illustrations.css). They are decoration:
 * hidden from assistive technology, with the words beside them saying everything.
 */
import type { ReactNode } from 'react';
import './illustrations.css';

/** The frame every illustration is drawn in: one size, hidden from assistive technology. */
function IllustrationFrame({ children }: { children: ReactNode }) {
  return (
    <svg
      className="illustration"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 160 100"
      width="160"
      height="100"
    >
      {children}
    </svg>
  );
}

/** An open book with a marked line and a question mark: nothing here (yet). */
export function OpenBookIllustration() {
  return (
    <IllustrationFrame>
      <path className="illustration-shadow" d="M18 88h124" />
      <path className="illustration-page" d="M80 24c-14-9-36-11-58-7v64c22-4 44-2 58 7z" />
      <path className="illustration-page" d="M80 24c14-9 36-11 58-7v64c-22-4-44-2-58 7z" />
      <path className="illustration-line" d="M32 33c11-2 25-1 38 3M32 45c11-2 25-1 38 3" />
      <path className="illustration-marker" d="M31 55c12-2 26-1 40 3" />
      <path className="illustration-line" d="M32 69c11-2 25-1 38 3" />
      <path
        className="illustration-accent"
        d="M103 40c0-6 5-10 10-10s10 4 10 9c0 7-9 7-9 14M114 62v1"
      />
    </IllustrationFrame>
  );
}

/** A page of answers, every one ticked: nothing left to look at again. */
export function AllRightIllustration() {
  return (
    <IllustrationFrame>
      <path className="illustration-shadow" d="M38 92h84" />
      <rect className="illustration-page" x="48" y="8" width="64" height="80" rx="6" />
      <path className="illustration-marker" d="M77 46h24" />
      <path className="illustration-check" d="M58 26l4 4 8-9M58 46l4 4 8-9M58 66l4 4 8-9" />
      <path className="illustration-line" d="M78 26h22M78 46h22M78 66h16" />
      <path className="illustration-accent" d="M124 20l3 7 7 1-5 5 1 7-6-3-6 3 1-7-5-5 7-1z" />
    </IllustrationFrame>
  );
}
