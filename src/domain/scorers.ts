import type { PartA, PartB } from './question-schema';
import type { ScoreContext } from './question-types/question-type-module';
import type { ResolvedQuestion } from './resolved-bank';
import type { GapResult, PartScores, QuestionScore } from './results';
import type { QuestionResponse } from './responses';

/**
 * The arithmetic the question-type modules' scorers share. Each scorer takes the fields of its
 * type and an answered response and returns points in [0, points], a status and the feedback
 * written for what was chosen. A response shaped for another type earns nothing.
 */

/** A question, or one part of a two-part question: anything that takes one response of its type. */
export type AnswerItem = Exclude<ResolvedQuestion, { type: 'two-part' }> | PartA | PartB;
export type AnswerItemOf<T extends AnswerItem['type']> = Extract<AnswerItem, { type: T }>;
export type Scoring = AnswerItemOf<'multiple'>['scoring'];

/** A question's score, with each part's score for two-part questions and each gap's for cloze. */
export type ScoredQuestion = QuestionScore & { parts?: PartScores; gaps?: GapResult[] };

/** The marks for a fully right answer; a two-part question's are its parts' together. */
export function maxPointsOf(question: ResolvedQuestion): number {
  return question.type === 'two-part'
    ? question.partA.points + question.partB.points
    : question.points;
}

/** Partial credit leaves fractions such as 2/3 of a point; every score is kept to two decimals. */
export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

/** The score of a question (or part) with no answer. */
export function unansweredScore(maxPoints: number): QuestionScore {
  return { points: 0, maxPoints, status: 'unanswered', feedback: [] };
}

/** The score for a share in [0, 1] of a question's points; the status follows the exact share. */
export function shareScore(
  share: number,
  maxPoints: number,
  feedback: string[] = [],
): QuestionScore {
  return {
    points: roundPoints(share * maxPoints),
    maxPoints,
    status: share >= 1 ? 'correct' : share > 0 ? 'partial' : 'incorrect',
    feedback,
  };
}

export function applyScoring(share: number, scoring: Scoring): number {
  return scoring === 'all-or-nothing' && share < 1 ? 0 : share;
}

/** An item's score: unanswered (no marks) unless `context` counts the response as answered. */
export function scoreWhenAnswered(
  points: number,
  response: QuestionResponse | null | undefined,
  context: ScoreContext,
  score: (answered: QuestionResponse) => QuestionScore,
): QuestionScore {
  return response === null || response === undefined || !context.isAnswered(response)
    ? unansweredScore(points)
    : score(response);
}

/**
 * Right-minus-wrong over the key, floored at zero: each right choice earns 1/|key|, each wrong one
 * takes 1/|key| back, so choosing everything earns nothing. A choice made twice counts once. Only
 * the exact key makes the share 1, so all-or-nothing needs no rule of its own.
 */
export function selectionShare(key: readonly string[], chosen: readonly string[]): number {
  const keyIds = new Set(key);
  if (keyIds.size === 0) return 0;
  let right = 0;
  let wrong = 0;
  for (const id of new Set(chosen)) {
    if (keyIds.has(id)) right += 1;
    else wrong += 1;
  }
  return Math.max(0, (right - wrong) / keyIds.size);
}

/**
 * The share of item pairs that the answer puts in the same relative order as the key (Kendall's
 * concordant pairs over all n(n-1)/2 pairs). An item missing from the answer is in no pair.
 */
export function orderShare(key: readonly string[], given: readonly string[]): number {
  const position = new Map(given.map((id, index) => [id, index]));
  const pairCount = (key.length * (key.length - 1)) / 2;
  if (pairCount === 0) return 1;
  let concordant = 0;
  key.forEach((earlier, index) => {
    const earlierAt = position.get(earlier);
    if (earlierAt === undefined) return;
    for (const later of key.slice(index + 1)) {
      const laterAt = position.get(later);
      if (laterAt !== undefined && earlierAt < laterAt) concordant += 1;
    }
  });
  return concordant / pairCount;
}

/**
 * Scores a two-part question dependently, as state reading tests do: nothing unless Part A is
 * fully right (a partly right Part A counts as wrong), then Part A's points plus whatever Part B
 * earns. Each part keeps the status its own answer earns.
 */
export function scoreTwoPart(partA: QuestionScore, partB: QuestionScore): ScoredQuestion {
  const partARight = partA.status === 'correct';
  const parts: PartScores = {
    partA: partARight ? partA : { ...partA, points: 0 },
    partB: partARight ? partB : { ...partB, points: 0 },
  };
  const points = roundPoints(parts.partA.points + parts.partB.points);
  const maxPoints = partA.maxPoints + partB.maxPoints;
  const nothingAnswered = partA.status === 'unanswered' && partB.status === 'unanswered';
  return {
    points,
    maxPoints,
    status: nothingAnswered
      ? 'unanswered'
      : partARight && partB.status === 'correct'
        ? 'correct'
        : points > 0
          ? 'partial'
          : 'incorrect',
    feedback: [...partA.feedback, ...partB.feedback],
    parts,
  };
}
