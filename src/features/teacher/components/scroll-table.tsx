import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a phone. The scrolling box takes focus, so it can be
 * scrolled with the arrow keys, and is named for screen readers.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
