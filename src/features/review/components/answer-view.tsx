import { findSentence, type Article } from '../../../domain/article';
import { describeResponse } from '../../../domain/describe-response';
import type {
  PublicChoice,
  PublicPartA,
  PublicPartB,
  PublicQuestion,
} from '../../../domain/public-question';
import type { QuestionResponse } from '../../../domain/responses';
import { isAnswered } from '../../../domain/validate-response';
import { asEvidence, asMatch, asMultiple, asOrder, asTwoPart } from '../../../lib/narrow-response';

type Answerable = PublicQuestion | PublicPartA | PublicPartB;

function textOf(choices: readonly PublicChoice[], id: string): string {
  return choices.find((choice) => choice.id === id)?.text ?? id;
}

interface AnswerViewProps {
  item: Answerable;
  response: QuestionResponse | null | undefined;
  article: Article;
}

/**
 * An answer as a student reads it in the review: a word or a number as text, and answers made
 * of several parts (choices, pairs, an order, sentences, two parts) as lists.
 */
export function AnswerView({ item, response, article }: AnswerViewProps) {
  if (!response || !isAnsweredEnough(item, response)) {
    return <span className="muted">No answer</span>;
  }
  switch (item.type) {
    case 'multiple':
      return (
        <ul className="answer-list">
          {(asMultiple(response)?.choices ?? []).map((id) => (
            <li key={id}>{textOf(item.options, id)}</li>
          ))}
        </ul>
      );
    case 'match':
      return (
        <ul className="answer-list">
          {item.left
            .filter((left) => asMatch(response)?.pairs[left.id] !== undefined)
            .map((left) => (
              <li key={left.id}>
                {left.text} → {textOf(item.right, asMatch(response)?.pairs[left.id] ?? '')}
              </li>
            ))}
        </ul>
      );
    case 'order':
      return (
        <ol className="answer-list">
          {(asOrder(response)?.order ?? []).map((id) => (
            <li key={id}>{textOf(item.items, id)}</li>
          ))}
        </ol>
      );
    case 'evidence':
      return (
        <ul className="answer-list answer-quotes">
          {(asEvidence(response)?.sentences ?? []).map((id) => (
            <li key={id}>
              <q>{findSentence(article, id)?.text ?? id}</q>
            </li>
          ))}
        </ul>
      );
    case 'two-part': {
      const parts = asTwoPart(response) ?? {};
      return (
        <dl className="answer-parts">
          <dt>Part A</dt>
          <dd>
            <AnswerView item={item.partA} response={parts.partA} article={article} />
          </dd>
          <dt>Part B</dt>
          <dd>
            <AnswerView item={item.partB} response={parts.partB} article={article} />
          </dd>
        </dl>
      );
    }
    default:
      return <>{describeResponse(item, response)}</>;
  }
}

/** A two-part answer with one part is still worth showing; other answers must be complete. */
function isAnsweredEnough(item: Answerable, response: QuestionResponse): boolean {
  if (item.type !== 'two-part') return isAnswered(response);
  const parts = asTwoPart(response) ?? {};
  return isAnswered(parts.partA) || isAnswered(parts.partB);
}
