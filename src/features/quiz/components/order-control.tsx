import { useEffect, useId, useRef, useState } from 'react';
import type { PublicOrder } from '../../../domain/public-question';
import type { OrderResponse } from '../../../domain/responses';

interface OrderControlProps {
  question: PublicOrder;
  label: string;
  response: OrderResponse | undefined;
  onChange: (response: OrderResponse) => void;
}

type Direction = 'up' | 'down';

/** The saved order if it lists exactly these items, otherwise the order they were shown in. */
function currentOrder(question: PublicOrder, response: OrderResponse | undefined): string[] {
  const ids = question.items.map((item) => item.id);
  const saved = response?.order;
  const isPermutation =
    saved !== undefined &&
    saved.length === ids.length &&
    ids.every((itemId) => saved.includes(itemId));
  return isPermutation ? saved : ids;
}

/**
 * Ordering with "Move up" and "Move down" buttons on each item. Focus stays on the moved item
 * and a live region says where it went, so the list can be arranged without seeing it.
 */
export function OrderControl({ question, label, response, onChange }: OrderControlProps) {
  const id = useId();
  const order = currentOrder(question, response);
  const textById = new Map(question.items.map((item) => [item.id, item.text]));
  const [announcement, setAnnouncement] = useState('');
  const [focusAfterMove, setFocusAfterMove] = useState<{ itemId: string; direction: Direction }>();
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!focusAfterMove) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>(
      `[data-item-id="${focusAfterMove.itemId}"] button`,
    );
    const [up, down] = buttons ?? [];
    // At the top or bottom the pressed button is disabled: hand focus to its partner.
    const wanted = focusAfterMove.direction === 'up' ? up : down;
    const fallback = focusAfterMove.direction === 'up' ? down : up;
    (wanted && !wanted.disabled ? wanted : fallback)?.focus();
  }, [focusAfterMove]);

  function move(itemId: string, direction: Direction) {
    const from = order.indexOf(itemId);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= order.length) return;
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, itemId);
    onChange({ order: next });
    setAnnouncement(`“${textById.get(itemId)}” moved to position ${to + 1} of ${order.length}.`);
    setFocusAfterMove({ itemId, direction });
  }

  return (
    <fieldset className="order-group" aria-describedby={`${id}-hint`}>
      <legend className="question-prompt">{label}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        Put the items in order, first at the top, with the Up and Down buttons.
      </p>
      <ol className="order-list" ref={listRef}>
        {order.map((itemId, index) => {
          const text = textById.get(itemId) ?? itemId;
          return (
            <li key={itemId} className="order-item" data-item-id={itemId}>
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
                  onClick={() => move(itemId, 'up')}
                >
                  ↑ Up
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Move “${text}” down`}
                  disabled={index === order.length - 1}
                  onClick={() => move(itemId, 'down')}
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
