import { useId } from 'react';
import type { PublicCloze } from '../../../domain/public-question';
import type { ClozeResponse } from '../../../domain/responses';
import { MAX_SHORT_ANSWER_LENGTH } from '../../../domain/question-types/shared';

interface ClozeControlProps {
  question: Pick<PublicCloze, 'segments'>;
  label: string;
  response: ClozeResponse | undefined;
  /** Undefined once every gap is empty again. */
  onChange: (response: ClozeResponse | undefined) => void;
}

/** The answer with one gap set to `text`; an emptied gap is left out. */
function withGap(
  gaps: Readonly<Record<string, string>>,
  gapId: string,
  text: string,
): ClozeResponse | undefined {
  const next = Object.fromEntries(Object.entries(gaps).filter(([id]) => id !== gapId));
  if (text !== '') next[gapId] = text;
  return Object.keys(next).length > 0 ? { gaps: next } : undefined;
}

/**
 * The passage with its gaps in place, read as one sentence: a drop-down or a text field in each
 * gap, labelled "Gap 1", "Gap 2" … so a screen reader names each one in order.
 */
export function ClozeControl({ question, label, response, onChange }: ClozeControlProps) {
  const id = useId();
  const gaps = response?.gaps ?? {};
  const gapIds = question.segments.flatMap((segment) =>
    segment.kind === 'gap' ? [segment.gapId] : [],
  );
  const gapCount = gapIds.length;
  return (
    <div className="field">
      <p className="question-prompt" id={`${id}-prompt`}>
        {label}
      </p>
      <p className="field-hint" id={`${id}-hint`}>
        Fill {gapCount === 1 ? 'the gap' : `all ${gapCount} gaps`} with the article&rsquo;s own
        words. The sentence they come from is hidden in the article while this question is open.
      </p>
      <p className="cloze-text" role="group" aria-labelledby={`${id}-prompt`}>
        {question.segments.map((segment, index) => {
          if (segment.kind === 'text') return <span key={index}>{segment.text}</span>;
          const gapLabel = `Gap ${gapIds.indexOf(segment.gapId) + 1} of ${gapCount}`;
          const value = gaps[segment.gapId] ?? '';
          const change = (text: string) => onChange(withGap(gaps, segment.gapId, text));
          return segment.choices === null ? (
            <input
              key={segment.gapId}
              className="text-input cloze-gap"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={MAX_SHORT_ANSWER_LENGTH}
              aria-label={gapLabel}
              aria-describedby={`${id}-hint`}
              value={value}
              onChange={(event) => change(event.target.value)}
            />
          ) : (
            <select
              key={segment.gapId}
              className="select-input cloze-gap"
              aria-label={gapLabel}
              aria-describedby={`${id}-hint`}
              value={value}
              onChange={(event) => change(event.target.value)}
            >
              <option value="">Choose…</option>
              {segment.choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          );
        })}
      </p>
    </div>
  );
}
