import { describe, expect, it } from 'vitest';
import { createAttemptPlan } from '../../src/domain/attempt-plan';
import type { ResolvedBank, ResolvedQuestion } from '../../src/domain/resolved-bank';
import type { ResponseMap } from '../../src/domain/responses';
import { scoreAttempt } from '../../src/domain/score-attempt';
import { computeItemStatistics, MIN_ATTEMPTS_FOR_RELIABILITY } from '../../src/domain/statistics';
import { fixtureQuestion } from './fixtures/engine-questions';

/*
 * A small test computed by hand. Three questions:
 *   Q1 single, 1 point, key "kurchatov" (skill literal)
 *   Q2 multiple, 2 points, right minus wrong over the key {disclosed, sanctions} (skill literal)
 *   Q3 judgement, 1 point, key "true" (skill inference)
 * Five attempts and their marks:
 *        Q1            Q2                          Q3               total  percent
 *   A    kurchatov 1   disclosed+sanctions 2       true 1           4      100
 *   B    kurchatov 1   disclosed 1                 false 0          2       50
 *   C    belgorod  0   sanctions 1                 true 1           2       50
 *   D    kurchatov 1   disclosed+visit 0           not-given 0      1       25
 *   E    (nothing) 0   (nothing) 0                 (nothing) 0      0        0
 *
 * Facility = mean / max: Q1 3/5 = 0.6; Q2 (4/5)/2 = 0.4; Q3 (2/5)/1 = 0.4.
 * Percents: mean (100+50+50+25+0)/5 = 45; median 50; deviations 55, 5, 5, -20, -45, squares
 *   3025+25+25+400+2025 = 5500, sample variance 5500/4 = 1375, SD √1375 = 37.0810.
 * Cronbach's alpha, sample variances (n - 1 = 4):
 *   Q1 marks 1,1,0,1,0 mean .6, squares .16+.16+.36+.16+.36 = 1.2, variance .3
 *   Q2 marks 2,1,1,0,0 mean .8, squares 1.44+.04+.04+.64+.64 = 2.8, variance .7
 *   Q3 marks 1,0,1,0,0 mean .4, squares .36+.16+.36+.16+.16 = 1.2, variance .3
 *   totals 4,2,2,1,0 mean 1.8, squares 4.84+.04+.04+.64+3.24 = 8.8, variance 2.2
 *   alpha = 3/2 × (1 - 1.3/2.2) = 1.5 × 0.9/2.2 = 27/44 = 0.613636...
 * Discrimination = Pearson r of the item mark with the rest (total - item):
 *   Q1 item 1,1,0,1,0 rest 3,1,2,0,0: dev item .4,.4,-.6,.4,-.6, dev rest 1.8,-.2,.8,-1.2,-1.2
 *      Σ products .72-.08-.48-.48+.72 = .4; Σ item² 1.2; Σ rest² 6.8; r = .4/√8.16 = 0.140028
 *   Q2 item 2,1,1,0,0 rest 2,1,1,1,0: dev item 1.2,.2,.2,-.8,-.8, dev rest 1,0,0,0,-1
 *      Σ products 1.2+.8 = 2; Σ item² 2.8; Σ rest² 2; r = 2/√5.6 = 0.845154
 *   Q3 item 1,0,1,0,0 rest 3,2,1,1,0: dev item .6,-.4,.6,-.4,-.4, dev rest 1.6,.6,-.4,-.4,-1.4
 *      Σ products .96-.24-.24+.16+.56 = 1.2; Σ item² 1.2; Σ rest² 5.2; r = 1.2/√6.24 = 0.480384
 * Histogram: 0 -> [0,10), 25 -> [20,30), 50, 50 -> [50,60), 100 -> [90,100].
 * Skills: literal (Q1+Q2, 3 points) 3/3, 2/3, 1/3, 1/3, 0 -> mean 46.667; inference (Q3) 1,0,1,0,0 -> 40.
 */

const q1 = fixtureQuestion('fx-single', 'single');
const q2: ResolvedQuestion = {
  ...fixtureQuestion('fx-multiple-strict', 'multiple'),
  skill: 'literal',
  points: 2,
  scoring: 'partial',
};
const q3 = fixtureQuestion('fx-judgement', 'judgement');
const questions = [q1, q2, q3];
const bank: ResolvedBank = {
  id: 'stats',
  articleId: 'putin-kursk-visit',
  title: 'Stats',
  description: 'Stats',
  questions,
};

function attempt(responses: ResponseMap, seed: number, questionIds?: string[]) {
  const plan = createAttemptPlan(bank, {
    seed,
    shuffleQuestions: true,
    shuffleOptions: true,
    ...(questionIds ? { questionIds } : {}),
  });
  return scoreAttempt(questions, plan, responses);
}

const results = [
  attempt(
    {
      [q1.id]: { choice: 'kurchatov' },
      [q2.id]: { choices: ['disclosed', 'sanctions'] },
      [q3.id]: { choice: 'true' },
    },
    1,
  ),
  attempt(
    {
      [q1.id]: { choice: 'kurchatov' },
      [q2.id]: { choices: ['disclosed'] },
      [q3.id]: { choice: 'false' },
    },
    2,
  ),
  attempt(
    {
      [q1.id]: { choice: 'belgorod' },
      [q2.id]: { choices: ['sanctions'] },
      [q3.id]: { choice: 'true' },
    },
    3,
  ),
  attempt(
    {
      [q1.id]: { choice: 'kurchatov' },
      [q2.id]: { choices: ['disclosed', 'visit'] },
      [q3.id]: { choice: 'not-given' },
    },
    4,
  ),
  attempt({}, 5),
];

describe('computeItemStatistics on a data set computed by hand', () => {
  const statistics = computeItemStatistics({ questions, results });
  const [item1, item2, item3] = statistics.items;

  it('starts from the marks in the table', () => {
    expect(results.map((result) => result.percent)).toEqual([100, 50, 50, 25, 0]);
  });

  it('computes the test figures', () => {
    expect(statistics).toMatchObject({ attemptCount: 5, questionCount: 3, maxPoints: 4 });
    expect(statistics.meanPercent).toBeCloseTo(45, 10);
    expect(statistics.medianPercent).toBe(50);
    expect(statistics.standardDeviation).toBeCloseTo(Math.sqrt(1375), 10);
  });

  it('reports alpha only from the documented minimum number of attempts', () => {
    // Five attempts are too few for alpha; the same five twice give the same alpha (each sample
    // variance scales by the same factor), from ten attempts, which is enough.
    expect(MIN_ATTEMPTS_FOR_RELIABILITY).toBe(10);
    expect(statistics.cronbachAlpha).toBeNull();
    const twice = computeItemStatistics({ questions, results: [...results, ...results] });
    expect(twice.cronbachAlpha).toBeCloseTo(27 / 44, 10);
    const nine = computeItemStatistics({ questions, results: [...results, ...results.slice(1)] });
    expect(nine.attemptCount).toBe(9);
    expect(nine.cronbachAlpha).toBeNull();
  });

  it('computes facility and discrimination per question', () => {
    expect(item1).toMatchObject({ questionId: 'fx-single', maxPoints: 1, attemptCount: 5 });
    expect(item1?.meanPoints).toBeCloseTo(0.6, 10);
    expect(item1?.facility).toBeCloseTo(0.6, 10);
    expect(item2?.meanPoints).toBeCloseTo(0.8, 10);
    expect(item2?.facility).toBeCloseTo(0.4, 10);
    expect(item3?.facility).toBeCloseTo(0.4, 10);
    expect(item1?.discrimination).toBeCloseTo(0.4 / Math.sqrt(8.16), 10);
    expect(item2?.discrimination).toBeCloseTo(2 / Math.sqrt(5.6), 10);
    expect(item3?.discrimination).toBeCloseTo(1.2 / Math.sqrt(6.24), 10);
  });

  it('counts statuses and how often each choice was taken', () => {
    expect(item1?.statusCounts).toEqual({ correct: 3, partial: 0, incorrect: 1, unanswered: 1 });
    expect(item2?.statusCounts).toEqual({ correct: 1, partial: 2, incorrect: 1, unanswered: 1 });
    expect(item1?.options.map(({ id, count, correct }) => [id, count, correct])).toEqual([
      ['kurchatov', 3, true],
      ['belgorod', 1, false],
      ['kyiv', 0, false],
      ['none', 0, false],
    ]);
    expect(item1?.options[0]?.share).toBeCloseTo(0.6, 10);
    expect(item2?.options.map(({ id, count }) => [id, count])).toEqual([
      ['disclosed', 3],
      ['sanctions', 2],
      ['visit', 1],
      ['call', 0],
    ]);
    expect(item3?.options).toEqual([
      { id: 'true', text: 'True', correct: true, count: 2, share: 0.4 },
      { id: 'false', text: 'False', correct: false, count: 1, share: 0.2 },
      { id: 'not-given', text: 'Not given', correct: false, count: 1, share: 0.2 },
    ]);
  });

  it('draws a histogram in ten bins of percent', () => {
    expect(statistics.histogram.map((bin) => bin.count)).toEqual([1, 0, 1, 0, 0, 2, 0, 0, 0, 1]);
    expect(statistics.histogram[0]).toEqual({ from: 0, to: 10, count: 1 });
    expect(statistics.histogram[9]).toEqual({ from: 90, to: 100, count: 1 });
  });

  it('averages each skill', () => {
    expect(statistics.skills.map((skill) => skill.skill)).toEqual(['literal', 'inference']);
    expect(statistics.skills[0]?.questionCount).toBe(2);
    expect(statistics.skills[0]?.meanPercent).toBeCloseTo(
      (100 + 200 / 3 + 100 / 3 + 100 / 3 + 0) / 5,
      10,
    );
    expect(statistics.skills[1]?.meanPercent).toBeCloseTo(40, 10);
  });
});

describe('computeItemStatistics at the edges', () => {
  it('has nothing to say without attempts', () => {
    const statistics = computeItemStatistics({ questions, results: [] });
    expect(statistics).toMatchObject({
      attemptCount: 0,
      meanPercent: null,
      medianPercent: null,
      standardDeviation: null,
      cronbachAlpha: null,
    });
    expect(statistics.items[0]).toMatchObject({
      meanPoints: null,
      facility: null,
      discrimination: null,
    });
    expect(statistics.items[0]?.options[0]?.share).toBeNull();
    expect(statistics.histogram.every((bin) => bin.count === 0)).toBe(true);
  });

  it('gives no spread, alpha or discrimination for a single attempt', () => {
    const statistics = computeItemStatistics({ questions, results: results.slice(0, 1) });
    expect(statistics).toMatchObject({
      meanPercent: 100,
      medianPercent: 100,
      standardDeviation: null,
      cronbachAlpha: null,
    });
    expect(statistics.items[0]?.discrimination).toBeNull();
  });

  it('leaves an attempt out of the figures of a question it did not have', () => {
    const partial = attempt({ [q1.id]: { choice: 'kurchatov' } }, 6, [q1.id]);
    const statistics = computeItemStatistics({ questions, results: [...results, partial] });
    expect(statistics.items.map((item) => item.attemptCount)).toEqual([6, 5, 5]);
    expect(statistics.meanPercent).toBeCloseTo((225 + 100) / 6, 10);
    // Alpha needs every question, so it is still that of the ten complete attempts.
    const withTen = computeItemStatistics({
      questions,
      results: [...results, ...results, partial],
    });
    expect(withTen.cronbachAlpha).toBeCloseTo(27 / 44, 10);
    // Nine complete attempts and one partial: not yet enough for alpha.
    const withNine = computeItemStatistics({
      questions,
      results: [...results, ...results.slice(1), partial],
    });
    expect(withNine.cronbachAlpha).toBeNull();
  });

  it('bins a percent that binary floating point puts just below a bin edge as a person would', () => {
    // 9 points, five items (ten pairs), one adjacent swap: 8.1 points, 8.1 / 9 = 90%, which
    // floating point computes as 89.99999999999999.
    const orderQuestion = fixtureQuestion('fx-order', 'order');
    const nine: ResolvedQuestion = {
      ...orderQuestion,
      points: 9,
      items: [...orderQuestion.items, { id: 'sanctions', text: 'The EU imposes sanctions.' }],
    };
    const nineBank: ResolvedBank = { ...bank, questions: [nine] };
    const plan = createAttemptPlan(nineBank, {
      seed: 1,
      shuffleQuestions: false,
      shuffleOptions: false,
    });
    const result = scoreAttempt([nine], plan, {
      [nine.id]: { order: ['incursion', 'call', 'visit', 'sanctions', 'disclosed'] },
    });
    expect(result.total).toBe(8.1);
    expect((8.1 / 9) * 100).toBeLessThan(90);
    const statistics = computeItemStatistics({ questions: [nine], results: [result] });
    expect(statistics.histogram[9]?.count).toBe(1);
  });

  it('counts Part A choices of two-part questions', () => {
    const twoPart = fixtureQuestion('fx-two-part', 'two-part');
    const twoPartBank: ResolvedBank = { ...bank, questions: [twoPart] };
    const plan = createAttemptPlan(twoPartBank, {
      seed: 1,
      shuffleQuestions: false,
      shuffleOptions: false,
    });
    const statistics = computeItemStatistics({
      questions: [twoPart],
      results: [
        scoreAttempt([twoPart], plan, { [twoPart.id]: { partA: { choice: 'revenge' } } }),
        scoreAttempt([twoPart], plan, {
          [twoPart.id]: { partA: { choice: 'leverage' }, partB: { sentences: ['p10.s1'] } },
        }),
      ],
    });
    expect(statistics.items[0]?.options.map(({ id, count }) => [id, count])).toEqual([
      ['leverage', 1],
      ['territory', 0],
      ['revenge', 1],
    ]);
    expect(statistics.cronbachAlpha).toBeNull();
  });

  it('counts the drop-down choices of cloze questions gap by gap, and no typed answers', () => {
    const cloze = fixtureQuestion('fx-cloze-strict', 'cloze');
    const clozeBank: ResolvedBank = { ...bank, questions: [cloze] };
    const plan = createAttemptPlan(clozeBank, {
      seed: 1,
      shuffleQuestions: false,
      shuffleOptions: true,
    });
    const statistics = computeItemStatistics({
      questions: [cloze],
      results: [
        scoreAttempt([cloze], plan, { [cloze.id]: { gaps: { shot: '63', launched: '76' } } }),
        scoreAttempt([cloze], plan, { [cloze.id]: { gaps: { shot: '76', launched: '63' } } }),
        scoreAttempt([cloze], plan, { [cloze.id]: { gaps: { shot: 'sixty-three' } } }),
      ],
    });
    expect(
      statistics.items[0]?.options.map(({ id, text, correct, count }) => [
        id,
        text,
        correct,
        count,
      ]),
    ).toEqual([
      ['launched:63', 'Gap 2: 63', false, 1],
      ['launched:76', 'Gap 2: 76', true, 1],
      ['launched:159', 'Gap 2: 159', false, 0],
    ]);
    expect(statistics.items[0]?.statusCounts).toEqual({
      correct: 1,
      partial: 0,
      incorrect: 2,
      unanswered: 0,
    });
  });
});
