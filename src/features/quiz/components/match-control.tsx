import { useId, useState, type KeyboardEvent } from 'react';
import type { PublicMatch } from '../../../domain/public-question';
import type { MatchResponse } from '../../../domain/responses';

interface MatchControlProps {
  question: PublicMatch;
  label: string;
  response: MatchResponse | undefined;
  /** Undefined when the student undoes the last pair. */
  onChange: (response: MatchResponse | undefined) => void;
}

type Side = 'left' | 'right';

/** The card picked first, waiting for its partner on the other side. */
interface Picked {
  side: Side;
  id: string;
}

interface MatchCardProps {
  /** The button's DOM id, so focus can come back to it. */
  id: string;
  text: string;
  /** What it is matched with, read after its name. */
  note: string;
  matched: boolean;
  picked: boolean;
  onPress: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}

/** One item or choice: a toggle button showing its whole text, pressed while picked. */
function MatchCard({ id, text, note, matched, picked, onPress, onKeyDown }: MatchCardProps) {
  return (
    <li>
      <button
        type="button"
        id={id}
        className={matched ? 'match-card is-matched' : 'match-card'}
        aria-label={text}
        aria-pressed={picked}
        aria-describedby={`${id}-note`}
        onClick={onPress}
        onKeyDown={onKeyDown}
      >
        <span className="match-card-text">{text}</span>
        <span className="match-card-note" id={`${id}-note`}>
          {note}
        </span>
      </button>
    </li>
  );
}

/**
 * Matching by tap-to-pair: press an item, then the choice that matches it (or the other way
 * round). Cards show their whole text; every card is a toggle button, so it works the same by
 * touch, mouse, keyboard and screen reader, and a polite live region says what each press did.
 * The pairs are listed below, each with Undo. Two items may share a choice (a speaker can say
 * two things), so a choice stays available after it is used.
 */
export function MatchControl({ question, label, response, onChange }: MatchControlProps) {
  const id = useId();
  const pairs = response?.pairs ?? {};
  const [picked, setPicked] = useState<Picked | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const leftText = new Map(question.left.map((item) => [item.id, item.text]));
  const rightText = new Map(question.right.map((item) => [item.id, item.text]));
  const countMatched = (next: Record<string, string>) =>
    question.left.filter((left) => next[left.id] !== undefined).length;
  const progressOf = (next: Record<string, string>) =>
    `${countMatched(next)} of ${question.left.length} items matched`;
  const pairCount = countMatched(pairs);

  function update(next: Record<string, string>) {
    onChange(Object.keys(next).length > 0 ? { pairs: next } : undefined);
  }

  function pair(leftId: string, rightId: string) {
    const replaced = pairs[leftId];
    const next = { ...pairs, [leftId]: rightId };
    update(next);
    setPicked(null);
    const was = replaced && replaced !== rightId ? ` instead of “${rightText.get(replaced)}”` : '';
    setAnnouncement(
      `Matched “${leftText.get(leftId)}” with “${rightText.get(rightId)}”${was}. ${progressOf(next)}.`,
    );
  }

  function press(side: Side, cardId: string) {
    if (picked?.side === side && picked.id === cardId) {
      setPicked(null);
      setAnnouncement('Selection cleared.');
      return;
    }
    if (picked && picked.side !== side) {
      if (side === 'right') pair(picked.id, cardId);
      else pair(cardId, picked.id);
      return;
    }
    setPicked({ side, id: cardId });
    setAnnouncement(
      side === 'left'
        ? `Selected “${leftText.get(cardId)}”. Now press the choice that matches it.`
        : `Selected “${rightText.get(cardId)}”. Now press the item it matches.`,
    );
  }

  function undo(leftId: string) {
    const rightId = pairs[leftId] ?? '';
    const next = Object.fromEntries(Object.entries(pairs).filter(([key]) => key !== leftId));
    update(next);
    setAnnouncement(
      `Undid the pair “${leftText.get(leftId)}” and “${rightText.get(rightId)}”. ${progressOf(next)}.`,
    );
    // The Undo button is gone: focus the item, so the student can pair it again from there.
    document.getElementById(`${id}-left-${leftId}`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'Escape' || !picked) return;
    event.preventDefault();
    setPicked(null);
    setAnnouncement('Selection cleared.');
  }

  const leftNote = (leftId: string) => {
    if (picked?.side === 'left' && picked.id === leftId) return 'Selected: now press its match';
    const rightId = pairs[leftId];
    return rightId ? `Matched with “${rightText.get(rightId)}”` : 'Not matched yet';
  };
  const rightNote = (rightId: string) => {
    if (picked?.side === 'right' && picked.id === rightId) return 'Selected: now press its item';
    const count = Object.values(pairs).filter((partner) => partner === rightId).length;
    if (count === 0) return 'Not used yet';
    return count === 1 ? 'Matched with 1 item' : `Matched with ${count} items`;
  };

  /** The items, then the choices: each a column of cards, pressed to pair them. */
  const columns: {
    side: Side;
    heading: string;
    headingId: string;
    cards: readonly { id: string; text: string }[];
    noteOf: (cardId: string) => string;
    isMatched: (cardId: string) => boolean;
  }[] = [
    {
      side: 'left',
      heading: 'Items',
      headingId: `${id}-items`,
      cards: question.left,
      noteOf: leftNote,
      isMatched: (leftId) => pairs[leftId] !== undefined,
    },
    {
      side: 'right',
      heading: 'Choices',
      headingId: `${id}-choices`,
      cards: question.right,
      noteOf: rightNote,
      isMatched: (rightId) => Object.values(pairs).includes(rightId),
    },
  ];

  return (
    <fieldset className="match-group" aria-describedby={`${id}-hint`}>
      <legend className="question-prompt">{label}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        Press an item, then the choice that matches it. A choice may match more than one item, or be
        left over. Escape clears a selection.
      </p>
      <div className="match-columns">
        {columns.map(({ side, heading, headingId, cards, noteOf, isMatched }) => (
          <div key={side} role="group" aria-labelledby={headingId} className="match-column">
            <p className="match-heading" id={headingId}>
              {heading}
            </p>
            <ul className="match-cards">
              {cards.map((card) => (
                <MatchCard
                  key={card.id}
                  id={`${id}-${side}-${card.id}`}
                  text={card.text}
                  note={noteOf(card.id)}
                  matched={isMatched(card.id)}
                  picked={picked?.side === side && picked.id === card.id}
                  onPress={() => press(side, card.id)}
                  onKeyDown={onKeyDown}
                />
              ))}
            </ul>
          </div>
        ))}
      </div>
      <p className="match-heading" id={`${id}-pairs`}>
        Your pairs ({progressOf(pairs)})
      </p>
      {pairCount === 0 ? (
        <p className="muted">No pairs yet.</p>
      ) : (
        <ul className="match-pairs" aria-labelledby={`${id}-pairs`}>
          {question.left.map((left) => {
            const rightId = pairs[left.id];
            if (!rightId) return null;
            const right = rightText.get(rightId) ?? rightId;
            return (
              <li key={left.id} className="match-pair">
                <span className="match-pair-text">
                  {left.text} <span aria-hidden="true">→</span>
                  <span className="visually-hidden">matched with</span> {right}
                </span>
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`Undo the pair “${left.text}” and “${right}”`}
                  onClick={() => undo(left.id)}
                >
                  Undo
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
