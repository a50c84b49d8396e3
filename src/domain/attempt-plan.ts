import type { PublicBody, PublicQuestion } from './public-question';
import { questionTypeModule } from './question-types/registry';
import type { ResolvedBank, ResolvedQuestion } from './resolved-bank';
import { assertSeed, createRandom, deriveSeed, shuffle } from './seeded-random';

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

function arrangeChoices(
  question: ResolvedQuestion,
  options: AttemptPlanOptions,
): Record<string, string[]> {
  return questionTypeModule(question.type).arrangeChoices(question, {
    shuffleOptions: options.shuffleOptions,
    sameForEveryone: options.sameForEveryone ?? false,
    randomFor: (listName, seed = options.seed) =>
      createRandom(deriveSeed(seed, `${question.id}/${listName}`)),
  });
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
  const body = questionTypeModule(question.type).toPublic(question, {
    questionId: id,
    prefix: '',
    choiceOrders: plan.choiceOrders[id],
  });
  // Object.assign, not spread: spreading one of the body shapes is many times slower in V8. The
  // cast: an evidence body without a claim is a Part B's, and a whole question always has one.
  return Object.assign(body as PublicBody, { id, skill, difficulty, number });
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
