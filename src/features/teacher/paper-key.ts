import { JUDGEMENT_LABELS } from '../../domain/describe-response';
import { formatQuantity } from '../../domain/plural';
import type { PublicPartA, PublicPartB, PublicQuestion } from '../../domain/public-question';
import { JUDGEMENTS } from '../../domain/question-kinds';
import type { QuestionResponse } from '../../domain/responses';
import {
  asEvidence,
  asJudgement,
  asMatch,
  asMultiple,
  asNumeric,
  asOrder,
  asShort,
  asSingle,
  asTwoPart,
} from '../../lib/narrow-response';

/** The letter a printed option carries: A, B, C … (the student copy letters its options so). */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

type Answerable = Exclude<PublicQuestion, { type: 'two-part' }> | PublicPartA | PublicPartB;

/** "p3.s2" as a marker reads it on paper: "para 3". */
function paragraphOf(sentenceId: string): string {
  return `para ${sentenceId.replace(/^p(\d+).*$/, '$1')}`;
}

function lettersOf(options: readonly { id: string }[], ids: readonly string[]): string {
  return options
    .flatMap((option, index) => (ids.includes(option.id) ? [optionLetter(index)] : []))
    .join(', ');
}

/** One part's right answer as the compact key prints it: "B", "A, C", "True", "1.2 million". */
function describePart(item: Answerable, response: QuestionResponse | undefined): string {
  switch (item.type) {
    case 'single':
      return lettersOf(item.options, [asSingle(response)?.choice ?? '']);
    case 'multiple':
      return lettersOf(item.options, asMultiple(response)?.choices ?? []);
    case 'judgement': {
      const choice = asJudgement(response)?.choice;
      return choice ? JUDGEMENT_LABELS[choice] : '';
    }
    case 'numeric': {
      const value = asNumeric(response)?.value;
      return value === undefined ? '' : formatQuantity(value, item.unit);
    }
    case 'short':
      return asShort(response)?.text ?? '';
    case 'match': {
      // The paper numbers the left items and letters the right ones.
      const pairs = asMatch(response)?.pairs ?? {};
      return item.left
        .map((left, index) => {
          const right = item.right.findIndex((candidate) => candidate.id === pairs[left.id]);
          return `${index + 1}${right < 0 ? '' : optionLetter(right)}`;
        })
        .join(' ');
    }
    case 'order': {
      // The paper lists the items in print order, each with a box for its place: the key gives
      // the number for each box, top to bottom.
      const order = asOrder(response)?.order ?? [];
      return item.items.map((entry) => String(order.indexOf(entry.id) + 1)).join(', ');
    }
    case 'evidence':
      return [...new Set((asEvidence(response)?.sentences ?? []).map(paragraphOf))].join(', ');
  }
}

/** A question's right answer in a few characters, for the key's one-line summary. */
export function describeAnswerBriefly(
  question: PublicQuestion,
  response: QuestionResponse,
): string {
  if (question.type !== 'two-part') return describePart(question, response);
  const parts = asTwoPart(response);
  return `A ${describePart(question.partA, parts?.partA)}; B ${describePart(question.partB, parts?.partB)}`;
}

/** The printed label of an option the feedback is about: "B “Friday”", or the option's text. */
export function labelOption(question: PublicQuestion, optionId: string): string {
  const choices =
    question.type === 'two-part'
      ? 'options' in question.partA
        ? question.partA.options
        : []
      : 'options' in question
        ? question.options
        : [];
  const index = choices.findIndex((option) => option.id === optionId);
  if (index >= 0) return `${optionLetter(index)} “${choices[index]?.text ?? ''}”`;
  const judgement = JUDGEMENTS.find((candidate) => candidate === optionId);
  return judgement ? JUDGEMENT_LABELS[judgement] : optionId;
}
