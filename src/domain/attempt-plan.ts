import { assertNever } from './assert-never';
import { JUDGEMENTS } from './question-kinds';
import type { Option, PartA, PartB } from './question-schema';
import type {
  PublicBody,
  PublicChoice,
  PublicPartA,
  PublicPartB,
  PublicQuestion,
  PublicTwoPart,
} from './public-question';
import type { ResolvedBank, ResolvedQuestion } from './resolved-bank';
import { maxPointsOf, type AnswerItem } from './scorers';
import {
  assertSeed,
  createRandom,
  deriveSeed,
  shuffle,
  shuffleOutOfOrder,
  type RandomSource,
} from './seeded-random';

export interface AttemptPlanOptions {
  /** An integer from 0 to 2^32 - 1; the same seed always gives the same plan. */
  seed: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** A subset of the bank's questions; they keep the bank's order unless shuffled. */
  questionIds?: string[];
  /**
   * The plan is shown alike to many people (a bank's preview): `order` items then come in one
   * fixed arrangement that is never the right one, as they do with options unshuffled.
   */
  sameForEveryone?: boolean;
}

/** How one attempt presents its questions: everything needed to show them again the same way. */
export interface AttemptPlan {
  seed: number;
  /** In the order presented. */
  questionIds: string[];
  /**
   * questionId -> list name (`options`, `left`, `right`, `items`, `partA.options`,
   * `partB.options`) -> ids in the order presented. Every planned question has an entry.
   */
  choiceOrders: Record<string, Record<string, string[]>>;
}

/**
 * The seed for `order` items shown alike to everyone (shuffling off, or a preview): one
 * arrangement, which is never the right order.
 */
const SHARED_ORDER_SEED = 0;

/**
 * The arrangement of `order` items. Shuffled per attempt, every arrangement is equally likely, the
 * right one included: an arrangement never shown would be the key, found by elimination over
 * enough practice attempts. Shown alike to everyone, it is one fixed arrangement that is never
 * the right order, since that one would be the key for all.
 */
function arrangeOrderItems(
  itemIds: string[],
  { shuffleOptions, sameForEveryone = false }: AttemptPlanOptions,
  randomFor: (listName: string, seed?: number) => RandomSource,
): string[] {
  return shuffleOptions && !sameForEveryone
    ? shuffle(itemIds, randomFor('items'))
    : shuffleOutOfOrder(itemIds, randomFor('items', SHARED_ORDER_SEED));
}

/** Options marked `fixed` (such as "None of these") keep their place; the others are shuffled. */
function arrangeOptions(options: readonly Option[], random: RandomSource | undefined): string[] {
  const ids = options.map((option) => option.id);
  if (random === undefined) return ids;
  const movable = shuffle(
    options.filter((option) => !option.fixed).map((option) => option.id),
    random,
  );
  let next = 0;
  return options.map((option) => (option.fixed ? option.id : (movable[next++] ?? option.id)));
}

function arrangeChoices(
  question: ResolvedQuestion,
  options: AttemptPlanOptions,
): Record<string, string[]> {
  const randomFor = (listName: string, seed = options.seed) =>
    createRandom(deriveSeed(seed, `${question.id}/${listName}`));
  const optionRandom = (listName: string) =>
    options.shuffleOptions ? randomFor(listName) : undefined;
  const listsOfPart = (part: PartA | PartB, prefix: string): Record<string, string[]> =>
    part.type === 'single' || part.type === 'multiple'
      ? {
          [`${prefix}.options`]: arrangeOptions(part.options, optionRandom(`${prefix}.options`)),
        }
      : {};
  const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

  switch (question.type) {
    case 'single':
    case 'multiple':
      return { options: arrangeOptions(question.options, optionRandom('options')) };
    case 'match': {
      const left = ids(question.left);
      const right = ids(question.right);
      return options.shuffleOptions
        ? { left: shuffle(left, randomFor('left')), right: shuffle(right, randomFor('right')) }
        : { left, right };
    }
    case 'order':
      return { items: arrangeOrderItems(ids(question.items), options, randomFor) };
    case 'judgement':
    case 'numeric':
    case 'short':
    case 'evidence':
      return {};
    case 'two-part':
      return { ...listsOfPart(question.partA, 'partA'), ...listsOfPart(question.partB, 'partB') };
    default:
      return assertNever(question);
  }
}

function selectQuestions(
  bank: ResolvedBank,
  questionIds: string[] | undefined,
): ResolvedQuestion[] {
  if (questionIds === undefined) return bank.questions;
  const unknown = questionIds.filter(
    (id) => !bank.questions.some((question) => question.id === id),
  );
  if (unknown.length > 0) {
    throw new Error(
      `Bank "${bank.id}" has no question ${unknown.map((id) => `"${id}"`).join(', ')}.`,
    );
  }
  const wanted = new Set(questionIds);
  return bank.questions.filter((question) => wanted.has(question.id));
}

/**
 * Plans an attempt at a bank: which questions, in which order, and the order of every list of
 * choices. The same bank, options and seed always give the same plan. Questions, options and
 * match lists are shuffled only when asked; options marked `fixed` keep their place; `order`
 * items are shuffled uniformly with the options, and otherwise shown in one arrangement that is
 * never the right order. Each question's lists are shuffled from their own seed, so choosing a
 * subset does not reshuffle the rest.
 */
export function createAttemptPlan(bank: ResolvedBank, options: AttemptPlanOptions): AttemptPlan {
  assertSeed(options.seed);
  const questions = selectQuestions(bank, options.questionIds);
  if (questions.length === 0) throw new RangeError('An attempt needs at least one question.');
  const bankOrder = questions.map((question) => question.id);
  return {
    seed: options.seed,
    questionIds: options.shuffleQuestions
      ? shuffle(bankOrder, createRandom(deriveSeed(options.seed, 'questions')))
      : bankOrder,
    choiceOrders: Object.fromEntries(
      questions.map((question) => [question.id, arrangeChoices(question, options)]),
    ),
  };
}

/** Where a list of choices sits in a plan: the question, and `partA.`/`partB.` for parts. */
interface ListPlace {
  plan: AttemptPlan;
  questionId: string;
  prefix: '' | 'partA.' | 'partB.';
}

/**
 * A question's choices in the plan's order, with only their ids and texts. A plan that does not
 * list exactly the question's choices is a bug, never shown as the bank's (possibly right) order.
 */
function presentChoices(
  place: ListPlace,
  listName: string,
  choices: readonly { id: string; text: string }[],
): PublicChoice[] {
  const order = place.plan.choiceOrders[place.questionId]?.[`${place.prefix}${listName}`];
  const presented: PublicChoice[] = [];
  for (const id of order ?? []) {
    const choice = choices.find((candidate) => candidate.id === id);
    if (choice !== undefined) presented.push({ id: choice.id, text: choice.text });
  }
  if (order?.length !== choices.length || presented.length !== choices.length) {
    throw new Error(
      `The attempt plan has no order of "${place.prefix}${listName}" for question "${place.questionId}".`,
    );
  }
  return presented;
}

type SingleResponseQuestion = Exclude<ResolvedQuestion, { type: 'two-part' }>;

function toPublicBody(item: PartA, place: ListPlace): PublicPartA;
function toPublicBody(item: PartB, place: ListPlace): PublicPartB;
function toPublicBody(
  item: SingleResponseQuestion,
  place: ListPlace,
): Exclude<PublicBody, PublicTwoPart>;
// Every field is copied by name: the resolved question carries the key and must never be spread.
function toPublicBody(
  item: AnswerItem,
  place: ListPlace,
): Exclude<PublicBody, PublicTwoPart> | PublicPartB {
  const { prompt, points } = item;
  switch (item.type) {
    case 'single':
    case 'multiple':
      return {
        type: item.type,
        prompt,
        points,
        options: presentChoices(place, 'options', item.options),
      };
    case 'judgement':
      return {
        type: item.type,
        prompt,
        points,
        statement: item.statement,
        choices: [...JUDGEMENTS],
      };
    case 'numeric':
      return item.unit === undefined
        ? { type: item.type, prompt, points }
        : { type: item.type, prompt, points, unit: item.unit };
    case 'short':
      return { type: item.type, prompt, points };
    case 'match':
      return {
        type: item.type,
        prompt,
        points,
        left: presentChoices(place, 'left', item.left),
        right: presentChoices(place, 'right', item.right),
      };
    case 'order':
      return { type: item.type, prompt, points, items: presentChoices(place, 'items', item.items) };
    case 'evidence':
      return 'claim' in item
        ? { type: item.type, prompt, points, claim: item.claim }
        : { type: item.type, prompt, points };
    default:
      return assertNever(item);
  }
}

/**
 * What a student sees of a question while answering it, numbered `number` and with its choices in
 * the plan's order: prompts, texts and ids only. No correct flag, accepted answer, tolerance, key,
 * feedback, explanation or evidence reaches it.
 */
export function toPublicQuestion(
  question: ResolvedQuestion,
  plan: AttemptPlan,
  number: number,
): PublicQuestion {
  const { id, skill, difficulty } = question;
  if (question.type !== 'two-part') {
    // Object.assign, not spread: spreading one of nine body shapes is many times slower in V8.
    return Object.assign(toPublicBody(question, { plan, questionId: id, prefix: '' }), {
      id,
      skill,
      difficulty,
      number,
    });
  }
  return {
    id,
    skill,
    difficulty,
    number,
    type: question.type,
    prompt: question.prompt,
    points: maxPointsOf(question),
    partA: toPublicBody(question.partA, { plan, questionId: id, prefix: 'partA.' }),
    partB: toPublicBody(question.partB, { plan, questionId: id, prefix: 'partB.' }),
  };
}

/** The questions of a planned attempt, in its order, as the student sees them. */
export function presentQuestions(bank: ResolvedBank, plan: AttemptPlan): PublicQuestion[] {
  const byId = new Map(bank.questions.map((question) => [question.id, question]));
  return plan.questionIds.map((id, index) => {
    const question = byId.get(id);
    if (question === undefined) throw new Error(`Bank "${bank.id}" has no question "${id}".`);
    return toPublicQuestion(question, plan, index + 1);
  });
}
