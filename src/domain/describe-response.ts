import type { PublicPartA, PublicPartB, PublicQuestion } from './public-question';
import { describeItemResponse } from './question-types/response-descriptions';
import type { QuestionResponse } from './responses';

export { JUDGEMENT_LABELS } from './question-kinds';

type Described = PublicQuestion | PublicPartA | PublicPartB;

/**
 * A response in words, as a teacher reads it in an export or a student in the review: option texts
 * instead of ids, pairs as "left → right", evidence as sentence ids (`p7.s1`) or, given
 * `sentenceText`, the sentences themselves. An empty string means unanswered.
 */
export function describeResponse(
  question: Described,
  response: QuestionResponse | null | undefined,
  sentenceText: (sentenceId: string) => string = (sentenceId) => sentenceId,
): string {
  if (!response) return '';
  return describeItemResponse(question, response, sentenceText);
}
