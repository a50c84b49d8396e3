import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { agreeWith } from '../../../domain/plural';
import type { PublicQuestion } from '../../../domain/public-question';

interface SubmitSummaryProps {
  questions: readonly PublicQuestion[];
  answered: ReadonlySet<string>;
  flagged: ReadonlySet<string>;
  onGoToQuestion: (questionId: string) => void;
  onSubmit: () => void;
  submitting: boolean;
  /** Why the last try to submit failed. */
  submitError: string | null;
}

function QuestionLinks({
  questions,
  labelledBy,
  onGoToQuestion,
}: {
  questions: PublicQuestion[];
  labelledBy: string;
  onGoToQuestion: (questionId: string) => void;
}) {
  return (
    <ul className="summary-list" aria-labelledby={labelledBy}>
      {questions.map((question) => (
        <li key={question.id}>
          <button
            type="button"
            className="button button-small button-quiet summary-question"
            onClick={() => onGoToQuestion(question.id)}
          >
            Question {question.number}
            <span className="summary-prompt">{question.prompt}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Before submitting: what is unanswered and what is flagged, then a confirmation. */
export function SubmitSummary({
  questions,
  answered,
  flagged,
  onGoToQuestion,
  onSubmit,
  submitting,
  submitError,
}: SubmitSummaryProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const unanswered = questions.filter((question) => !answered.has(question.id));
  const flaggedQuestions = questions.filter((question) => flagged.has(question.id));

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="submit-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" ref={headingRef} tabIndex={-1}>
        Check before you submit
      </h2>
      <p>
        You answered {answered.size} of {questions.length} questions.
      </p>
      {unanswered.length > 0 ? (
        <>
          <h3 id="summary-unanswered">Not answered ({unanswered.length})</h3>
          <QuestionLinks
            questions={unanswered}
            labelledBy="summary-unanswered"
            onGoToQuestion={onGoToQuestion}
          />
        </>
      ) : (
        <p>Every question has an answer.</p>
      )}
      {flaggedQuestions.length > 0 && (
        <>
          <h3 id="summary-flagged">Flagged for review ({flaggedQuestions.length})</h3>
          <QuestionLinks
            questions={flaggedQuestions}
            labelledBy="summary-flagged"
            onGoToQuestion={onGoToQuestion}
          />
        </>
      )}
      {submitError && (
        <div className="notice notice-danger" role="alert">
          <p>{submitError}</p>
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={submitting}
          onClick={() => setConfirming(true)}
        >
          {submitting ? 'Submitting…' : 'Submit answers'}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Submit your answers?"
        confirmLabel="Submit"
        cancelLabel="Keep working"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onSubmit();
        }}
      >
        <p>
          {unanswered.length > 0
            ? `${unanswered.length} of ${questions.length} questions ${agreeWith(unanswered.length, 'has', 'have')} no answer and will score nothing. `
            : 'Every question has an answer. '}
          Once submitted, answers cannot be changed.
        </p>
      </ConfirmDialog>
    </section>
  );
}
