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
