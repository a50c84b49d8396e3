import type { PublicChoice, PublicPartA, PublicPartB, PublicQuestion } from './public-question';
import type { Judgement } from './question-kinds';
import type { QuestionResponse } from './responses';
import { formatQuantity } from './plural';

/** How a judgement reads to a person. */
export const JUDGEMENT_LABELS: Record<Judgement, string> = {
  true: 'True',
  false: 'False',
  'not-given': 'Not given',
};

function choiceText(choices: PublicChoice[], id: string): string {
  return choices.find((choice) => choice.id === id)?.text ?? id;
}

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
  switch (question.type) {
    case 'single':
      return 'choice' in response ? choiceText(question.options, response.choice) : '';
    case 'multiple':
      return 'choices' in response
        ? response.choices.map((id) => choiceText(question.options, id)).join('; ')
        : '';
    case 'judgement':
      return 'choice' in response && response.choice in JUDGEMENT_LABELS
        ? JUDGEMENT_LABELS[response.choice as Judgement]
        : '';
    case 'numeric':
      return 'value' in response ? formatQuantity(response.value, question.unit) : '';
    case 'short':
      return 'text' in response ? response.text : '';
    case 'match':
      return 'pairs' in response
        ? question.left
            .filter((left) => response.pairs[left.id] !== undefined)
            .map(
              (left) =>
                `${left.text} → ${choiceText(question.right, response.pairs[left.id] ?? '')}`,
            )
            .join('; ')
        : '';
    case 'order':
      return 'order' in response
        ? response.order
            .map((id, index) => `${index + 1}. ${choiceText(question.items, id)}`)
            .join(' ')
        : '';
    case 'evidence':
      return 'sentences' in response ? response.sentences.map(sentenceText).join(' | ') : '';
    case 'two-part': {
      if (!('partA' in response || 'partB' in response)) return '';
      const partA =
        'partA' in response ? describeResponse(question.partA, response.partA, sentenceText) : '';
      const partB =
        'partB' in response ? describeResponse(question.partB, response.partB, sentenceText) : '';
      return `Part A: ${partA || '(no answer)'} / Part B: ${partB || '(no answer)'}`;
    }
    default: {
      const unknown: never = question;
      throw new Error(`Unknown question type: ${JSON.stringify(unknown)}`);
    }
  }
}
