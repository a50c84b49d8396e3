import { useId, type Ref } from 'react';
import { formatCount } from '../../../domain/plural';
import type { ContentProblem } from '../../../lib/authoring-api-client';

/**
 * Where a problem is. In an article, `bodyLine` is the file line its text starts on: a problem
 * below it is placed by its line in the text box, one above it is in the fields (the front matter).
 */
function placeOf(problem: ContentProblem, bodyLine: number | undefined): string {
  if (bodyLine === undefined) return `Line ${problem.line}`;
  return problem.line >= bodyLine
    ? `Text, line ${problem.line - bodyLine + 1}`
    : `Details (line ${problem.line} of the front matter)`;
}

/** Problems as `check:content` reports them, each with its line. */
export function ProblemList({
  problems,
  bodyLine,
}: {
  problems: readonly ContentProblem[];
  bodyLine?: number;
}) {
  return (
    <ul className="authoring-problems">
      {problems.map((problem, index) => (
        // The same message may come twice; its place in the list tells them apart.
        <li key={`${index}:${problem.line}:${problem.message}`}>
          <strong>{placeOf(problem, bodyLine)}:</strong> {problem.message}
        </li>
      ))}
    </ul>
  );
}

/** Why publishing was refused: the problems to fix, focused when it appears (`usePublish`). */
export function PublishRefusal({
  problems,
  bodyLine,
  ref,
}: {
  problems: readonly ContentProblem[];
  bodyLine?: number;
  ref: Ref<HTMLElement>;
}) {
  const headingId = useId();
  return (
    <section ref={ref} tabIndex={-1} className="notice notice-danger" aria-labelledby={headingId}>
      <h3 id={headingId}>Not published: {formatCount(problems.length, 'problem')} to fix</h3>
      <ProblemList problems={problems} bodyLine={bodyLine} />
    </section>
  );
}
