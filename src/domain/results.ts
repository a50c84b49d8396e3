import type { ResolvedEvidence } from './evidence';
import type { PublicQuestion } from './public-question';
import type { Skill } from './question-kinds';
import type { QuestionResponse } from './responses';

export type ResultStatus = 'correct' | 'partial' | 'incorrect' | 'unanswered';

/** The score of one answer, as every scorer returns it. */
export interface QuestionScore {
  points: number;
  maxPoints: number;
  status: ResultStatus;
  /** The feedback written for what the student chose (wrong options, wrong judgement), in order. */
  feedback: string[];
}

/** One question of a submitted attempt, with everything the review page shows. */
export interface QuestionReview extends QuestionScore {
  question: PublicQuestion;
  response: QuestionResponse | null;
  correctResponse: QuestionResponse;
  explanation: string;
  /** Why each wrong option is wrong, by option id (judgement: by judgement). */
  optionFeedback: Record<string, string>;
  evidence: ResolvedEvidence[];
  /** For two-part questions, the score of each part. */
  parts?: { partA: QuestionScore; partB: QuestionScore };
}

export interface ScoreBreakdown {
  points: number;
  maxPoints: number;
  /** Number of questions. */
  count: number;
}

export interface AttemptResult {
  total: number;
  maxPoints: number;
  /** 0 to 100, rounded to one decimal place. */
  percent: number;
  bySkill: Partial<Record<Skill, ScoreBreakdown>>;
  byDifficulty: Record<string, ScoreBreakdown>;
  questions: QuestionReview[];
}
