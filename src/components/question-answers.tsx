import type { ReactNode } from 'react';
import type { Article } from '../domain/article';
import type { QuestionReview } from '../domain/results';
import { AnswerView } from './answer-view';
import './question-answers.css';
import { Detail } from './detail';

/** The student reads about their own answer; the teacher about the student's. */
const WORDING = {
  student: { given: 'Your answer', feedback: 'About your answer' },
  teacher: { given: 'Answer given', feedback: 'Feedback the student got' },
} as const;

interface QuestionAnswersProps {
  review: QuestionReview;
  article: Article;
  reader: keyof typeof WORDING;
  /** More rows after the explanation, such as the evidence quoted for the teacher. */
  children?: ReactNode;
}

/**
 * A scored question's answers, the same on the student's review and the teacher's attempt page:
 * the answer given (each part marked), the right answer when it differs, the feedback the answer
 * earned, and the explanation.
 */
export function QuestionAnswers({ review, article, reader, children }: QuestionAnswersProps) {
  const wording = WORDING[reader];
  return (
    <dl className="question-answers">
      <div>
        <dt>{wording.given}</dt>
        <dd>
          <AnswerView
            item={review.question}
            response={review.response}
            article={article}
            correct={review.correctResponse}
            parts={review.parts}
            gaps={review.gaps}
            matchedAnswer={review.matchedAnswer}
          />
        </dd>
      </div>
      {review.status !== 'correct' && (
        <Detail term="Right answer">
          <AnswerView item={review.question} response={review.correctResponse} article={article} />
        </Detail>
      )}
      {review.feedback.length > 0 && (
        <div>
          <dt>{wording.feedback}</dt>
          <dd>
            <ul className="question-feedback">
              {review.feedback.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      <Detail term="Explanation">{review.explanation}</Detail>
      {children}
    </dl>
  );
}
