import { useEffect, useRef } from 'react';
import type { Article } from '../../../domain/article';
import type { PublicQuestion } from '../../../domain/public-question';
import type { QuestionResponse } from '../../../domain/responses';
import { QUESTION_TYPE_LABELS, SKILL_LABELS } from '../../../lib/labels';
import { QuestionControl } from './question-control';

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
  /** Moves focus to the heading when shown: true after the student moved to this question. */
  focusHeading: boolean;
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
  focusHeading,
}: QuestionPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

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
          onClick={onToggleFlag}
        >
          <span aria-hidden="true">⚑</span> {flagged ? 'Flagged for review' : 'Flag for review'}
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
