import type { PublicPartA, PublicPartB, PublicQuestion } from '../../domain/public-question';
import { JUDGEMENT_LABELS } from '../../domain/question-kinds';
import type { QuestionResponse } from '../../domain/responses';
import { asOrder, asTwoPart } from '../../lib/narrow-response';
import { entryFor, type ByQuestionType } from '../../lib/question-registry';
import { currentOrder } from './components/order-control';

type Asked = PublicQuestion | PublicPartA | PublicPartB;

/**
 * What each type of question shows a student beside its prompt, as text to read aloud in the
 * order it is shown: options in this attempt's order, an order question's items as the student
 * has arranged them. Only what the page shows: a public question holds no key or feedback.
 */
const SHOWN_TEXT: ByQuestionType<Asked, { response: QuestionResponse | undefined }, string[]> = {
  single: ({ item }) => item.options.map((option) => option.text),
  multiple: ({ item }) => item.options.map((option) => option.text),
  judgement: ({ item }) => [
    item.statement,
    ...item.choices.map((choice) => JUDGEMENT_LABELS[choice]),
  ],
  numeric: () => [],
  short: () => [],
  match: ({ item }) => [
    'Items:',
    ...item.left.map((card) => card.text),
    'Choices:',
    ...item.right.map((card) => card.text),
  ],
  order: ({ item, response }) => {
    const textById = new Map(item.items.map((card) => [card.id, card.text]));
    return currentOrder(item, asOrder(response)).map((id) => textById.get(id) ?? '');
  },
  evidence: ({ item }) => ('claim' in item ? [item.claim] : []),
  'two-part': ({ item, response }) => {
    const parts = asTwoPart(response);
    return [
      'Part A.',
      ...readingOf(item.partA, parts?.partA),
      'Part B.',
      ...readingOf(item.partB, parts?.partB),
    ];
  },
  cloze: ({ item }) => {
    const gaps = item.segments.filter((segment) => segment.kind === 'gap');
    const passage = item.segments
      .map((segment) => (segment.kind === 'text' ? segment.text : ' blank '))
      .join('')
      .replace(/\s+/g, ' ')
      .replace(/ ([.,;:!?])/g, '$1')
      .trim();
    return [
      passage,
      ...gaps.flatMap((gap, index) =>
        gap.choices ? [`Gap ${index + 1}: ${gap.choices.join(', ')}.`] : [],
      ),
    ];
  },
};

function readingOf(item: Asked, response: QuestionResponse | undefined): string[] {
  return [item.prompt, ...entryFor(SHOWN_TEXT, item)({ item, response })];
}

/**
 * The texts read aloud for a question, one utterance each: its prompt, then what it shows (the
 * statement or claim, the options, items or gaps) in the order the student sees them.
 */
export function listQuestionReading(
  question: PublicQuestion,
  response: QuestionResponse | undefined,
): string[] {
  return readingOf(question, response).filter((text) => text.trim() !== '');
}
