import { useId, useState } from 'react';
import { matchTypedAnswer } from '../../../domain/match-typed-answer';

/** A few ways a student might type the first accepted answer, to show what the matcher forgives. */
function listVariants(answer: string): string[] {
  const trimmed = answer.trim();
  if (trimmed === '') return [];
  const words = trimmed.split(/\s+/);
  const variants = [trimmed.toUpperCase(), `the ${trimmed}.`];
  if (words.length > 1) variants.push(words.slice(1).join(' '));
  variants.push(trimmed.slice(0, -1));
  return [...new Set(variants)].filter((variant) => variant !== '');
}

function describeMatch(answers: readonly string[], given: string, evidenceText: string): string {
  const matched = matchTypedAnswer(answers, given, evidenceText);
  return matched === undefined ? 'Not accepted' : `Accepted (as “${matched}”)`;
}

/**
 * What the accepted answers would let through, by the same matcher that scores students: a few
 * typed variants of the first answer, and a box to try any answer.
 */
export function AcceptedAnswersPreview({
  answers,
  evidenceText,
}: {
  answers: readonly string[];
  evidenceText: string;
}) {
  const inputId = useId();
  const [tried, setTried] = useState('');
  const variants = listVariants(answers[0] ?? '');
  return (
    <section className="authoring-preview" aria-label="Which answers would be accepted">
      {variants.length > 0 ? (
        <table className="authoring-preview-table">
          <caption>These typed answers would be scored so</caption>
          <thead>
            <tr>
              <th scope="col">A student types</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {variants.map((variant) => (
              <tr key={variant}>
                <td>{variant}</td>
                <td>{describeMatch(answers, variant, evidenceText)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="field">
        <label className="field-label" htmlFor={inputId}>
          Try an answer
        </label>
        <input
          id={inputId}
          className="text-input"
          value={tried}
          onChange={(event) => setTried(event.target.value)}
        />
        <p role="status" className="authoring-preview-result">
          {tried.trim() === '' ? '' : describeMatch(answers, tried, evidenceText)}
        </p>
      </div>
    </section>
  );
}
