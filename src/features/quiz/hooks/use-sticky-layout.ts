import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** The CSS variable (on the root element) holding the sticky quiz bar's height. */
export const QUIZ_BAR_HEIGHT_VARIABLE = '--quiz-bar-height';

/** Room kept free above and below the sticky question column, in pixels. */
const COLUMN_MARGIN = 32;

/**
 * Keeps the quiz's sticky parts from hiding each other: publishes the sticky bar's height (the
 * question column, the article's notice and scroll padding sit below it), and says whether the
 * question column fits in the viewport under the bar. Only a column that fits may stick: a taller
 * one (a two-part or order question on a laptop) would have its end, with Next, cut off.
 * `layout` names the arrangement on screen: the elements are observed anew when it changes.
 */
export function useStickyLayout(
  bar: RefObject<HTMLElement | null>,
  column: RefObject<HTMLElement | null>,
  layout: string,
): { columnFits: boolean } {
  const [columnFits, setColumnFits] = useState(false);

  useEffect(() => {
    const root = document.documentElement;
    function measure() {
      const barHeight = bar.current?.offsetHeight ?? 0;
      root.style.setProperty(QUIZ_BAR_HEIGHT_VARIABLE, `${barHeight}px`);
      const columnHeight = column.current?.offsetHeight;
      setColumnFits(
        columnHeight !== undefined &&
          columnHeight + barHeight + COLUMN_MARGIN <= window.innerHeight,
      );
    }
    measure();
    window.addEventListener('resize', measure);
    // jsdom has no ResizeObserver: there the layout never changes size anyway.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    for (const element of [bar.current, column.current]) {
      if (element) observer?.observe(element);
    }
    return () => {
      window.removeEventListener('resize', measure);
      observer?.disconnect();
      root.style.removeProperty(QUIZ_BAR_HEIGHT_VARIABLE);
    };
  }, [bar, column, layout]);

  // A column that stops sticking drops back to its place in the page, which may be far above the
  // screen: keep what has focus there (the heading of the submit check, say) in sight.
  useLayoutEffect(() => {
    if (columnFits) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && column.current?.contains(active)) {
      active.scrollIntoView({ block: 'nearest' });
    }
  }, [columnFits, column]);

  return { columnFits };
}
