import { useId } from 'react';
import type { PublicMatch } from '../../../domain/public-question';
import type { MatchResponse } from '../../../domain/responses';

interface MatchControlProps {
  question: PublicMatch;
  label: string;
  response: MatchResponse | undefined;
  /** Undefined when the student sets every menu back to "Choose…". */
  onChange: (response: MatchResponse | undefined) => void;
}

/** Matching with one select menu per left-hand item: works the same by mouse, touch and keyboard. */
export function MatchControl({ question, label, response, onChange }: MatchControlProps) {
  const id = useId();
  const pairs = response?.pairs ?? {};

  function choose(leftId: string, rightId: string) {
    const others = Object.entries(pairs).filter(([key]) => key !== leftId);
    const chosen = rightId === '' ? others : [...others, [leftId, rightId]];
    onChange(chosen.length > 0 ? { pairs: Object.fromEntries(chosen) } : undefined);
  }

  return (
    <fieldset className="match-group" aria-describedby={`${id}-hint`}>
      <legend className="question-prompt">{label}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        Choose a match for each item. A choice may be left over.
      </p>
      <div className="match-list">
        {question.left.map((left) => (
          <div key={left.id} className="match-row">
            <label className="match-left" htmlFor={`${id}-${left.id}`}>
              {left.text}
            </label>
            <select
              id={`${id}-${left.id}`}
              className="select-input"
              value={pairs[left.id] ?? ''}
              onChange={(event) => choose(left.id, event.target.value)}
            >
              <option value="">Choose…</option>
              {question.right.map((right) => (
                <option key={right.id} value={right.id}>
                  {right.text}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
