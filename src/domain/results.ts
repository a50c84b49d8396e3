import type { ResolvedEvidence } from './evidence';
import type { PublicQuestion } from './public-question';
import type { Skill } from './question-kinds';
import type { QuestionResponse } from './responses';

export type ResultStatus = 'correct' | 'partial' | 'incorrect' | 'unanswered';

/** The score of one answer, as every scorer returns it. */
export interface QuestionScore {
  /** From 0 to `maxPoints`, rounded to two decimal places. */
  points: number;
  maxPoints: number;
  status: ResultStatus;
  /** The feedback written for what the student chose (wrong options, wrong judgement), in order. */
  feedback: string[];
  /** For a right typed answer (short), the accepted answer it matched: key, full review only. */
  matchedAnswer?: string;
  /** The typed answer is right because the teacher accepted it (a regrade), not by the bank. */
  acceptedByTeacher?: true;
}

/**
 * The two parts of a two-part question, each with the status its own answer earns. `points` are
 * what the part adds to the question's total: Part B (and a partly right Part A) adds nothing
 * unless Part A is fully right, so `partA.points + partB.points` is always the question's points.
 */
export interface PartScores {
  partA: QuestionScore;
  partB: QuestionScore;
}

/** How one gap of a cloze question was filled, for the review's marks beside each gap. */
export interface GapResult {
  gapId: string;
  /** What the student chose or typed; null for a gap left empty. */
  given: string | null;
  correct: boolean;
  /** The right answer (a typed gap's first accepted answer). */
  rightAnswer: string;
  /** For a right typed gap, the accepted answer it matched. */
  matchedAnswer?: string;
  /** The gap is right because the teacher accepted what was typed (a regrade). */
  acceptedByTeacher?: true;
}

/** One question of a submitted attempt, with everything the review page shows. */
export interface QuestionReview extends QuestionScore {
  question: PublicQuestion;
  response: QuestionResponse | null;
  correctResponse: QuestionResponse;
  explanation: string;
  /**
   * Why each wrong option is wrong, by option id (judgement: by judgement). Two-part questions key
   * their parts' feedback as `partA.<id>` and `partB.<id>`.
   */
  optionFeedback: Record<string, string>;
  evidence: ResolvedEvidence[];
  /** For two-part questions, the score of each part. */
  parts?: PartScores;
  /** For cloze questions, each gap's mark. */
  gaps?: GapResult[];
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
