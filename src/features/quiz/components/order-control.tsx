import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type PointerEvent,
} from 'react';
import type { PublicOrder } from '../../../domain/public-question';
import type { OrderResponse } from '../../../domain/responses';

interface OrderControlProps {
  question: PublicOrder;
  label: string;
  response: OrderResponse | undefined;
  onChange: (response: OrderResponse) => void;
}

type Direction = 'up' | 'down';

/** An item being dragged by its handle, measured when the drag began. */
interface Drag {
  itemId: string;
  pointerId: number;
  from: number;
  /** Where it would land if dropped now. */
  over: number;
  startY: number;
  offsetY: number;
  /** How far the others move to make room: the dragged item's height plus the gap. */
  step: number;
  /** Each item's vertical middle at the start, in list order. */
  middles: number[];
}

const MOVE_ANIMATION = { duration: 180, easing: 'ease-out' } as const;

/** The saved order if it lists exactly these items, otherwise the order they were shown in. */
export function currentOrder(question: PublicOrder, response: OrderResponse | undefined): string[] {
  const ids = question.items.map((item) => item.id);
  const saved = response?.order;
  const isPermutation =
    saved !== undefined &&
    saved.length === ids.length &&
    ids.every((itemId) => saved.includes(itemId));
  return isPermutation ? saved : ids;
}

function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** How far item `index` is shifted while another is dragged, to show where the drop would go. */
function dragShift(drag: Drag, index: number): number {
  if (drag.from < index && index <= drag.over) return -drag.step;
  if (drag.over <= index && index < drag.from) return drag.step;
  return 0;
}

/**
 * Ordering by dragging an item's handle (pointer events, so mouse, pen and touch alike) or with
 * its "Move up" and "Move down" buttons. A move slides into place (unless the student asks for
 * reduced motion) and a live region says where the item went; after a button press focus stays
 * on the moved item, so the list can be arranged without seeing it.
 */
export function OrderControl({ question, label, response, onChange }: OrderControlProps) {
  const id = useId();
  const order = currentOrder(question, response);
  const textById = new Map(question.items.map((item) => [item.id, item.text]));
  const [announcement, setAnnouncement] = useState('');
  const [focusAfterMove, setFocusAfterMove] = useState<{ itemId: string; direction: Direction }>();
  const [drag, setDrag] = useState<Drag | null>(null);
  const itemElements = useRef(new Map<string, HTMLLIElement>());
  const positionsBeforeMove = useRef<Map<string, DOMRect> | null>(null);
  const orderKey = order.join('\n');

  useEffect(() => {
    if (!focusAfterMove) return;
    const buttons = itemElements.current
      .get(focusAfterMove.itemId)
      ?.querySelectorAll<HTMLButtonElement>('.order-buttons button');
    const [up, down] = buttons ?? [];
    // At the top or bottom the pressed button is disabled: hand focus to its partner.
    const wanted = focusAfterMove.direction === 'up' ? up : down;
    const fallback = focusAfterMove.direction === 'up' ? down : up;
    (wanted && !wanted.disabled ? wanted : fallback)?.focus();
  }, [focusAfterMove]);

  // Slide each item from where it was drawn before the move to its new place (FLIP).
  useLayoutEffect(() => {
    const before = positionsBeforeMove.current;
    positionsBeforeMove.current = null;
    if (!before || prefersReducedMotion()) return;
    for (const [itemId, element] of itemElements.current) {
      const from = before.get(itemId);
      const offset = from ? from.top - element.getBoundingClientRect().top : 0;
      if (offset !== 0 && typeof element.animate === 'function') {
        element.animate(
          [{ transform: `translateY(${offset}px)` }, { transform: 'none' }],
          MOVE_ANIMATION,
        );
      }
    }
  }, [orderKey]);

  function moveTo(itemId: string, to: number) {
    const from = order.indexOf(itemId);
    if (from < 0 || to < 0 || to >= order.length || to === from) return;
    positionsBeforeMove.current = new Map(
      [...itemElements.current].map(([key, element]) => [key, element.getBoundingClientRect()]),
    );
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, itemId);
    onChange({ order: next });
    setAnnouncement(`Moved “${textById.get(itemId)}” to position ${to + 1} of ${order.length}.`);
  }

  function moveByButton(itemId: string, direction: Direction) {
    const from = order.indexOf(itemId);
    moveTo(itemId, direction === 'up' ? from - 1 : from + 1);
    setFocusAfterMove({ itemId, direction });
  }

  function startDrag(event: PointerEvent<HTMLElement>, itemId: string) {
    if (event.button !== 0 || drag) return;
    // No text selection or page scrolling while the handle is held.
    event.preventDefault();
    const handle = event.currentTarget;
    if (typeof handle.setPointerCapture === 'function') handle.setPointerCapture(event.pointerId);
    const rects = order.map((key) => itemElements.current.get(key)?.getBoundingClientRect());
    const from = order.indexOf(itemId);
    const own = rects[from];
    const neighbour = rects[from + 1] ?? rects[from - 1];
    const gap = own && neighbour ? Math.abs(neighbour.top - own.top) - own.height : 0;
    setDrag({
      itemId,
      pointerId: event.pointerId,
      from,
      over: from,
      startY: event.clientY,
      offsetY: 0,
      step: (own?.height ?? 0) + Math.max(gap, 0),
      middles: rects.map((rect) => (rect ? rect.top + rect.height / 2 : 0)),
    });
  }

  function continueDrag(event: PointerEvent<HTMLElement>) {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const offsetY = event.clientY - drag.startY;
    const middle = (drag.middles[drag.from] ?? 0) + offsetY;
    const over = drag.middles.filter(
      (other, index) => index !== drag.from && other < middle,
    ).length;
    setDrag({ ...drag, offsetY, over });
  }

  function endDrag(event: PointerEvent<HTMLElement>, drop: boolean) {
    if (!drag || event.pointerId !== drag.pointerId) return;
    setDrag(null);
    if (drop) moveTo(drag.itemId, drag.over);
  }

  function itemStyle(itemId: string, index: number): CSSProperties | undefined {
    if (!drag) return undefined;
    const offset = itemId === drag.itemId ? drag.offsetY : dragShift(drag, index);
    return offset === 0 ? undefined : { transform: `translateY(${offset}px)` };
  }

  return (
    <fieldset className="order-group" aria-describedby={`${id}-hint`}>
      <legend className="question-prompt">{label}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        Put the items in order, first at the top: drag an item by its handle, or use its Up and Down
        buttons.
      </p>
      <ol className={drag ? 'order-list is-dragging' : 'order-list'}>
        {order.map((itemId, index) => {
          const text = textById.get(itemId) ?? itemId;
          const dragged = drag?.itemId === itemId;
          return (
            <li
              key={itemId}
              ref={(element) => {
                if (element) itemElements.current.set(itemId, element);
                else itemElements.current.delete(itemId);
              }}
              className={dragged ? 'order-item is-dragged' : 'order-item'}
              data-item-id={itemId}
              style={itemStyle(itemId, index)}
            >
              {/* Hidden from assistive technology: the buttons do the same, by keyboard too. */}
              <span
                className="order-handle"
                aria-hidden="true"
                title={`Drag “${text}”`}
                onPointerDown={(event) => startDrag(event, itemId)}
                onPointerMove={continueDrag}
                onPointerUp={(event) => endDrag(event, true)}
                onPointerCancel={(event) => endDrag(event, false)}
                onLostPointerCapture={(event) => endDrag(event, false)}
              >
                ⠿
              </span>
              <span className="order-position" aria-hidden="true">
                {index + 1}
              </span>
              <span className="order-text">{text}</span>
              <span className="order-buttons">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Move “${text}” up`}
                  disabled={index === 0}
                  onClick={() => moveByButton(itemId, 'up')}
                >
                  ↑ Up
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Move “${text}” down`}
                  disabled={index === order.length - 1}
                  onClick={() => moveByButton(itemId, 'down')}
                >
                  ↓ Down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {response === undefined && (
        <p className="order-keep">
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => onChange({ order })}
          >
            Keep this order as my answer
          </button>
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
