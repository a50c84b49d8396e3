import { useId } from 'react';
import type { PublicShort } from '../../../domain/public-question';
import type { ShortResponse } from '../../../domain/responses';
import { MAX_SHORT_ANSWER_LENGTH } from '../../../domain/question-types/shared';

interface ShortAnswerControlProps {
  question: PublicShort;
  label: string;
  response: ShortResponse | undefined;
  /** Undefined when the student empties the field. */
  onChange: (response: ShortResponse | undefined) => void;
}

export function ShortAnswerControl({ label, response, onChange }: ShortAnswerControlProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="question-prompt" htmlFor={id}>
        {label}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        A word or a few words are enough. Capitals and punctuation do not matter.
      </p>
      <input
        id={id}
        className="text-input"
        type="text"
        autoComplete="off"
        maxLength={MAX_SHORT_ANSWER_LENGTH}
        aria-describedby={`${id}-hint`}
        value={response?.text ?? ''}
        onChange={(event) =>
          onChange(event.target.value === '' ? undefined : { text: event.target.value })
        }
      />
    </div>
  );
}
