import { JUDGEMENTS, type Judgement } from './question-kinds';
import { normaliseAnswer } from './normalise-answer';
import type { Option, PartA, PartB } from './question-schema';
import type { ResolvedQuestion } from './resolved-bank';
import type { PartScores, QuestionScore } from './results';
import type { QuestionResponse } from './responses';

/**
 * One scorer per question type. Each takes the fields of its type and an answered response (the
 * caller returns `unanswered` for the rest) and returns points in [0, points], a status and the
 * feedback written for what was chosen. A response shaped for another type earns nothing.
 */

/** A question, or one part of a two-part question: anything that takes one response of its type. */
export type AnswerItem = Exclude<ResolvedQuestion, { type: 'two-part' }> | PartA | PartB;
export type AnswerItemOf<T extends AnswerItem['type']> = Extract<AnswerItem, { type: T }>;
type Scoring = AnswerItemOf<'multiple'>['scoring'];

/** A question's score, with each part's score for two-part questions. */
export type ScoredQuestion = QuestionScore & { parts?: PartScores };

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
function shareScore(share: number, maxPoints: number, feedback: string[] = []): QuestionScore {
  return {
    points: roundPoints(share * maxPoints),
    maxPoints,
    status: share >= 1 ? 'correct' : share > 0 ? 'partial' : 'incorrect',
    feedback,
  };
}

function applyScoring(share: number, scoring: Scoring): number {
  return scoring === 'all-or-nothing' && share < 1 ? 0 : share;
}

function feedbackOf(options: readonly Option[]): string[] {
  return options.flatMap((option) => (option.feedback === undefined ? [] : [option.feedback]));
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

export function scoreSingle(
  item: Pick<AnswerItemOf<'single'>, 'points' | 'options'>,
  response: QuestionResponse,
): QuestionScore {
  const chosen =
    'choice' in response ? item.options.find((option) => option.id === response.choice) : undefined;
  return shareScore(chosen?.correct ? 1 : 0, item.points, feedbackOf(chosen ? [chosen] : []));
}

export function scoreMultiple(
  item: Pick<AnswerItemOf<'multiple'>, 'points' | 'options' | 'scoring'>,
  response: QuestionResponse,
): QuestionScore {
  const chosen = new Set('choices' in response ? response.choices : []);
  const key = item.options.filter((option) => option.correct).map((option) => option.id);
  return shareScore(
    applyScoring(selectionShare(key, [...chosen]), item.scoring),
    item.points,
    feedbackOf(item.options.filter((option) => chosen.has(option.id))),
  );
}

function isJudgement(value: string): value is Judgement {
  return (JUDGEMENTS as readonly string[]).includes(value);
}

export function scoreJudgement(
  item: Pick<AnswerItemOf<'judgement'>, 'points' | 'answer' | 'feedback'>,
  response: QuestionResponse,
): QuestionScore {
  const choice = 'choice' in response && isJudgement(response.choice) ? response.choice : undefined;
  const feedback = choice === undefined ? undefined : item.feedback[choice];
  return shareScore(
    choice === item.answer ? 1 : 0,
    item.points,
    feedback === undefined ? [] : [feedback],
  );
}

/**
 * Allows for binary floating point, so 1.1 is within 0.1 of 1: the noise is far below any
 * tolerance an author would write.
 */
const FLOAT_ALLOWANCE = 1e-9;

export function scoreNumeric(
  item: Pick<AnswerItemOf<'numeric'>, 'points' | 'answer' | 'tolerance'>,
  response: QuestionResponse,
): QuestionScore {
  const value = 'value' in response && typeof response.value === 'number' ? response.value : NaN;
  const allowed = item.tolerance + FLOAT_ALLOWANCE * Math.max(1, Math.abs(item.answer));
  return shareScore(Math.abs(value - item.answer) <= allowed ? 1 : 0, item.points);
}

export function scoreShort(
  item: Pick<AnswerItemOf<'short'>, 'points' | 'answers'>,
  response: QuestionResponse,
): QuestionScore {
  const given = 'text' in response ? normaliseAnswer(response.text) : undefined;
  const right = item.answers.some((answer) => normaliseAnswer(answer) === given);
  return shareScore(right ? 1 : 0, item.points);
}

/** One share per left item paired with its partner; a right item may partner several left ones. */
export function scoreMatch(
  item: Pick<AnswerItemOf<'match'>, 'points' | 'left' | 'scoring'>,
  response: QuestionResponse,
): QuestionScore {
  const pairs = 'pairs' in response ? response.pairs : {};
  const right = item.left.filter((left) => pairs[left.id] === left.match).length;
  return shareScore(applyScoring(right / item.left.length, item.scoring), item.points);
}

export function scoreOrder(
  item: Pick<AnswerItemOf<'order'>, 'points' | 'items' | 'scoring'>,
  response: QuestionResponse,
): QuestionScore {
  const key = item.items.map((orderItem) => orderItem.id);
  const share = orderShare(key, 'order' in response ? response.order : []);
  return shareScore(applyScoring(share, item.scoring), item.points);
}

/** `key` is the sentences the question's evidence quotes touch. */
export function scoreEvidence(
  item: Pick<AnswerItemOf<'evidence'>, 'points' | 'scoring'>,
  key: readonly string[],
  response: QuestionResponse,
): QuestionScore {
  const chosen = 'sentences' in response ? response.sentences : [];
  return shareScore(applyScoring(selectionShare(key, chosen), item.scoring), item.points);
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
