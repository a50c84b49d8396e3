import type { Article } from '../../../domain/article';
import type { QuestionReview, ResultStatus } from '../../../domain/results';
import { SKILL_LABELS } from '../../../lib/labels';
import { AnswerView } from './answer-view';
import { formatPoints } from './score-summary';

const STATUS_LABELS: Record<ResultStatus, string> = {
  correct: 'Correct',
  partial: 'Partly right',
  incorrect: 'Wrong',
  unanswered: 'Not answered',
};

const STATUS_ICONS: Record<ResultStatus, string> = {
  correct: '✓',
  partial: '◐',
  incorrect: '✗',
  unanswered: '–',
};

/** The DOM id of a reviewed question's heading, to come back to from the article. */
export function reviewHeadingId(questionId: string): string {
  return `review-${questionId}`;
}

interface ReviewItemProps {
  review: QuestionReview;
  article: Article;
  onShowEvidence: () => void;
}

/** One question of the review: the answer given, the right one, why, and where the article says so. */
export function ReviewItem({ review, article, onShowEvidence }: ReviewItemProps) {
  const { question, status } = review;
  const headingId = reviewHeadingId(question.id);

  return (
    <article className={`review-item status-${status}`} aria-labelledby={headingId}>
      <header className="review-item-header">
        <h3 id={headingId} tabIndex={-1}>
          Question {question.number}
        </h3>
        <p className={`status-badge status-badge-${status}`}>
          <span aria-hidden="true">{STATUS_ICONS[status]}</span> {STATUS_LABELS[status]}
        </p>
        <p className="review-points">
          {formatPoints(review.points)} of {formatPoints(review.maxPoints)}{' '}
          {review.maxPoints === 1 ? 'point' : 'points'}
        </p>
      </header>
      <p className="review-prompt">{question.prompt}</p>
      {question.type === 'judgement' && (
        <blockquote className="statement">
          <p>{question.statement}</p>
        </blockquote>
      )}
      {question.type === 'evidence' && (
        <blockquote className="statement">
          <p>{question.claim}</p>
        </blockquote>
      )}
      <dl className="review-answers">
        <div>
          <dt>Your answer</dt>
          <dd>
            <AnswerView item={question} response={review.response} article={article} />
          </dd>
        </div>
        {status !== 'correct' && (
          <div>
            <dt>Right answer</dt>
            <dd>
              <AnswerView item={question} response={review.correctResponse} article={article} />
            </dd>
          </div>
        )}
        {review.feedback.length > 0 && (
          <div>
            <dt>About your answer</dt>
            <dd>
              <ul className="review-feedback">
                {review.feedback.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>Explanation</dt>
          <dd>{review.explanation}</dd>
        </div>
      </dl>
      <p className="review-item-footer">
        <span className="tag">{SKILL_LABELS[question.skill]}</span>
        {review.evidence.length > 0 && (
          <button
            type="button"
            className="button button-small"
            aria-label={`Show in article: the evidence for question ${question.number}`}
            onClick={onShowEvidence}
          >
            Show in article
          </button>
        )}
      </p>
    </article>
  );
}
