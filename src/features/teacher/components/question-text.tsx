import type { PublicQuestion } from '../../../domain/public-question';

/** What a question asks, as printed or reviewed: the prompt, and the statement or claim it is about. */
export function QuestionText({ question }: { question: PublicQuestion }) {
  return (
    <>
      <p className="question-prompt">{question.prompt}</p>
      {question.type === 'judgement' && (
        <blockquote className="question-statement">
          <p>{question.statement}</p>
        </blockquote>
      )}
      {question.type === 'evidence' && (
        <blockquote className="question-statement">
          <p>{question.claim}</p>
        </blockquote>
      )}
    </>
  );
}
