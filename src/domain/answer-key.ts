import { assertNever } from './assert-never';
import { JUDGEMENTS } from './question-kinds';
import type { PartA, PartB } from './question-schema';
import { listEvidenceSentenceIds, type ResolvedQuestion } from './resolved-bank';
import type { PartAResponse, PartBResponse, QuestionResponse } from './responses';
import type { AnswerItem } from './scorers';

/** `question` is the whole question, whose evidence is the key of an evidence item or part. */
function correctAnswerOf(item: PartA, question: ResolvedQuestion): PartAResponse;
function correctAnswerOf(item: PartB, question: ResolvedQuestion): PartBResponse;
function correctAnswerOf(item: AnswerItem, question: ResolvedQuestion): QuestionResponse;
function correctAnswerOf(item: AnswerItem, question: ResolvedQuestion): QuestionResponse {
  switch (item.type) {
    case 'single': {
      const right = item.options.find((option) => option.correct);
      // The content rules refuse such a bank; reaching this is a bug, not a student's mistake.
      if (right === undefined) throw new Error(`"${item.prompt}" has no correct option.`);
      return { choice: right.id };
    }
    case 'multiple':
      return {
        choices: item.options.filter((option) => option.correct).map((option) => option.id),
      };
    case 'judgement':
      return { choice: item.answer };
    case 'numeric':
      return { value: item.answer };
    case 'short':
      return { text: item.answers[0] ?? '' };
    case 'match':
      return { pairs: Object.fromEntries(item.left.map((left) => [left.id, left.match])) };
    case 'order':
      return { order: item.items.map((orderItem) => orderItem.id) };
    case 'evidence':
      return { sentences: listEvidenceSentenceIds(question) };
    default:
      return assertNever(item);
  }
}

/**
 * The right answer to a question, in the response shape of its type: what the review shows as
 * "the right answer", and a response that scores full marks. A short answer shows the first
 * accepted answer; evidence (and a two-part question's evidence part) the sentences its quotes touch.
 */
export function correctResponseOf(question: ResolvedQuestion): QuestionResponse {
  if (question.type !== 'two-part') return correctAnswerOf(question, question);
  return {
    partA: correctAnswerOf(question.partA, question),
    partB: correctAnswerOf(question.partB, question),
  };
}

/** Adds the feedback written for each of `item`'s choices to `feedback`, keyed `<prefix><id>`. */
function collectFeedback(item: AnswerItem, prefix: string, feedback: Record<string, string>): void {
  switch (item.type) {
    case 'single':
    case 'multiple':
      for (const option of item.options) {
        if (option.feedback !== undefined) feedback[`${prefix}${option.id}`] = option.feedback;
      }
      return;
    case 'judgement':
      for (const judgement of JUDGEMENTS) {
        const text = item.feedback[judgement];
        if (text !== undefined) feedback[`${prefix}${judgement}`] = text;
      }
      return;
    case 'numeric':
    case 'short':
    case 'match':
    case 'order':
    case 'evidence':
      return;
    default:
      assertNever(item);
  }
}

/**
 * The feedback written for each choice, by option id (judgements by judgement); a two-part
 * question's by `partA.<id>` and `partB.<id>`. The review shows it beside each choice.
 */
export function optionFeedbackOf(question: ResolvedQuestion): Record<string, string> {
  const feedback: Record<string, string> = {};
  if (question.type === 'two-part') {
    collectFeedback(question.partA, 'partA.', feedback);
    collectFeedback(question.partB, 'partB.', feedback);
  } else {
    collectFeedback(question, '', feedback);
  }
  return feedback;
}
