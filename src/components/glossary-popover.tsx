import { useEffect, useLayoutEffect, useRef } from 'react';
import type { GlossaryEntry } from '../domain/glossary';

/** The gap between a term and its definition's box, in pixels. */
const GAP = 6;

/**
 * A glossary definition, loaded when a term is first opened (ArticleView): a small box just below
 * its term, never over it, kept within the article's column, and inside the term's sentence right
 * after the term, so a screen reader reads it next. It is not modal: the text stays usable, and it
 * closes when the term is pressed again, on Escape or its Close button (the focus goes back to
 * the term), or when the focus or a click goes elsewhere.
 */
export function GlossaryPopover({
  termId,
  entry,
  onClose,
}: {
  /** The id of the term's button: the box is placed by it, and the focus returns to it. */
  termId: string;
  entry: GlossaryEntry | undefined;
  onClose: () => void;
}) {
  const box = useRef<HTMLSpanElement>(null);

  // Below the term, from its left edge but moved left as far as needed to fit the column.
  useLayoutEffect(() => {
    const element = box.current;
    const term = document.getElementById(termId);
    const frame = element?.offsetParent;
    if (!element || !term || !frame) return;
    const place = () => {
      const area = frame.getBoundingClientRect();
      const at = term.getBoundingClientRect();
      const width = element.offsetWidth;
      const left = Math.max(0, Math.min(at.left - area.left, area.width - width));
      element.style.left = `${left}px`;
      element.style.top = `${at.bottom - area.top + GAP}px`;
    };
    place();
    element.scrollIntoView?.({ block: 'nearest' });
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [termId]);

  useEffect(() => {
    const term = document.getElementById(termId);
    const inside = (target: EventTarget | null) =>
      target instanceof Node && (box.current?.contains(target) || term?.contains(target));
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !inside(document.activeElement)) return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
      term?.focus();
    };
    const onElsewhere = (event: Event) => {
      if (!inside(event.target)) onClose();
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onElsewhere);
    document.addEventListener('pointerdown', onElsewhere);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onElsewhere);
      document.removeEventListener('pointerdown', onElsewhere);
    };
  }, [termId, onClose]);

  if (!entry) return null;
  return (
    <span id={`${termId}-definition`} ref={box} className="glossary-definition" role="definition">
      <span className="glossary-definition-term">{entry.term}: </span>
      {entry.definition}{' '}
      <button
        type="button"
        className="glossary-close"
        aria-label={`Close the definition of ${entry.term}`}
        onClick={() => {
          onClose();
          document.getElementById(termId)?.focus();
        }}
      >
        Close
      </button>
    </span>
  );
}
