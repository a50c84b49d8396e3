import { useEffect, useRef } from 'react';
import { formatCount } from '../../../domain/plural';
import { describeRequestProblem } from '../../../lib/describe-request-problem';
import type { PreviewFailure, useStartPreview } from '../../../lib/use-start-preview';
import { ProblemList } from './problem-list';
import { problemsOf } from './publish-problems';

/** Which version a preview will show, from the saved draft's problems and the versions out. */
function describeTarget(problemCount: number, latestVersion: number | null): string {
  if (problemCount === 0) return 'It shows the draft as saved.';
  const problems = formatCount(problemCount, 'problem');
  return latestVersion === null
    ? `The saved draft has ${problems} to fix before it can be previewed.`
    : `The saved draft has ${problems}, so the preview shows published version ${latestVersion}. Fix them to preview the draft.`;
}

function describeFailure(failure: PreviewFailure): string {
  if (failure.kind === 'unsaved') {
    return 'The draft is not saved yet, so a preview would not show it. See above.';
  }
  const what = failure.questionId === null ? 'it' : `question “${failure.questionId}”`;
  return problemsOf(failure.error).length > 0
    ? `Fix the quiz before previewing ${what}:`
    : describeRequestProblem(failure.error);
}

/**
 * The bank editor's "Preview quiz": the real quiz player on this quiz, not graded, with which
 * version it shows and, when a preview of the quiz or of one question cannot start, why (the
 * problems to fix), focused when it appears.
 */
export function PreviewSection({
  preview: { startPreview, starting, failure },
  problemCount,
  latestVersion,
}: {
  preview: ReturnType<typeof useStartPreview>;
  problemCount: number;
  latestVersion: number | null;
}) {
  const refusalRef = useRef<HTMLElement>(null);
  const problems = failure?.kind === 'refused' ? problemsOf(failure.error) : [];
  useEffect(() => refusalRef.current?.focus(), [failure]);
  return (
    <section aria-labelledby="bank-preview" className="bank-preview">
      <h2 id="bank-preview">Preview</h2>
      <p className="field-hint">
        Answer the quiz as a student would, then see its review. A preview is not graded and reaches
        no gradebook or statistics. {describeTarget(problemCount, latestVersion)}
      </p>
      <p className="button-row">
        <button
          type="button"
          className="button"
          disabled={starting}
          onClick={() => void startPreview()}
        >
          {starting ? 'Starting the preview…' : 'Preview quiz'}
        </button>
      </p>
      {failure && (
        // Focused when it appears: a question's own Preview button is far above it.
        <section
          ref={refusalRef}
          tabIndex={-1}
          className="notice notice-danger"
          aria-labelledby="bank-preview-refused"
        >
          <h3 id="bank-preview-refused">{describeFailure(failure)}</h3>
          {problems.length > 0 && <ProblemList problems={problems} />}
        </section>
      )}
    </section>
  );
}
