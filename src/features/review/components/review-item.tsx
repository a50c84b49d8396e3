import { useState } from 'react';
import { QuestionAnswers } from '../../../components/question-answers';
import { QuestionText } from '../../../components/question-text';
import { StatusBadge } from '../../../components/status-badge';
import type { Article } from '../../../domain/article';
import type { QuestionReview } from '../../../domain/results';
import { formatPointsOf } from '../../../lib/format-points';
import { SKILL_LABELS } from '../../../lib/labels';
import { EvidenceInPlace } from './evidence-in-place';

/** The DOM id of a reviewed question's heading, to come back to from the article. */
export function reviewHeadingId(questionId: string): string {
  return `review-${questionId}`;
}

/** A regrade made the typed answer (or one of its gaps) right: docs/scoring.md, Regrading. */
function isAcceptedByTeacher(review: QuestionReview): boolean {
  return (
    review.acceptedByTeacher === true ||
    (review.gaps ?? []).some((gap) => gap.acceptedByTeacher === true)
  );
}

interface ReviewItemProps {
  review: QuestionReview;
  article: Article;
  /**
   * Marks the evidence in the article beside the questions; without it (a narrow screen, where the
   * article is far below), "Show in article" opens the evidence under the question instead.
   */
  onShowEvidence?: () => void;
}

/** One question of the review: the answer given, the right one, why, and where the article says so. */
export function ReviewItem({ review, article, onShowEvidence }: ReviewItemProps) {
  const { question, status } = review;
  const headingId = reviewHeadingId(question.id);
  const [evidenceOpen, setEvidenceOpen] = useState(false);
  const inPlaceId = `${headingId}-evidence`;

  return (
    <article className={`review-item status-${status}`} aria-labelledby={headingId}>
      <header className="review-item-header">
        <h3 id={headingId} tabIndex={-1}>
          Question {question.number}
        </h3>
        <StatusBadge status={status} />
        <p className="review-points">{formatPointsOf(review.points, review.maxPoints)}</p>
      </header>
      <QuestionText question={question} />
      <QuestionAnswers review={review} article={article} reader="student" />
      {isAcceptedByTeacher(review) && <p className="review-accepted">Accepted by your teacher</p>}
      <p className="review-item-footer">
        <span className="tag">{SKILL_LABELS[question.skill]}</span>
        {review.evidence.length > 0 && (
          <button
            type="button"
            className="button button-small"
            aria-label={`Show in article: the evidence for question ${question.number}`}
            aria-expanded={onShowEvidence ? undefined : evidenceOpen}
            aria-controls={onShowEvidence || !evidenceOpen ? undefined : inPlaceId}
            onClick={onShowEvidence ?? (() => setEvidenceOpen((open) => !open))}
          >
            Show in article
          </button>
        )}
      </p>
      {!onShowEvidence && evidenceOpen && (
        <EvidenceInPlace
          id={inPlaceId}
          article={article}
          sentenceIds={review.evidence.flatMap((evidence) => evidence.sentenceIds)}
        />
      )}
    </article>
  );
}
