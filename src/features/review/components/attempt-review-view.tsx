import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ArticleView, sentenceElementId } from '../../../components/article-view';
import { AllRightIllustration } from '../../../components/illustrations';
import { PreviewBanner } from '../../../components/preview-banner';
import {
  groupHighlights,
  HighlightLegend,
  highlightWords,
  sentenceNotes,
} from '../../../components/student-highlights';
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

/** Where the questions and the article sit side by side (review.css); below it, one column. */
const SIDE_BY_SIDE = '(min-width: 64rem)';

/** The whole review: score, skills, every question, and the article with its evidence marked. */
export function AttemptReviewView({ review }: { review: AttemptReview }) {
  const { result, article } = review;
  const studentHighlights = groupHighlights(review.highlights);
  const [onlyMissed, setOnlyMissed] = useState(false);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const reduceMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const sideBySide = useMediaQuery(SIDE_BY_SIDE);
  const assigned = review.assignmentTitle !== null;
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
      {review.preview ? (
        <PreviewBanner bankId={review.bankId} />
      ) : (
        <p className="breadcrumb">
          <Link to={getHref.library()}>← All articles</Link>
        </p>
      )}
      <p className="review-kicker">Results</p>
      <h1>{review.assignmentTitle ?? review.bankTitle}</h1>
      <p className="review-subtitle">
        {assigned && <>{review.bankTitle} · </>}
        On the article <cite>{article.meta.title}</cite>
      </p>
      <ScoreSummary result={result} />
      {/* A teacher's own quiz and article (assigned or previewed) are not in the library, which
          practice and the reader open. */}
      {review.inLibrary && (
        <div className="review-actions button-row">
          {/* Another go at an assignment starts untimed practice: say so, or it looks like a resubmission. */}
          <button
            type="button"
            className={assigned ? 'button' : 'button button-primary'}
            disabled={startingBankId !== null}
            aria-describedby={assigned ? 'practise-again-note' : undefined}
            onClick={() => void startAttempt(review.bankId)}
          >
            {startingBankId
              ? 'Starting…'
              : assigned
                ? 'Practise again — not sent to your teacher'
                : 'Retake the quiz'}
          </button>
          <Link className="button" to={getHref.reader(review.articleId)}>
            Read the article again
          </Link>
        </div>
      )}
      {assigned && review.inLibrary && (
        <p id="practise-again-note" className="field-hint">
          Practice is just for you: it has no time limit, and your teacher sees only the answers you
          submitted for “{review.assignmentTitle}”.
        </p>
      )}
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
              <div className="empty-state">
                <AllRightIllustration />
                <p>You missed none: every answer is right.</p>
              </div>
            ) : (
              <ol className="review-list">
                {shown.map((item) => (
                  <li key={item.question.id}>
                    <ReviewItem
                      review={item}
                      article={article}
                      onShowEvidence={
                        sideBySide
                          ? () =>
                              setHighlight((previous) => ({
                                questionId: item.question.id,
                                questionNumber: item.question.number,
                                sentenceIds: [
                                  ...new Set(item.evidence.flatMap((e) => e.sentenceIds)),
                                ],
                                request: (previous?.request ?? 0) + 1,
                              }))
                          : undefined
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
              <p className="notice article-notice" role="status">
                The evidence for question {highlight.questionNumber} is highlighted.
              </p>
            )}
            {review.highlights.length > 0 && (
              <HighlightLegend
                evidence="the evidence that proves the question you chose to show"
                own="your own highlights"
              />
            )}
            <ArticleView
              article={article}
              headingLevel={2}
              withSettings
              highlighted={highlight ? new Set(highlight.sentenceIds) : undefined}
              renderWords={(sentence, words) =>
                highlightWords(sentence, words, studentHighlights.get(sentence.id))
              }
              afterSentence={(sentence) => sentenceNotes(studentHighlights.get(sentence.id))}
              afterHighlight={
                highlight && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button button-small back-to-question"
                      onClick={() => backToQuestion(highlight.questionId)}
                    >
                      Back to question {highlight.questionNumber}
                    </button>
                  </>
                )
              }
            />
          </section>
        </div>
      )}
    </div>
  );
}
