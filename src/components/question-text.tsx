import type { PublicPartA, PublicPartB, PublicQuestion } from '../domain/public-question';
import { entryFor, type ByQuestionType } from '../lib/question-registry';
import './question-text.css';

type Asked = PublicQuestion | PublicPartA | PublicPartB;

/** What a question asks about beyond its prompt, if anything: a statement to judge, a claim. */
const SUBJECTS: ByQuestionType<Asked, object, string | null> = {
  single: () => null,
  multiple: () => null,
  judgement: ({ item }) => item.statement,
  numeric: () => null,
  short: () => null,
  match: () => null,
  order: () => null,
  // Part B of a two-part question proves Part A's answer, not a claim of its own.
  evidence: ({ item }) => ('claim' in item ? item.claim : null),
  'two-part': () => null,
  // The passage with its gaps is the answer space itself (drop-downs and fields, or blanks).
  cloze: () => null,
};

/** The statement or claim a question (or one part of it) is about, quoted; nothing for others. */
export function QuestionSubject({ item }: { item: Asked }) {
  const subject = entryFor(SUBJECTS, item)({ item });
  if (subject === null) return null;
  return (
    <blockquote className="question-statement">
      <p>{subject}</p>
    </blockquote>
  );
}

/** What a question asks, as printed or reviewed: the prompt, and the statement or claim it is about. */
export function QuestionText({ question }: { question: PublicQuestion }) {
  return (
    <>
      <p className="question-prompt">{question.prompt}</p>
      <QuestionSubject item={question} />
    </>
  );
}
