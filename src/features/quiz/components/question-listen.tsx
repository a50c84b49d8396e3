import { lazy, Suspense, useId, useState } from 'react';
import type { PublicQuestion } from '../../../domain/public-question';
import type { QuestionResponse } from '../../../domain/responses';
import { listQuestionReading } from '../question-reading';

/** The read-aloud player (the article's chunk): loaded when Listen is first pressed. */
const ReadAloudTexts = lazy(() =>
  import('../../../components/read-aloud-player').then((module) => ({
    default: module.ReadAloudTexts,
  })),
);

/**
 * "Listen to the question": opens a small player that reads the question's prompt, then its
 * options in the order shown (listed here, so the player's chunk needs nothing of the quiz's). Keyed by the question where it is used, so moving to another
 * question closes it (and stops the voice).
 */
export function QuestionListen({
  question,
  response,
  language,
}: {
  question: PublicQuestion;
  response: QuestionResponse | undefined;
  /** The article's language, for the voice. */
  language: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="question-listen">
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        Listen to the question
      </button>
      <div id={id}>
        {open && (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <ReadAloudTexts
              texts={listQuestionReading(question, response)}
              subject="the question"
              language={language}
            />
          </Suspense>
        )}
      </div>
    </div>
  );
}
