import { useEffect, type RefObject } from 'react';
import type { Article } from '../../../domain/article';
import type { PublicQuestion } from '../../../domain/public-question';
import type { QuestionResponse } from '../../../domain/responses';
import { SKILL_LABELS } from '../../../lib/labels';
import { QUESTION_TYPE_LABELS } from '../../../lib/question-labels';
import { QuestionControl } from './question-control';
import { QuestionListen } from './question-listen';

interface QuestionPanelProps {
  question: PublicQuestion;
  total: number;
  response: QuestionResponse | undefined;
  /** Undefined when the student took the answer back. */
  onChange: (response: QuestionResponse | undefined) => void;
  flagged: boolean;
  onToggleFlag: () => void;
  onPrevious: (() => void) | null;
  /** Null on the last question, where "Check and submit" takes its place. */
  onNext: (() => void) | null;
  onFinish: () => void;
  article: Article;
  articlePlace: string;
  onOpenArticle?: () => void;
  /**
   * The heading, which takes focus when the question is shown (after Start, Next, a navigator
   * button...) so that the first Tab reaches its answer.
   */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** One question: its heading, its control, and the buttons to flag it and move on. */
export function QuestionPanel({
  question,
  total,
  response,
  onChange,
  flagged,
  onToggleFlag,
  onPrevious,
  onNext,
  onFinish,
  article,
  articlePlace,
  onOpenArticle,
  headingRef,
}: QuestionPanelProps) {
  useEffect(() => {
    headingRef.current?.focus();
  }, [headingRef]);

  return (
    <section className="question-panel" aria-labelledby="question-heading">
      <header className="question-header">
        <h2 id="question-heading" ref={headingRef} tabIndex={-1}>
          Question {question.number} <span className="question-of">of {total}</span>
        </h2>
        <ul className="tag-list question-tags" aria-label="About this question">
          <li className="tag">{QUESTION_TYPE_LABELS[question.type]}</li>
          <li className="tag">{SKILL_LABELS[question.skill]}</li>
          <li className="tag">
            {question.points} {question.points === 1 ? 'point' : 'points'}
          </li>
        </ul>
      </header>
      <div className="question-body">
        <QuestionControl
          question={question}
          response={response}
          onChange={onChange}
          article={article}
          articlePlace={articlePlace}
          onOpenArticle={onOpenArticle}
        />
        {/* After the answer, so the first Tab from the heading still reaches the answer. */}
        <QuestionListen
          key={question.id}
          question={question}
          response={response}
          language={article.meta.language}
        />
      </div>
      <div className="question-actions">
        <button
          type="button"
          className="button"
          disabled={onPrevious === null}
          onClick={onPrevious ?? undefined}
        >
          ← Previous
        </button>
        <button
          type="button"
          className="button button-quiet flag-button"
          aria-pressed={flagged}
          // The whole name even where "for review" is hidden to fit a phone.
          aria-label={flagged ? 'Flagged for review' : 'Flag for review'}
          onClick={onToggleFlag}
        >
          <span aria-hidden="true">⚑</span>
          <span>
            {flagged ? 'Flagged' : 'Flag'}
            {/* Hidden on a phone, so that the three buttons fit on one line. */}
            <span className="flag-button-more"> for review</span>
          </span>
        </button>
        {onNext ? (
          <button type="button" className="button button-primary" onClick={onNext}>
            Next →
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={onFinish}>
            Check and submit
          </button>
        )}
      </div>
    </section>
  );
}
