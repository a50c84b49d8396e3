import { SKILLS, type QuestionType, type Skill } from './question-kinds';
import { questionTypeModule } from './question-types/registry';
import type { ResolvedQuestion } from './resolved-bank';
import type { AttemptResult, ResultStatus } from './results';
import type { QuestionResponse } from './responses';
import { maxPointsOf } from './scorers';

/**
 * Item analysis for teachers, from the scored results of submitted attempts, with the definitions
 * Moodle's quiz statistics use (`question/classes/statistics/questions/calculator.php`): facility
 * is the mean mark over the maximum; the discrimination index is the Pearson correlation of the
 * mark on a question with the mark on the rest of the test; variances are sample variances (n - 1).
 * The test is the `questions` given; an attempt's score is the sum of its marks on them, and an
 * attempt without a question is left out of that question's figures.
 */

export interface OptionFrequency {
  id: string;
  text: string;
  correct: boolean;
  /** Attempts that chose this option. */
  count: number;
  /** `count` over the attempts that had the question, 0 to 1; null without attempts. */
  share: number | null;
}

export interface ItemStatistics {
  questionId: string;
  type: QuestionType;
  prompt: string;
  skill: Skill;
  difficulty: number;
  maxPoints: number;
  /** Attempts that had this question. */
  attemptCount: number;
  statusCounts: Record<ResultStatus, number>;
  meanPoints: number | null;
  /** Mean mark over the maximum, 0 (nobody) to 1 (everybody). */
  facility: number | null;
  /**
   * Pearson r of this question's mark with the rest of the test, -1 to 1: near 0 or below, the
   * question does not tell stronger readers from weaker ones. Null below two attempts or when
   * either mark never varies.
   */
  discrimination: number | null;
  /**
   * How often each choice was taken: single, multiple, judgement, Part A of two-part, and each
   * drop-down gap of a cloze.
   */
  options: OptionFrequency[];
}

export interface HistogramBin {
  /** Percent, inclusive. */
  from: number;
  /** Percent, exclusive, except that the last bin includes 100. */
  to: number;
  count: number;
}

export interface SkillAverage {
  skill: Skill;
  questionCount: number;
  /** The mean over attempts of each attempt's percent on this skill's questions. */
  meanPercent: number | null;
}

export interface TestStatistics {
  attemptCount: number;
  questionCount: number;
  maxPoints: number;
  /** Of the attempts' percents (0 to 100). */
  meanPercent: number | null;
  medianPercent: number | null;
  /** Sample standard deviation of the percents; null below two attempts. */
  standardDeviation: number | null;
  /**
   * Cronbach's alpha over attempts that had every question: k/(k-1) (1 - sum of item variances /
   * variance of totals). Null below two questions, below `MIN_ATTEMPTS_FOR_RELIABILITY` such
   * attempts, or when totals never vary. It can be negative (items that disagree with each other).
   */
  cronbachAlpha: number | null;
  /** Ten bins of 10 percentage points: [0, 10), [10, 20), ... [90, 100]. */
  histogram: HistogramBin[];
  skills: SkillAverage[];
  /** In the order of `questions`. */
  items: ItemStatistics[];
}

const HISTOGRAM_BINS = 10;

/**
 * The fewest attempts with every question before Cronbach's alpha is reported. With a handful of
 * attempts the estimate swings wildly (three attempts can give -1.98 for a sound test); ten is a
 * floor below which no reading of it is safe, not a guarantee above it.
 */
export const MIN_ATTEMPTS_FOR_RELIABILITY = 10;

/** Counts the choices a response took (Part A's, for two-part questions); each once. */
function countChoices(
  counts: Map<string, number>,
  question: ResolvedQuestion,
  response: QuestionResponse | null,
): void {
  if (!response) return;
  for (const id of new Set(questionTypeModule(question.type).chosenIds(question, response))) {
    const count = counts.get(id);
    if (count !== undefined) counts.set(id, count + 1);
  }
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Sum of squared deviations from the mean. */
function sumOfSquares(values: readonly number[]): number {
  const average = mean(values) ?? 0;
  return values.reduce((sum, value) => sum + (value - average) ** 2, 0);
}

function sampleVariance(values: readonly number[]): number | null {
  return values.length < 2 ? null : sumOfSquares(values) / (values.length - 1);
}

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const meanX = mean(xs) ?? 0;
  const meanY = mean(ys) ?? 0;
  let products = 0;
  xs.forEach((x, index) => {
    products += (x - meanX) * ((ys[index] ?? 0) - meanY);
  });
  const spread = Math.sqrt(sumOfSquares(xs) * sumOfSquares(ys));
  return spread === 0 ? null : products / spread;
}

function toPercent(points: number, maxPoints: number): number {
  return (points / maxPoints) * 100;
}

/**
 * The histogram bin of a percent. Percents of whole marks can come out as 69.99999999999999 in
 * binary floating point; rounding far below any shown precision puts them in the bin a person would.
 */
function binOf(percent: number): number {
  const binWidth = 100 / HISTOGRAM_BINS;
  return Math.min(HISTOGRAM_BINS - 1, Math.floor(Math.round(percent * 1e6) / 1e6 / binWidth));
}

/** `marks` holds one column per question: each attempt's mark, or NaN if it was not asked. */
function cronbachAlpha(marks: readonly Float64Array[], attemptCount: number): number | null {
  const complete: number[] = [];
  for (let attempt = 0; attempt < attemptCount; attempt += 1) {
    if (marks.every((column) => !Number.isNaN(column[attempt] ?? Number.NaN)))
      complete.push(attempt);
  }
  if (marks.length < 2 || complete.length < Math.max(2, MIN_ATTEMPTS_FOR_RELIABILITY)) return null;
  const itemVariances = marks.reduce(
    (sum, column) => sum + (sampleVariance(complete.map((attempt) => column[attempt] ?? 0)) ?? 0),
    0,
  );
  const totals = complete.map((attempt) =>
    marks.reduce((sum, column) => sum + (column[attempt] ?? 0), 0),
  );
  const totalVariance = sampleVariance(totals) ?? 0;
  if (totalVariance === 0) return null;
  return (marks.length / (marks.length - 1)) * (1 - itemVariances / totalVariance);
}

function histogramOf(percents: readonly number[]): HistogramBin[] {
  const binWidth = 100 / HISTOGRAM_BINS;
  const histogram = Array.from({ length: HISTOGRAM_BINS }, (_, bin) => ({
    from: bin * binWidth,
    to: (bin + 1) * binWidth,
    count: 0,
  }));
  for (const percent of percents) {
    const bin = histogram[binOf(percent)];
    if (bin) bin.count += 1;
  }
  return histogram;
}

/**
 * Item and test statistics for the teacher pages, from the results of submitted attempts at
 * `questions`: per question facility, discrimination index and choice frequencies; per test the
 * mean, median and standard deviation of the percents, Cronbach's alpha, a histogram in ten bins,
 * and per-skill averages.
 */
export function computeItemStatistics(input: {
  questions: ResolvedQuestion[];
  results: AttemptResult[];
}): TestStatistics {
  const { questions, results } = input;
  const attemptCount = results.length;
  const tallies = questions.map((question) => {
    const choices = questionTypeModule(question.type).statisticsChoices(question);
    return {
      question,
      maxPoints: maxPointsOf(question),
      // Each attempt's mark, or NaN if the attempt did not have the question.
      marks: new Float64Array(attemptCount).fill(Number.NaN),
      statusCounts: { correct: 0, partial: 0, incorrect: 0, unanswered: 0 },
      choices,
      choiceCounts: new Map(choices.map((choice) => [choice.id, 0])),
    };
  });
  const tallyById = new Map(tallies.map((tally) => [tally.question.id, tally]));

  const totals = new Float64Array(attemptCount);
  const possible = new Float64Array(attemptCount);
  results.forEach((result, attempt) => {
    for (const review of result.questions) {
      const tally = tallyById.get(review.question.id);
      if (tally === undefined) continue;
      tally.marks[attempt] = review.points;
      tally.statusCounts[review.status] += 1;
      countChoices(tally.choiceCounts, tally.question, review.response);
      totals[attempt] = (totals[attempt] ?? 0) + review.points;
      possible[attempt] = (possible[attempt] ?? 0) + tally.maxPoints;
    }
  });
  const percents = Array.from(totals, (total, attempt) => {
    const outOf = possible[attempt] ?? 0;
    return outOf === 0 ? 0 : toPercent(total, outOf);
  });

  const items = tallies.map(
    ({ question, maxPoints, marks, statusCounts, choices, choiceCounts }): ItemStatistics => {
      const itemMarks: number[] = [];
      const restMarks: number[] = [];
      marks.forEach((mark, attempt) => {
        if (Number.isNaN(mark)) return;
        itemMarks.push(mark);
        restMarks.push((totals[attempt] ?? 0) - mark);
      });
      const meanPoints = mean(itemMarks);
      return {
        questionId: question.id,
        type: question.type,
        prompt: question.prompt,
        skill: question.skill,
        difficulty: question.difficulty,
        maxPoints,
        attemptCount: itemMarks.length,
        statusCounts,
        meanPoints,
        facility: meanPoints === null ? null : meanPoints / maxPoints,
        discrimination: pearson(itemMarks, restMarks),
        options: choices.map((choice) => {
          const count = choiceCounts.get(choice.id) ?? 0;
          return {
            ...choice,
            count,
            share: itemMarks.length === 0 ? null : count / itemMarks.length,
          };
        }),
      };
    },
  );

  const skills = SKILLS.flatMap((skill): SkillAverage[] => {
    const skillTallies = tallies.filter((tally) => tally.question.skill === skill);
    if (skillTallies.length === 0) return [];
    const skillPercents: number[] = [];
    for (let attempt = 0; attempt < attemptCount; attempt += 1) {
      let earned = 0;
      let outOf = 0;
      for (const tally of skillTallies) {
        const mark = tally.marks[attempt] ?? Number.NaN;
        if (Number.isNaN(mark)) continue;
        earned += mark;
        outOf += tally.maxPoints;
      }
      if (outOf > 0) skillPercents.push(toPercent(earned, outOf));
    }
    return [{ skill, questionCount: skillTallies.length, meanPercent: mean(skillPercents) }];
  });

  const variance = sampleVariance(percents);
  return {
    attemptCount,
    questionCount: questions.length,
    maxPoints: tallies.reduce((sum, tally) => sum + tally.maxPoints, 0),
    meanPercent: mean(percents),
    medianPercent: median(percents),
    standardDeviation: variance === null ? null : Math.sqrt(variance),
    cronbachAlpha: cronbachAlpha(
      tallies.map((tally) => tally.marks),
      attemptCount,
    ),
    histogram: histogramOf(percents),
    skills,
    items,
  };
}
