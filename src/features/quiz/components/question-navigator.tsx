import type { PublicQuestion } from '../../../domain/public-question';

interface QuestionNavigatorProps {
  questions: readonly PublicQuestion[];
  currentQuestionId: string | null;
  answered: ReadonlySet<string>;
  flagged: ReadonlySet<string>;
  onSelect: (questionId: string) => void;
}

/** Describes a question's state in words, for its button's accessible name. */
function describeState(answered: boolean, flagged: boolean): string {
  return [answered ? 'answered' : 'not answered', flagged ? 'flagged for review' : '']
    .filter(Boolean)
    .join(', ');
}

/** One button per question, showing at a glance which are answered and which are flagged. */
export function QuestionNavigator({
  questions,
  currentQuestionId,
  answered,
  flagged,
  onSelect,
}: QuestionNavigatorProps) {
  return (
    <nav className="question-navigator" aria-label="Questions">
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
        <span className="legend-item legend-flagged">⚑ Flagged</span>
      </p>
    </nav>
  );
}
