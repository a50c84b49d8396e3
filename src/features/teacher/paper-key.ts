import { JUDGEMENT_LABELS } from '../../domain/describe-response';
import { formatQuantity } from '../../domain/number-words';
import type {
  PublicChoice,
  PublicPartA,
  PublicPartB,
  PublicQuestion,
} from '../../domain/public-question';
import { JUDGEMENTS } from '../../domain/question-kinds';
import type { QuestionResponse } from '../../domain/responses';
import {
  asCloze,
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
import { entryFor, type ByQuestionType } from '../../lib/question-registry';

/** The letter a printed option carries: A, B, C … (the student copy letters its options so). */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

type Printable = PublicQuestion | PublicPartA | PublicPartB;

/** "p3.s2" as a marker reads it on paper: "para 3". */
function paragraphOf(sentenceId: string): string {
  return `para ${sentenceId.replace(/^p(\d+).*$/, '$1')}`;
}

function lettersOf(options: readonly { id: string }[], ids: readonly string[]): string {
  return options
    .flatMap((option, index) => (ids.includes(option.id) ? [optionLetter(index)] : []))
    .join(', ');
}

/**
 * A right answer as the compact key prints it: "B", "A, C", "True", "1.2 million"; a two-part
 * question's as "A …; B …".
 */
const BRIEF_ANSWERS: ByQuestionType<Printable, { response: QuestionResponse | undefined }, string> =
  {
    single: ({ item, response }) => lettersOf(item.options, [asSingle(response)?.choice ?? '']),
    multiple: ({ item, response }) => lettersOf(item.options, asMultiple(response)?.choices ?? []),
    judgement: ({ response }) => {
      const choice = asJudgement(response)?.choice;
      return choice ? JUDGEMENT_LABELS[choice] : '';
    },
    numeric: ({ item, response }) => {
      const value = asNumeric(response)?.value;
      return value === undefined ? '' : formatQuantity(value, item.unit);
    },
    short: ({ response }) => asShort(response)?.text ?? '',
    match: ({ item, response }) => {
      // The paper numbers the left items and letters the right ones.
      const pairs = asMatch(response)?.pairs ?? {};
      return item.left
        .map((left, index) => {
          const right = item.right.findIndex((candidate) => candidate.id === pairs[left.id]);
          return `${index + 1}${right < 0 ? '' : optionLetter(right)}`;
        })
        .join(' ');
    },
    order: ({ item, response }) => {
      // The paper lists the items in print order, each with a box for its place: the key gives
      // the number for each box, top to bottom.
      const order = asOrder(response)?.order ?? [];
      return item.items.map((entry) => String(order.indexOf(entry.id) + 1)).join(', ');
    },
    evidence: ({ response }) =>
      [...new Set((asEvidence(response)?.sentences ?? []).map(paragraphOf))].join(', '),
    cloze: ({ item, response }) => {
      const gaps = asCloze(response)?.gaps ?? {};
      return item.segments
        .flatMap((segment) => (segment.kind === 'gap' ? [gaps[segment.gapId] ?? ''] : []))
        .map((text, index) => `(${index + 1}) ${text}`)
        .join(' ');
    },
    'two-part': ({ item, response }) => {
      const parts = asTwoPart(response);
      return `A ${describeAnswerBriefly(item.partA, parts?.partA)}; B ${describeAnswerBriefly(item.partB, parts?.partB)}`;
    },
  };

/** A question's right answer in a few characters, for the key's one-line summary. */
export function describeAnswerBriefly(
  item: Printable,
  response: QuestionResponse | undefined,
): string {
  return entryFor(BRIEF_ANSWERS, item)({ item, response });
}

const none = () => [];

/** The options a question prints with letters (Part A's for two-part questions), in print order. */
const PRINTED_CHOICES: ByQuestionType<Printable, object, readonly PublicChoice[]> = {
  single: ({ item }) => item.options,
  multiple: ({ item }) => item.options,
  judgement: none,
  numeric: none,
  short: none,
  match: none,
  order: none,
  evidence: none,
  cloze: none,
  'two-part': ({ item }) => printedChoicesOf(item.partA),
};

export function printedChoicesOf(item: Printable): readonly PublicChoice[] {
  return entryFor(PRINTED_CHOICES, item)({ item });
}

/** The printed label of an option the feedback is about: "B “Friday”", or the option's text. */
export function labelOption(question: PublicQuestion, optionId: string): string {
  const choices = printedChoicesOf(question);
  const index = choices.findIndex((option) => option.id === optionId);
  if (index >= 0) return `${optionLetter(index)} “${choices[index]?.text ?? ''}”`;
  const judgement = JUDGEMENTS.find((candidate) => candidate === optionId);
  return judgement ? JUDGEMENT_LABELS[judgement] : optionId;
}
