import { formatQuantity } from '../number-words';
import { JUDGEMENT_LABELS, JUDGEMENTS, type Judgement, type QuestionType } from '../question-kinds';
import type { QuestionResponse } from '../responses';
import type { PublicItemOf } from './question-type-module';
import { choiceText } from './shared';

/** A response in words, from what the student was shown of the item. */
type Describe<T extends QuestionType> = (
  item: PublicItemOf<T>,
  response: QuestionResponse,
  sentenceText: (sentenceId: string) => string,
) => string;

const isJudgement = (value: string): value is Judgement =>
  (JUDGEMENTS as readonly string[]).includes(value);

/**
 * Each type's `describeResponse`: a response in words, for CSV, print and the review; '' for
 * unanswered. Apart from the type modules (each takes its entry from here) so that the review and
 * the teacher's pages describe answers without bundling every validator and scorer: this file
 * needs only the public view of an item.
 */
export const RESPONSE_DESCRIPTIONS: { [T in QuestionType]: Describe<T> } = {
  single: (item, response) =>
    'choice' in response ? choiceText(item.options, response.choice) : '',
  multiple: (item, response) =>
    'choices' in response
      ? response.choices.map((id) => choiceText(item.options, id)).join('; ')
      : '',
  judgement: (_item, response) =>
    'choice' in response && isJudgement(response.choice) ? JUDGEMENT_LABELS[response.choice] : '',
  numeric: (item, response) =>
    'value' in response ? formatQuantity(response.value, item.unit) : '',
  short: (_item, response) => ('text' in response ? response.text : ''),
  match: (item, response) =>
    'pairs' in response
      ? item.left
          .filter((left) => response.pairs[left.id] !== undefined)
          .map((left) => `${left.text} → ${choiceText(item.right, response.pairs[left.id] ?? '')}`)
          .join('; ')
      : '',
  order: (item, response) =>
    'order' in response
      ? response.order.map((id, index) => `${index + 1}. ${choiceText(item.items, id)}`).join(' ')
      : '',
  evidence: (_item, response, sentenceText) =>
    'sentences' in response ? response.sentences.map(sentenceText).join(' | ') : '',
  'two-part': (item, response, sentenceText) => {
    if (!('partA' in response || 'partB' in response)) return '';
    const partA = response.partA
      ? describeItemResponse(item.partA, response.partA, sentenceText)
      : '';
    const partB = response.partB
      ? describeItemResponse(item.partB, response.partB, sentenceText)
      : '';
    return `Part A: ${partA || '(no answer)'} / Part B: ${partB || '(no answer)'}`;
  },
  cloze: (item, response) => {
    if (!('gaps' in response) || !Object.values(response.gaps).some((given) => given.trim() !== ''))
      return '';
    return item.segments
      .map((segment) =>
        segment.kind === 'text' ? segment.text : `[${response.gaps[segment.gapId]?.trim() || ' '}]`,
      )
      .join('');
  },
};

/**
 * `response` in words, by `item`'s type. TypeScript cannot tell that the entry for `item.type`
 * takes exactly `item` (a correlated union), so the one cast lives here.
 */
export function describeItemResponse(
  item: PublicItemOf<QuestionType>,
  response: QuestionResponse,
  sentenceText: (sentenceId: string) => string,
): string {
  return (RESPONSE_DESCRIPTIONS[item.type] as Describe<QuestionType>)(item, response, sentenceText);
}
