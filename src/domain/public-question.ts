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

/** A public question without what every question has (id, skill, difficulty, number). */
export type PublicBody =
  | PublicSingle
  | PublicMultiple
  | PublicJudgement
  | PublicNumeric
  | PublicShort
  | PublicMatch
  | PublicOrder
  | PublicEvidence
  | PublicTwoPart;

export type PublicQuestion = PublicBody & {
  id: string;
  skill: Skill;
  difficulty: number;
  /** 1-based position in this attempt. */
  number: number;
};

/** Compile-time check that every question type has a public shape. */
export type PublicQuestionOf<T extends QuestionType> = Extract<PublicQuestion, { type: T }>;
