import type { Judgement, QuestionType, Skill } from './question-kinds';

/**
 * What a student sees of a question while answering it: never a correct flag, accepted answer,
 * tolerance, key, feedback, explanation or evidence. Produced only by `toPublicQuestion`.
 */
export interface PublicChoice {
  id: string;
  text: string;
}

export interface PublicSingle {
  type: 'single';
  prompt: string;
  points: number;
  options: PublicChoice[];
}
export interface PublicMultiple {
  type: 'multiple';
  prompt: string;
  points: number;
  options: PublicChoice[];
}
export interface PublicJudgement {
  type: 'judgement';
  prompt: string;
  points: number;
  statement: string;
  /** Always the three judgements, in this order. */
  choices: readonly Judgement[];
}
export interface PublicNumeric {
  type: 'numeric';
  prompt: string;
  points: number;
  unit?: string;
}
export interface PublicShort {
  type: 'short';
  prompt: string;
  points: number;
}
export interface PublicMatch {
  type: 'match';
  prompt: string;
  points: number;
  left: PublicChoice[];
  right: PublicChoice[];
}
export interface PublicOrder {
  type: 'order';
  prompt: string;
  points: number;
  /** In the order the student first sees them: never already the right order. */
  items: PublicChoice[];
}
export interface PublicEvidence {
  type: 'evidence';
  prompt: string;
  points: number;
  claim: string;
}

/** A piece of a cloze text: words as written, or a gap to fill. */
export type PublicClozeSegment =
  | { kind: 'text'; text: string }
  /** `choices` for a drop-down gap, in this attempt's order; null for a gap the student types. */
  | { kind: 'gap'; gapId: string; choices: string[] | null };
export interface PublicCloze {
  type: 'cloze';
  prompt: string;
  points: number;
  segments: PublicClozeSegment[];
  /**
   * The article sentences the text comes from: the page hides them while the question is on
   * screen, since they hold the gaps' answers word for word.
   */
  maskedSentenceIds: string[];
}

export type PublicPartA =
  PublicSingle | PublicMultiple | PublicJudgement | PublicNumeric | PublicShort;
export type PublicPartB = Omit<PublicEvidence, 'claim'> | PublicSingle | PublicMultiple;

export interface PublicTwoPart {
  type: 'two-part';
  prompt: string;
  points: number;
  partA: PublicPartA;
  partB: PublicPartB;
}

type Assert<Condition extends true> = Condition;

/**
 * The public shape of each question type, by type. `SameKeysAsTypes` makes a type without a
 * public shape, a shape for no type, or a shape of the wrong type a compile error.
 */
type SameKeysAsTypes<Shapes> = [QuestionType] extends [keyof Shapes]
  ? [keyof Shapes] extends [QuestionType]
    ? {
        [T in QuestionType]: Shapes[T] extends { type: T } ? true : false;
      }[QuestionType] extends true
      ? true
      : false
    : false
  : false;
export interface PublicBodyByType {
  single: PublicSingle;
  multiple: PublicMultiple;
  judgement: PublicJudgement;
  numeric: PublicNumeric;
  short: PublicShort;
  match: PublicMatch;
  order: PublicOrder;
  evidence: PublicEvidence;
  'two-part': PublicTwoPart;
  cloze: PublicCloze;
}
export type PublicBodiesCheck = Assert<SameKeysAsTypes<PublicBodyByType>>;

/** A public question without what every question has (id, skill, difficulty, number). */
export type PublicBody = PublicBodyByType[QuestionType];

export type PublicQuestion = PublicBody & {
  id: string;
  skill: Skill;
  difficulty: number;
  /** 1-based position in this attempt. */
  number: number;
};

/** The public question of one type (`PublicBodyByType` is checked to hold every type). */
export type PublicQuestionOf<T extends QuestionType> = Extract<PublicQuestion, { type: T }>;
