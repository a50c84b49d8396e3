import type { PublicQuestion } from '../../../domain/public-question';

interface QuestionNavigatorProps {
  /** The DOM id, for the button that shows and hides the navigator on a phone. */
  id: string;
  questions: readonly PublicQuestion[];
  currentQuestionId: string | null;
  answered: ReadonlySet<string>;
  flagged: ReadonlySet<string>;
  onSelect: (questionId: string) => void;
  /** Closed, on a phone. */
  hidden?: boolean;
  /** Escape pressed inside: the phone's navigator closes. */
  onEscape?: () => void;
}

/** Describes a question's state in words, for its button's accessible name. */
function describeState(answered: boolean, flagged: boolean): string {
  return [answered ? 'answered' : 'not answered', flagged ? 'flagged for review' : '']
    .filter(Boolean)
    .join(', ');
}

/**
 * One button per question, showing at a glance which are answered (filled), which are not
 * (dashed outline) and which are flagged (a flag): shapes as well as colours, in both themes.
 */
export function QuestionNavigator({
  id,
  questions,
  currentQuestionId,
  answered,
  flagged,
  onSelect,
  hidden = false,
  onEscape,
}: QuestionNavigatorProps) {
  return (
    <nav id={id} hidden={hidden} className="question-navigator" aria-label="Questions">
      <ol className="navigator-list">
        {questions.map((question) => {
          const isAnswered = answered.has(question.id);
          const isFlagged = flagged.has(question.id);
          const classes = [
            'navigator-button',
            isAnswered ? 'is-answered' : 'is-unanswered',
            isFlagged ? 'is-flagged' : '',
          ].join(' ');
          return (
            <li key={question.id}>
              <button
                type="button"
                className={classes}
                aria-current={question.id === currentQuestionId ? 'step' : undefined}
                aria-label={`Question ${question.number}, ${describeState(isAnswered, isFlagged)}`}
                onClick={() => onSelect(question.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape' && onEscape) {
                    event.preventDefault();
                    onEscape();
                  }
                }}
              >
                {question.number}
                {isFlagged && (
                  <span className="navigator-flag" aria-hidden="true">
                    ⚑
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="navigator-legend" aria-hidden="true">
        <span className="legend-item legend-answered">Answered</span>
        <span className="legend-item legend-unanswered">Not answered</span>
        <span className="legend-item legend-flagged">Flagged</span>
      </p>
    </nav>
  );
}
