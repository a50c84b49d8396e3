import { findSentence, type Article } from './article';
import { assertNever } from './assert-never';
import { JUDGEMENTS } from './question-kinds';
import type { PartA, PartB } from './question-schema';
import type { ResolvedQuestion } from './resolved-bank';
import type { PartAResponse, PartBResponse, QuestionResponse, TwoPartResponse } from './responses';
import type { AnswerItem } from './scorers';

export type ResponseValidation =
  | { ok: true; response: QuestionResponse }
  | { ok: false; message: string; path: (string | number)[] };

type Path = (string | number)[];

/** Longer than any word or phrase an answer needs; keeps stored answers small. */
export const MAX_SHORT_ANSWER_LENGTH = 500;

/** Thrown inside validation and turned into `{ ok: false }` at the top, so checks read in a line. */
class InvalidResponse extends Error {
  constructor(
    message: string,
    readonly path: Path,
  ) {
    super(message);
  }
}

const SHAPES: Record<ResolvedQuestion['type'], string> = {
  single: '{ "choice": "<option id>" }',
  multiple: '{ "choices": ["<option id>", ...] }',
  judgement: '{ "choice": "true" | "false" | "not-given" }',
  numeric: '{ "value": <number> }',
  short: '{ "text": "<answer>" }',
  match: '{ "pairs": { "<left id>": "<right id>", ... } }',
  order: '{ "order": ["<item id>", ...] }',
  evidence: '{ "sentences": ["<sentence id>", ...] }',
  'two-part': '{ "partA": <response>, "partB": <response> }',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quoted(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}

/** Checks that `value` is an object with exactly `fields` (optional ones may be left out). */
function readObject(
  value: unknown,
  type: ResolvedQuestion['type'],
  fields: { required: string[]; optional?: string[] },
  path: Path,
): Record<string, unknown> {
  if (!isRecord(value)) {
    throw new InvalidResponse(`A ${type} response is an object: ${SHAPES[type]}.`, path);
  }
  const known = [...fields.required, ...(fields.optional ?? [])];
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new InvalidResponse(
      `"${unknown}" is not part of a ${type} response, which is ${SHAPES[type]}.`,
      [...path, unknown],
    );
  }
  const missing = fields.required.find((key) => !Object.hasOwn(value, key));
  if (missing !== undefined) {
    throw new InvalidResponse(`"${missing}" is missing: a ${type} response is ${SHAPES[type]}.`, [
      ...path,
      missing,
    ]);
  }
  return value;
}

function readString(value: unknown, path: Path): string {
  if (typeof value !== 'string') {
    throw new InvalidResponse(`Expected a string, got ${describeValue(value)}.`, path);
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string "${value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** A list of distinct ids, each of them one that `isKnown` accepts. */
function readIdList(
  value: unknown,
  path: Path,
  isKnown: (id: string) => boolean,
  unknownMessage: (id: string) => string,
): string[] {
  if (!Array.isArray(value)) {
    throw new InvalidResponse(`Expected a list of ids, got ${describeValue(value)}.`, path);
  }
  const seen = new Set<string>();
  return value.map((entry, index) => {
    const id = readString(entry, [...path, index]);
    if (!isKnown(id)) throw new InvalidResponse(unknownMessage(id), [...path, index]);
    if (seen.has(id)) throw new InvalidResponse(`"${id}" is listed twice.`, [...path, index]);
    seen.add(id);
    return id;
  });
}

function unknownOption(ids: readonly string[]): (id: string) => string {
  return (id) => `"${id}" is not an option of this question; its options are ${quoted(ids)}.`;
}

function validateAnswer(item: PartA, value: unknown, article: Article, path: Path): PartAResponse;
function validateAnswer(item: PartB, value: unknown, article: Article, path: Path): PartBResponse;
function validateAnswer(
  item: AnswerItem,
  value: unknown,
  article: Article,
  path: Path,
): QuestionResponse;
function validateAnswer(
  item: AnswerItem,
  value: unknown,
  article: Article,
  path: Path,
): QuestionResponse {
  switch (item.type) {
    case 'single': {
      const ids = item.options.map((option) => option.id);
      const response = readObject(value, item.type, { required: ['choice'] }, path);
      const choice = readString(response.choice, [...path, 'choice']);
      if (!ids.includes(choice))
        throw new InvalidResponse(unknownOption(ids)(choice), [...path, 'choice']);
      return { choice };
    }
    case 'multiple': {
      const ids = item.options.map((option) => option.id);
      const response = readObject(value, item.type, { required: ['choices'] }, path);
      return {
        choices: readIdList(
          response.choices,
          [...path, 'choices'],
          (id) => ids.includes(id),
          unknownOption(ids),
        ),
      };
    }
    case 'judgement': {
      const response = readObject(value, item.type, { required: ['choice'] }, path);
      const choice = readString(response.choice, [...path, 'choice']);
      const judgement = JUDGEMENTS.find((candidate) => candidate === choice);
      if (judgement === undefined) {
        throw new InvalidResponse(`"${choice}" is not a judgement; answer ${quoted(JUDGEMENTS)}.`, [
          ...path,
          'choice',
        ]);
      }
      return { choice: judgement };
    }
    case 'numeric': {
      const response = readObject(value, item.type, { required: ['value'] }, path);
      const number = response.value;
      if (typeof number !== 'number') {
        throw new InvalidResponse(`"value" must be a number, not ${describeValue(number)}.`, [
          ...path,
          'value',
        ]);
      }
      if (!Number.isFinite(number)) {
        throw new InvalidResponse(`"value" must be a finite number, not ${number}.`, [
          ...path,
          'value',
        ]);
      }
      return { value: number };
    }
    case 'short': {
      const response = readObject(value, item.type, { required: ['text'] }, path);
      const text = readString(response.text, [...path, 'text']);
      if (text.length > MAX_SHORT_ANSWER_LENGTH) {
        throw new InvalidResponse(
          `The answer is ${text.length} characters long; the most allowed is ${MAX_SHORT_ANSWER_LENGTH}.`,
          [...path, 'text'],
        );
      }
      return { text };
    }
    case 'match': {
      const leftIds = item.left.map((left) => left.id);
      const rightIds = item.right.map((right) => right.id);
      const response = readObject(value, item.type, { required: ['pairs'] }, path);
      if (!isRecord(response.pairs)) {
        throw new InvalidResponse(
          `"pairs" must be an object from left item id to right item id, not ${describeValue(response.pairs)}.`,
          [...path, 'pairs'],
        );
      }
      const pairs: Record<string, string> = {};
      for (const [leftId, rightValue] of Object.entries(response.pairs)) {
        const pairPath = [...path, 'pairs', leftId];
        if (!leftIds.includes(leftId)) {
          throw new InvalidResponse(
            `"${leftId}" is not a left-hand item of this question; they are ${quoted(leftIds)}.`,
            pairPath,
          );
        }
        const rightId = readString(rightValue, pairPath);
        if (!rightIds.includes(rightId)) {
          throw new InvalidResponse(
            `"${rightId}" is not a right-hand item of this question; they are ${quoted(rightIds)}.`,
            pairPath,
          );
        }
        pairs[leftId] = rightId;
      }
      return { pairs };
    }
    case 'order': {
      const ids = item.items.map((orderItem) => orderItem.id);
      const response = readObject(value, item.type, { required: ['order'] }, path);
      const order = readIdList(
        response.order,
        [...path, 'order'],
        (id) => ids.includes(id),
        (id) => `"${id}" is not an item of this question; its items are ${quoted(ids)}.`,
      );
      const missing = ids.filter((id) => !order.includes(id));
      if (missing.length > 0) {
        throw new InvalidResponse(
          `The order must list every item once; it leaves out ${quoted(missing)}.`,
          [...path, 'order'],
        );
      }
      return { order };
    }
    case 'evidence': {
      const response = readObject(value, item.type, { required: ['sentences'] }, path);
      return {
        sentences: readIdList(
          response.sentences,
          [...path, 'sentences'],
          (id) => findSentence(article, id) !== undefined,
          (id) => `"${id}" is not a sentence of the article; sentence ids look like "p7.s2".`,
        ),
      };
    }
    default:
      return assertNever(item);
  }
}

function validateQuestionResponse(
  question: ResolvedQuestion,
  value: unknown,
  article: Article,
): QuestionResponse {
  if (question.type !== 'two-part') return validateAnswer(question, value, article, []);
  const response = readObject(
    value,
    question.type,
    { required: [], optional: ['partA', 'partB'] },
    [],
  );
  const twoPart: TwoPartResponse = {};
  if (response.partA !== undefined) {
    twoPart.partA = validateAnswer(question.partA, response.partA, article, ['partA']);
  }
  if (response.partB !== undefined) {
    twoPart.partB = validateAnswer(question.partB, response.partB, article, ['partB']);
  }
  return twoPart;
}

/**
 * Checks an answer against its question before it is saved or scored, and returns a clean copy.
 * It must have the shape of the question type's response, with no other fields, and name only
 * what the question offers: known option, item and sentence ids, each at most once, an `order`
 * that lists every item, a `value` that is a finite number (never a string such as "76"). Two-part
 * parts are checked as responses of their own types, and either may be left out.
 */
export function validateResponse(
  question: ResolvedQuestion,
  response: unknown,
  article: Article,
): ResponseValidation {
  try {
    return { ok: true, response: validateQuestionResponse(question, response, article) };
  } catch (error) {
    if (error instanceof InvalidResponse)
      return { ok: false, message: error.message, path: error.path };
    throw error;
  }
}

/**
 * Whether a response says enough to count as answered: a choice or value, a non-empty selection,
 * order or set of pairs, a non-blank text; for two-part questions, both parts.
 */
export function isAnswered(response: QuestionResponse | null | undefined): boolean {
  if (response === undefined || response === null) return false;
  if ('choice' in response || 'value' in response) return true;
  if ('choices' in response) return response.choices.length > 0;
  if ('sentences' in response) return response.sentences.length > 0;
  if ('order' in response) return response.order.length > 0;
  if ('pairs' in response) return Object.keys(response.pairs).length > 0;
  if ('text' in response) return response.text.trim() !== '';
  return isAnswered(response.partA) && isAnswered(response.partB);
}
