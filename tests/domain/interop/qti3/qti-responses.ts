import type { Article } from '../../../../src/domain/article';
import { assertNever } from '../../../../src/domain/assert-never';
import {
  GAP_RESPONSE_PREFIX,
  PART_SUFFIXES,
  toIdentifier,
} from '../../../../src/domain/interop/qti3/identifiers';
import { JUDGEMENTS } from '../../../../src/domain/question-kinds';
import {
  listEvidenceSentenceIds,
  type ResolvedQuestion,
} from '../../../../src/domain/resolved-bank';
import type { QuestionResponse, TwoPartResponse } from '../../../../src/domain/responses';
import type { AnswerItem } from '../../../../src/domain/scorers';
import type { QtiValue } from './qti-response-processing';

/** Readproof responses as the QTI response variables a player would hold for the same answer. */

function single(value: string | number): QtiValue {
  return { cardinality: 'single', value };
}

function container(cardinality: 'multiple' | 'ordered', values: string[]): QtiValue {
  // QTI holds an empty container as NULL.
  return values.length === 0 ? null : { cardinality, values };
}

function typed(text: string): QtiValue {
  return text.trim() === '' ? null : single(text);
}

function answerVariables(
  item: AnswerItem,
  response: QuestionResponse | undefined,
): Map<string, QtiValue> {
  const one = (value: QtiValue) => new Map([['RESPONSE', value]]);
  if (response === undefined) return new Map();
  switch (item.type) {
    case 'single':
    case 'judgement':
      return one('choice' in response ? single(toIdentifier(response.choice)) : null);
    case 'multiple':
      return one(
        'choices' in response ? container('multiple', response.choices.map(toIdentifier)) : null,
      );
    case 'numeric':
      return one('value' in response ? single(response.value) : null);
    case 'short':
      return one('text' in response ? typed(response.text) : null);
    case 'match':
      return one(
        'pairs' in response
          ? container(
              'multiple',
              Object.entries(response.pairs).map(
                ([left, right]) => `${toIdentifier(left)} ${toIdentifier(right)}`,
              ),
            )
          : null,
      );
    case 'order':
      return one(
        'order' in response ? container('ordered', response.order.map(toIdentifier)) : null,
      );
    case 'evidence':
      return one('sentences' in response ? container('multiple', response.sentences) : null);
    case 'cloze': {
      const gaps = 'gaps' in response ? response.gaps : {};
      return new Map(
        item.gaps.map((gap): [string, QtiValue] => {
          const given = gaps[gap.id] ?? '';
          const index = gap.choices?.indexOf(given) ?? -1;
          return [
            `${GAP_RESPONSE_PREFIX}${gap.id}`,
            gap.choices === undefined
              ? typed(given)
              : index === -1
                ? null
                : single(`c${index + 1}`),
          ];
        }),
      );
    }
    default:
      return assertNever(item);
  }
}

/** Each item a question was exported to, with the variables of `response` for it. */
export function toItemResponses(
  question: ResolvedQuestion,
  response: QuestionResponse | undefined,
): [identifier: string, variables: Map<string, QtiValue>][] {
  const identifier = toIdentifier(question.id);
  if (question.type !== 'two-part') return [[identifier, answerVariables(question, response)]];
  const parts: TwoPartResponse =
    response !== undefined && ('partA' in response || 'partB' in response) ? response : {};
  return [
    [`${identifier}${PART_SUFFIXES.partA}`, answerVariables(question.partA, parts.partA)],
    [`${identifier}${PART_SUFFIXES.partB}`, answerVariables(question.partB, parts.partB)],
  ];
}

function wrongAnswer(
  item: AnswerItem,
  question: ResolvedQuestion,
  article: Article,
): QuestionResponse {
  switch (item.type) {
    case 'single':
      return { choice: item.options.find((option) => !option.correct)?.id ?? '' };
    case 'multiple':
      return {
        choices: item.options.filter((option) => !option.correct).map((option) => option.id),
      };
    case 'judgement':
      return { choice: JUDGEMENTS.find((judgement) => judgement !== item.answer) ?? 'true' };
    case 'numeric':
      return { value: item.answer + item.tolerance + Math.max(1, Math.abs(item.answer)) };
    case 'short':
      return { text: 'zebra crossing' };
    case 'match':
      return {
        pairs: Object.fromEntries(
          item.left.map((left) => [
            left.id,
            item.right.find((right) => right.id !== left.match)?.id ?? left.match,
          ]),
        ),
      };
    case 'order':
      return { order: item.items.map((entry) => entry.id).reverse() };
    case 'evidence': {
      const key = new Set(listEvidenceSentenceIds(question));
      const other = article.paragraphs
        .flatMap((paragraph) => paragraph.sentences)
        .find((sentence) => !key.has(sentence.id));
      return { sentences: other === undefined ? [] : [other.id] };
    }
    case 'cloze':
      return {
        gaps: Object.fromEntries(
          item.gaps.map((gap) => [
            gap.id,
            gap.choices === undefined
              ? 'zebra crossing'
              : (gap.choices.find((choice) => choice !== gap.answer) ?? ''),
          ]),
        ),
      };
    default:
      return assertNever(item);
  }
}

/** A response that gets every part of the question wrong. */
export function wrongResponse(question: ResolvedQuestion, article: Article): QuestionResponse {
  if (question.type !== 'two-part') return wrongAnswer(question, question, article);
  return {
    partA: wrongAnswer(question.partA, question, article),
    partB: wrongAnswer(question.partB, question, article),
  } as TwoPartResponse;
}
