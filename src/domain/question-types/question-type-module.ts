import type { z } from 'zod';
import type { Article } from '../article';
import type { PublicBody, PublicPartB } from '../public-question';
import type { QuestionType } from '../question-kinds';
import type { BankProblem, ResolvedQuestion, ResolvedQuestionOf } from '../resolved-bank';
import type { QuestionResponse, ResponseByType } from '../responses';
import type { QuestionScore } from '../results';
import type { RandomSource } from '../seeded-random';
import type { AnswerItem, AnswerItemOf, ScoredQuestion } from '../scorers';
import type { SchemaKit } from './schema-kit';

/** Every type whose question takes one response of its own shape: all but `two-part`. */
export type AnswerType = Exclude<QuestionType, 'two-part'>;

/** What a module's functions take: a question or part of an answer type, or a two-part question. */
export type ItemOf<T extends QuestionType> = T extends AnswerType
  ? AnswerItemOf<T>
  : ResolvedQuestionOf<'two-part'>;

type DistributiveOmit<Item, Key extends PropertyKey> = Item extends unknown
  ? Omit<Item, Key>
  : never;

/** What the bank rules look at: an item before its evidence quotes are resolved. */
export type RuleItemOf<T extends QuestionType> = DistributiveOmit<ItemOf<T>, 'evidence'>;

/** What the student sees of an item: for `evidence`, a whole question (with its claim) or a part. */
export type PublicItemOf<T extends QuestionType> = Extract<PublicBody | PublicPartB, { type: T }>;

export type Path = (string | number)[];

/** Where a bank rule is checked, and where it reports. */
export interface RuleContext {
  questionId: string;
  /** "this question", or "Part A" inside a two-part question. */
  where: string;
  problems: BankProblem[];
}

/** Rules checked once the evidence quotes are found in the article. */
export interface ResolvedRuleContext extends RuleContext {
  article: Article;
  /** The whole question, whose evidence an item's rule may need. */
  question: ResolvedQuestion;
  /** The question's path in the bank (a part's rules may report on the whole question's fields). */
  questionPath: Path;
}

/** What validating a response needs besides the item: the article (for sentence ids) and where it is. */
export interface ValidationContext {
  article: Article;
  path: Path;
}

/**
 * What scoring needs besides the item. The dispatcher passes its own `isAnswered` and
 * `scoreAnswer` in, so a composite type (two-part) scores its parts without importing the registry.
 */
export interface ScoreContext {
  /** The whole question, whose evidence is the key of an evidence item or part. */
  question: ResolvedQuestion;
  /**
   * The text of the sentences the question's evidence quotes (or only the quotes, when scored
   * without the article): the words a typed answer may add to an accepted one. Read on demand:
   * only typed answers need it, and scoring is on the submit and sweep path.
   */
  readEvidenceText(): string;
  /**
   * Whether the teacher accepted this typed answer (for `gapId`, or null for a short answer) by a
   * regrade (src/domain/regrade.ts). Absent when there are no acceptances.
   */
  isAcceptedByTeacher?(given: string, gapId: string | null): boolean;
  isAnswered(response: QuestionResponse): boolean;
  scoreAnswer(item: AnswerItem, response: QuestionResponse | null | undefined): QuestionScore;
}

/** How the lists of choices of one item are arranged for an attempt. */
export interface ArrangeContext {
  shuffleOptions: boolean;
  /** The plan is shown alike to many people (a preview). */
  sameForEveryone: boolean;
  /** A random source of its own for each list, so one list's shuffle never moves another's. */
  randomFor(listName: string, seed?: number): RandomSource;
}

/** Where an item's choice orders sit in an attempt plan. */
export interface PresentContext {
  questionId: string;
  /** '' for a question, `partA.`/`partB.` for a part. */
  prefix: string;
  /** List name (with prefix) -> ids in the order presented. */
  choiceOrders: Readonly<Record<string, readonly string[]>> | undefined;
}

/** A choice whose frequency the item statistics show. */
export interface StatisticsChoice {
  id: string;
  text: string;
  correct: boolean;
}

/**
 * Everything that varies by question type, in one object per type (`./<type>.ts`), listed in
 * `registry.ts`. Methods (not function properties) on purpose: a module for one type is then
 * usable where a module for any type is expected, which is how the registry dispatches without casts.
 * A module is declared with this type (`: QuestionTypeModule<'x'>`, not `satisfies`): its inferred
 * type would name zod's internal modules, which the declarations `tsc -b` writes cannot.
 */
export interface QuestionTypeModule<T extends QuestionType> {
  readonly type: T;
  /** The bank fields of the type (besides id, prompt, skill, ... which every question has). */
  bankFields(kit: SchemaKit): { type: z.ZodLiteral<T> };
  /** Rules across fields the schema cannot say (the key names a real option, ...). */
  checkRules(item: RuleItemOf<T>, context: RuleContext, path: Path): void;
  /** Rules that need the article: checked after the evidence quotes are resolved. */
  checkResolved(item: ItemOf<T>, context: ResolvedRuleContext, path: Path): void;

  /** The response's shape in words, for error messages and the API document. */
  readonly responseShape: string;
  /** The fields of a response of this type: how a saved answer is told apart without its question. */
  readonly responseKeys: readonly string[];
  /** The structural response schema for API bodies (the precise checks are `validateResponse`). */
  responseSchema(kit: SchemaKit): z.ZodType<ResponseByType[T]>;
  /** Checks a response against the item; throws `InvalidResponse` naming what and where. */
  validateResponse(item: ItemOf<T>, value: unknown, context: ValidationContext): ResponseByType[T];
  /**
   * Whether a response (of this type's shape) says enough to count as answered; a composite
   * type asks `isPartAnswered` about its parts.
   */
  isAnswered(
    response: ResponseByType[T],
    isPartAnswered: (part: QuestionResponse | undefined) => boolean,
  ): boolean;

  /** Points in [0, points]; an answer module gets only answered responses' scores asked through `scoreAnswer`. */
  score(
    item: ItemOf<T>,
    response: QuestionResponse | null | undefined,
    context: ScoreContext,
  ): ScoredQuestion;
  /** The right answer as a response: what the review shows, and a response that scores full marks. */
  correctResponse(item: ItemOf<T>, question: ResolvedQuestion): ResponseByType[T];
  /** Every answer a marker would accept, where the right answer alone does not say it. */
  acceptedAnswers(item: ItemOf<T>): string[];
  /** The feedback written for each choice, by choice id. */
  optionFeedback(item: ItemOf<T>): Record<string, string>;

  /** The lists of choices to arrange for an attempt, by list name. */
  arrangeChoices(item: ItemOf<T>, context: ArrangeContext): Record<string, string[]>;
  /** What the student sees: never the key, feedback, explanation or evidence. */
  toPublic(item: ItemOf<T>, context: PresentContext): PublicItemOf<T>;
  /** A response in words, for CSV, print and the review; '' for unanswered. */
  describeResponse(
    item: PublicItemOf<T>,
    response: QuestionResponse,
    sentenceText: (sentenceId: string) => string,
  ): string;

  /** The choices whose frequencies the item statistics count (none for types without choices). */
  statisticsChoices(item: ItemOf<T>): StatisticsChoice[];
  /** The ids of `statisticsChoices` a response took. */
  chosenIds(item: ItemOf<T>, response: QuestionResponse): string[];
}
