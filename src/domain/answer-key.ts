import { questionTypeModule } from './question-types/registry';
import type { ResolvedQuestion } from './resolved-bank';
import type { QuestionResponse } from './responses';

/**
 * The right answer to a question, in the response shape of its type: what the review shows as
 * "the right answer", and a response that scores full marks. A short answer shows the first
 * accepted answer; evidence (and a two-part question's evidence part) the sentences its quotes touch.
 */
export function correctResponseOf(question: ResolvedQuestion): QuestionResponse {
  return questionTypeModule(question.type).correctResponse(question, question);
}

/**
 * The feedback written for each choice, by option id (judgements by judgement); a two-part
 * question's by `partA.<id>` and `partB.<id>`. The review shows it beside each choice.
 */
export function optionFeedbackOf(question: ResolvedQuestion): Record<string, string> {
  return questionTypeModule(question.type).optionFeedback(question);
}

/** Every answer a marker would accept, where the right answer alone does not say it. */
export function acceptedAnswersOf(question: ResolvedQuestion): string[] {
  return questionTypeModule(question.type).acceptedAnswers(question);
}
