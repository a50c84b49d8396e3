import type { PublicChoice } from '../public-question';
import type { Path, PresentContext, RuleContext } from './question-type-module';

/** Helpers that several question-type modules share: rules, response reading, presentation. */

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function report(context: RuleContext, path: Path, message: string): void {
  context.problems.push({ path, questionId: context.questionId, message });
}

export function checkUniqueItemIds(
  context: RuleContext,
  items: readonly { id: string }[],
  path: Path,
  noun: string,
): void {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) {
      firstIndex.set(item.id, index);
      return;
    }
    report(
      context,
      [...path, index, 'id'],
      `${noun} id "${item.id}" is used twice in "${path.at(-1)}" of ${context.where} (items ${first + 1} and ${index + 1}). Give each its own id.`,
    );
  });
}

/**
 * A check to call on each entry of a list in turn: it returns the earlier entry this one equals
 * once both are normalised, or undefined for an entry not seen before.
 */
export function findRepeatsWith(
  normalise: (entry: string) => string,
): (entry: string) => string | undefined {
  const seen = new Map<string, string>();
  return (entry) => {
    const key = normalise(entry);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, entry);
    return earlier;
  };
}

/** Thrown inside validation and turned into `{ ok: false }` at the top, so checks read in a line. */
export class InvalidResponse extends Error {
  constructor(
    message: string,
    readonly path: Path,
  ) {
    super(message);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function quoted(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string "${value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** What a response of one type looks like, for the messages of `readObject`. */
export interface ResponseKind {
  type: string;
  responseShape: string;
}

/** Checks that `value` is an object with exactly `fields` (optional ones may be left out). */
export function readObject(
  value: unknown,
  kind: ResponseKind,
  fields: { required: string[]; optional?: string[] },
  path: Path,
): Record<string, unknown> {
  const { type, responseShape } = kind;
  if (!isRecord(value)) {
    throw new InvalidResponse(`A ${type} response is an object: ${responseShape}.`, path);
  }
  const known = [...fields.required, ...(fields.optional ?? [])];
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new InvalidResponse(
      `"${unknown}" is not part of a ${type} response, which is ${responseShape}.`,
      [...path, unknown],
    );
  }
  const missing = fields.required.find((key) => !Object.hasOwn(value, key));
  if (missing !== undefined) {
    throw new InvalidResponse(`"${missing}" is missing: a ${type} response is ${responseShape}.`, [
      ...path,
      missing,
    ]);
  }
  return value;
}

export function readString(value: unknown, path: Path): string {
  if (typeof value !== 'string') {
    throw new InvalidResponse(`Expected a string, got ${describeValue(value)}.`, path);
  }
  return value;
}

/** A list of distinct ids, each of them one that `isKnown` accepts. */
export function readIdList(
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

/** Longer than any word or phrase an answer needs; keeps stored answers small. */
export const MAX_SHORT_ANSWER_LENGTH = 500;

/** A typed answer, at most {@link MAX_SHORT_ANSWER_LENGTH} characters. */
export function readTypedAnswer(value: unknown, path: Path): string {
  const text = readString(value, path);
  if (text.length > MAX_SHORT_ANSWER_LENGTH) {
    throw new InvalidResponse(
      `The answer is ${text.length} characters long; the most allowed is ${MAX_SHORT_ANSWER_LENGTH}.`,
      path,
    );
  }
  return text;
}

/**
 * An item's choices in the plan's order, with only their ids and texts. A plan that does not list
 * exactly the item's choices is a bug, never shown as the bank's (possibly right) order.
 */
export function presentChoices(
  context: PresentContext,
  listName: string,
  choices: readonly { id: string; text: string }[],
): PublicChoice[] {
  // A whole question's lists are named without a prefix: no new string to build and hash for them.
  const order =
    context.choiceOrders?.[context.prefix === '' ? listName : `${context.prefix}${listName}`];
  const presented: PublicChoice[] = [];
  for (const id of order ?? []) {
    for (const choice of choices) {
      if (choice.id !== id) continue;
      presented.push({ id: choice.id, text: choice.text });
      break;
    }
  }
  if (order?.length !== choices.length || presented.length !== choices.length) {
    throw new Error(
      `The attempt plan has no order of "${context.prefix}${listName}" for question "${context.questionId}".`,
    );
  }
  return presented;
}

/** The text of the choice with `id`, or the id itself for one the item does not offer. */
export function choiceText(choices: readonly PublicChoice[], id: string): string {
  return choices.find((choice) => choice.id === id)?.text ?? id;
}

/** Response shapes told apart by their fields, each once: single and judgement share `{ choice }`. */
export function distinctShapes<T extends { responseKeys: readonly string[] }>(modules: T[]): T[] {
  const seen = new Set<string>();
  return modules.filter((module) => {
    const key = module.responseKeys.join();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function idsOf(items: readonly { id: string }[]): string[] {
  return items.map((item) => item.id);
}
