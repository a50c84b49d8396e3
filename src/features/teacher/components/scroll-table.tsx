import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a phone. The scrolling box takes focus, so it can be
 * scrolled with the arrow keys, and is named for screen readers. When the table is wider than its
 * box, a line above it says so and a shadow marks the edge with more columns (teacher.css).
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);

  useEffect(() => {
    const box = boxRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflowing(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);

  return (
    <>
      {overflowing && (
        // Screen readers move through the table cell by cell; the hint is for the eye.
        <p className="scroll-hint" aria-hidden="true">
          Scroll sideways to see every column →
        </p>
      )}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div ref={boxRef} className="table-scroll" role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
