import type { QuestionType } from '../question-kinds';
import type { QuestionResponse, ResponseByType } from '../responses';

/**
 * What the browser needs to know of a type's responses: the fields that tell one apart without its
 * question, and whether it counts as answered. It lives apart from the type modules (each module
 * takes its entry from here) so that a page which only counts answered questions does not bundle
 * every validator, scorer and schema: this file imports nothing but types.
 */
export interface ResponseKind<T extends QuestionType> {
  readonly type: T;
  /** The fields of a response of this type: how a saved answer is told apart without its question. */
  readonly responseKeys: readonly string[];
  /**
   * Whether a response (of this type's shape) says enough to count as answered; a composite type
   * asks `isPartAnswered` about its parts.
   */
  isAnswered(
    response: ResponseByType[T],
    isPartAnswered: (part: QuestionResponse | undefined) => boolean,
  ): boolean;
}

const hasText = (text: string) => text.trim() !== '';

/**
 * Every type's response kind, in the order response shapes are tried in (the registry's order):
 * `single` comes before `judgement`, which share `{ choice }`.
 */
export const RESPONSE_KINDS = {
  single: { type: 'single', responseKeys: ['choice'], isAnswered: () => true },
  multiple: {
    type: 'multiple',
    responseKeys: ['choices'],
    isAnswered: (response) => response.choices.length > 0,
  },
  judgement: { type: 'judgement', responseKeys: ['choice'], isAnswered: () => true },
  numeric: { type: 'numeric', responseKeys: ['value'], isAnswered: () => true },
  short: {
    type: 'short',
    responseKeys: ['text'],
    isAnswered: (response) => hasText(response.text),
  },
  match: {
    type: 'match',
    responseKeys: ['pairs'],
    isAnswered: (response) => Object.keys(response.pairs).length > 0,
  },
  order: {
    type: 'order',
    responseKeys: ['order'],
    isAnswered: (response) => response.order.length > 0,
  },
  evidence: {
    type: 'evidence',
    responseKeys: ['sentences'],
    isAnswered: (response) => response.sentences.length > 0,
  },
  'two-part': {
    type: 'two-part',
    responseKeys: ['partA', 'partB'],
    isAnswered: (response, isPartAnswered) =>
      isPartAnswered(response.partA) && isPartAnswered(response.partB),
  },
  cloze: {
    type: 'cloze',
    responseKeys: ['gaps'],
    isAnswered: (response) => Object.values(response.gaps).some(hasText),
  },
} satisfies { [T in QuestionType]: ResponseKind<T> };

/**
 * The kinds in registry order, listed once: scoring asks for a response's kind for every answer
 * (through `isAnswered`), and listing them afresh each time showed in the engine's profile.
 */
const KINDS_IN_ORDER = Object.values(RESPONSE_KINDS) as readonly ResponseKind<QuestionType>[];

/**
 * The kind whose response shape `response` has (the first, in registry order, with one of its
 * fields), found without the question: drafts and saved answers are read this way.
 */
export function kindOfResponse(response: QuestionResponse): ResponseKind<QuestionType> | undefined {
  for (const kind of KINDS_IN_ORDER) {
    for (const key of kind.responseKeys) if (Object.hasOwn(response, key)) return kind;
  }
  return undefined;
}

/**
 * Whether a response says enough to count as answered: a choice or value, a non-empty selection,
 * order or set of pairs, a non-blank text; for two-part questions, both parts.
 */
export function isAnswered(response: QuestionResponse | null | undefined): boolean {
  if (response === undefined || response === null) return false;
  return kindOfResponse(response)?.isAnswered(response, isAnswered) ?? false;
}
