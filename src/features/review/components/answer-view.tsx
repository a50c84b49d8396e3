import { findSentence, type Article } from '../../../domain/article';
import { describeResponse } from '../../../domain/describe-response';
import type {
  PublicChoice,
  PublicPartA,
  PublicPartB,
  PublicQuestion,
} from '../../../domain/public-question';
import type { QuestionResponse } from '../../../domain/responses';
import type { PartScores } from '../../../domain/results';
import { isAnswered } from '../../../domain/validate-response';
import { asEvidence, asMatch, asMultiple, asOrder, asTwoPart } from '../../../lib/narrow-response';
import { formatPoints, pointsUnit } from './format-points';
import { StatusBadge } from './status-badge';

type Answerable = PublicQuestion | PublicPartA | PublicPartB;

function textOf(choices: readonly PublicChoice[], id: string): string {
  return choices.find((choice) => choice.id === id)?.text ?? id;
}

/** Right or wrong, said in words with an icon beside it, so colour is never the only sign. */
function PartMark({ right }: { right: boolean }) {
  return (
    <span className={`part-mark ${right ? 'part-mark-right' : 'part-mark-wrong'}`}>
      <span aria-hidden="true">{right ? '✓' : '✗'}</span> {right ? 'Right' : 'Wrong'}
    </span>
  );
}

interface AnswerViewProps {
  item: Answerable;
  response: QuestionResponse | null | undefined;
  article: Article;
  /**
   * The right answer, to mark each part of `response` (each tick, pair or position) right or
   * wrong. Left out when `response` is itself the right answer.
   */
  correct?: QuestionResponse;
  /** A two-part question's score of each part, shown beside that part. */
  parts?: PartScores;
}

/**
 * An answer as a student reads it in the review: a word or a number as text, and answers made
 * of several parts (choices, pairs, an order, sentences, two parts) as lists, each part marked
 * right or wrong when `correct` is given.
 */
export function AnswerView({ item, response, article, correct, parts }: AnswerViewProps) {
  if (!response || !isAnsweredEnough(item, response)) {
    return <span className="muted">No answer</span>;
  }
  switch (item.type) {
    case 'multiple': {
      const rightChoices = correct ? (asMultiple(correct)?.choices ?? []) : undefined;
      return (
        <ul className="answer-list">
          {(asMultiple(response)?.choices ?? []).map((id) => (
            <li key={id}>
              {textOf(item.options, id)}
              {rightChoices && <PartMark right={rightChoices.includes(id)} />}
            </li>
          ))}
        </ul>
      );
    }
    case 'match': {
      const pairs = asMatch(response)?.pairs ?? {};
      const rightPairs = correct ? asMatch(correct)?.pairs : undefined;
      return (
        <ul className="answer-list">
          {item.left
            .filter((left) => pairs[left.id] !== undefined)
            .map((left) => (
              <li key={left.id}>
                {left.text} → {textOf(item.right, pairs[left.id] ?? '')}
                {rightPairs && <PartMark right={rightPairs[left.id] === pairs[left.id]} />}
              </li>
            ))}
        </ul>
      );
    }
    case 'order': {
      const rightOrder = correct ? asOrder(correct)?.order : undefined;
      return (
        <ol className="answer-list">
          {(asOrder(response)?.order ?? []).map((id, position) => (
            <li key={id}>
              {textOf(item.items, id)}
              {rightOrder && <PartMark right={rightOrder[position] === id} />}
            </li>
          ))}
        </ol>
      );
    }
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
      const given = asTwoPart(response) ?? {};
      const right = correct ? (asTwoPart(correct) ?? {}) : undefined;
      const rows = [
        { key: 'partA', label: 'Part A', item: item.partA, score: parts?.partA },
        { key: 'partB', label: 'Part B', item: item.partB, score: parts?.partB },
      ] as const;
      return (
        <dl className="answer-parts">
          {rows.map((row) => (
            <div key={row.key} className="answer-part">
              <dt>
                {row.label}
                {row.score && (
                  <>
                    {' '}
                    <StatusBadge status={row.score.status} part />{' '}
                    <span className="answer-part-points">
                      {formatPoints(row.score.points)} of {formatPoints(row.score.maxPoints)}{' '}
                      {pointsUnit(row.score.maxPoints)}
                    </span>
                  </>
                )}
              </dt>
              <dd>
                <AnswerView
                  item={row.item}
                  response={given[row.key]}
                  article={article}
                  correct={right?.[row.key]}
                />
              </dd>
            </div>
          ))}
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
