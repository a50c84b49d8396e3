import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ArticleView, sentenceElementId } from '../../../components/article-view';
import type { AttemptReview } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-client';
import { getHref } from '../../../lib/paths';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useStartAttempt } from '../../../lib/use-start-attempt';
import { reviewHeadingId, ReviewItem } from './review-item';
import { ScoreSummary } from './score-summary';

interface Highlight {
  questionId: string;
  questionNumber: number;
  sentenceIds: string[];
  /** Counts requests, so showing the same evidence twice scrolls to it twice. */
  request: number;
}

/** The whole review: score, skills, every question, and the article with its evidence marked. */
export function AttemptReviewView({ review }: { review: AttemptReview }) {
  const { result, article } = review;
  const [onlyMissed, setOnlyMissed] = useState(false);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const reduceMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const { startAttempt, startingBankId, error: retakeError } = useStartAttempt();
  const shown = onlyMissed
    ? result.questions.filter((question) => question.status !== 'correct')
    : result.questions;

  useEffect(() => {
    // Evidence may quote later sentences first: focus the highlight that comes first in the text.
    const first = article.paragraphs
      .flatMap((paragraph) => paragraph.sentences)
      .find((sentence) => highlight?.sentenceIds.includes(sentence.id))?.id;
    if (!first) return;
    const element = document.getElementById(sentenceElementId(first));
    element?.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'center' });
    element?.focus({ preventScroll: true });
  }, [article, highlight, reduceMotion]);

  function backToQuestion(questionId: string) {
    const heading = document.getElementById(reviewHeadingId(questionId));
    heading?.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  return (
    <div className="review">
      <p className="breadcrumb">
        <Link to={getHref.library()}>← All articles</Link>
      </p>
      <p className="review-kicker">Results</p>
      <h1>{article.meta.title}</h1>
      <ScoreSummary result={result} />
      <div className="review-actions button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={startingBankId !== null}
          onClick={() => void startAttempt(review.bankId)}
        >
          {startingBankId ? 'Starting…' : 'Retake the quiz'}
        </button>
        <Link className="button" to={getHref.reader(review.articleId)}>
          Read the article again
        </Link>
      </div>
      {retakeError && (
        <p className="field-error" role="alert">
          {retakeError.error instanceof ApiError
            ? retakeError.error.message
            : 'The quiz could not be started: the server could not be reached.'}
        </p>
      )}
      {review.reviewAccess === 'score' ? (
        <p className="notice">Your teacher shows the score only, not the answers.</p>
      ) : (
        <div className="review-columns">
          <section className="review-questions" aria-labelledby="review-questions-heading">
            <div className="review-questions-header">
              <h2 id="review-questions-heading">Questions</h2>
              <label className="filter-toggle">
                <input
                  type="checkbox"
                  checked={onlyMissed}
                  onChange={(event) => setOnlyMissed(event.target.checked)}
                />
                Only questions I missed
              </label>
            </div>
            <p className="visually-hidden" aria-live="polite">
              {onlyMissed
                ? `Showing ${shown.length} missed questions.`
                : `Showing all ${shown.length} questions.`}
            </p>
            {shown.length === 0 ? (
              <p>You missed none: every answer is right.</p>
            ) : (
              <ol className="review-list">
                {shown.map((item) => (
                  <li key={item.question.id}>
                    <ReviewItem
                      review={item}
                      article={article}
                      onShowEvidence={() =>
                        setHighlight((previous) => ({
                          questionId: item.question.id,
                          questionNumber: item.question.number,
                          sentenceIds: [...new Set(item.evidence.flatMap((e) => e.sentenceIds))],
                          request: (previous?.request ?? 0) + 1,
                        }))
                      }
                    />
                  </li>
                ))}
              </ol>
            )}
          </section>
          {/* Scrolls on its own beside the questions on wide screens, so it takes focus to be scrolled by keyboard. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <section className="review-article" aria-label="Article" tabIndex={0}>
            {highlight && (
              <div className="notice article-notice" role="status">
                <p>The evidence for question {highlight.questionNumber} is highlighted.</p>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => backToQuestion(highlight.questionId)}
                >
                  Back to question {highlight.questionNumber}
                </button>
              </div>
            )}
            <ArticleView
              article={article}
              headingLevel={2}
              highlighted={highlight ? new Set(highlight.sentenceIds) : undefined}
            />
          </section>
        </div>
      )}
    </div>
  );
}
