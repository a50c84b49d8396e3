import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctResponseOf } from '../../src/domain/answer-key';
import { listSentences } from '../../src/domain/article';
import { createAttemptPlan, presentQuestions } from '../../src/domain/attempt-plan';
import {
  MIN_SCORE_ONLY_GROUP_QUESTIONS,
  scoreAttempt,
  scoreQuestion,
  toScoreOnlyResult,
} from '../../src/domain/score-attempt';
import { maxPointsOf } from '../../src/domain/scorers';
import { validateResponse } from '../../src/domain/validate-response';
import { article, fixtureBank } from './fixtures/engine-questions';
import { listShippedBankFiles, loadBank } from './fixtures/load-banks';
import { responseArbitrary } from './fixtures/response-arbitraries';

const sentenceIds = listSentences(article).map((sentence) => sentence.id);
const everyQuestion = [
  ...fixtureBank.questions,
  ...listShippedBankFiles().flatMap((file) => loadBank(file, article).questions),
];

describe('scoreAttempt', () => {
  const plan = createAttemptPlan(fixtureBank, {
    seed: 7,
    shuffleQuestions: true,
    shuffleOptions: true,
    questionIds: ['fx-single', 'fx-multiple', 'fx-evidence', 'fx-two-part'],
  });
  const responses = {
    'fx-single': { choice: 'kurchatov' },
    'fx-multiple': { choices: ['ria', 'state-media'] },
    'fx-two-part': { partA: { choice: 'leverage' }, partB: { sentences: ['p11.s1'] } },
    'fx-order': { order: ['incursion', 'call', 'visit', 'disclosed'] },
  };
  const result = scoreAttempt([...fixtureBank.questions].reverse(), plan, responses);

  it('totals the points: 1 + 1.33 (two of three) + 0 (unanswered) + 1 (Part A only) of 7', () => {
    expect(result.total).toBe(3.33);
    expect(result.maxPoints).toBe(7);
    expect(result.percent).toBe(47.6);
  });

  it('breaks the score down by skill and by difficulty', () => {
    expect(result.bySkill).toEqual({
      literal: { points: 1, maxPoints: 1, count: 1 },
      attribution: { points: 1.33, maxPoints: 2, count: 1 },
      'main-idea': { points: 0, maxPoints: 2, count: 1 },
      inference: { points: 1, maxPoints: 2, count: 1 },
    });
    expect(result.byDifficulty).toEqual({
      '1': { points: 1, maxPoints: 1, count: 1 },
      '2': { points: 1.33, maxPoints: 4, count: 2 },
      '3': { points: 1, maxPoints: 2, count: 1 },
    });
  });

  it('lists the planned questions in the plan’s order, numbered, as the student saw them', () => {
    expect(result.questions.map((review) => review.question.id)).toEqual(plan.questionIds);
    expect(result.questions.map((review) => review.question)).toEqual(
      presentQuestions(fixtureBank, plan),
    );
  });

  it('gives each question the answer, the right answer, the explanation, feedback and evidence', () => {
    const review = result.questions.find((candidate) => candidate.question.id === 'fx-two-part');
    expect(review).toMatchObject({
      points: 1,
      maxPoints: 2,
      status: 'partial',
      response: responses['fx-two-part'],
      correctResponse: { partA: { choice: 'leverage' }, partB: { sentences: ['p10.s1'] } },
      explanation: expect.stringContaining('leverage'),
      optionFeedback: {
        'partA.territory': expect.any(String),
        'partA.revenge': expect.any(String),
      },
      parts: { partA: { points: 1, status: 'correct' }, partB: { points: 0, status: 'incorrect' } },
    });
    const [evidence] = review?.evidence ?? [];
    const paragraph = article.paragraphs.find(
      (candidate) => candidate.id === evidence?.paragraphId,
    );
    expect(evidence?.sentenceIds).toEqual(['p10.s1']);
    expect(paragraph?.text.slice(evidence?.start, evidence?.end)).toBe(evidence?.quote);
    expect(evidence?.quote).toBe(
      'the incursion was aimed at gaining leverage in potential peace negotiations',
    );
  });

  it('keeps an unanswered question with a null response', () => {
    const review = result.questions.find((candidate) => candidate.question.id === 'fx-evidence');
    expect(review).toMatchObject({
      response: null,
      status: 'unanswered',
      points: 0,
      correctResponse: { sentences: ['p2.s1', 'p8.s2'] },
    });
  });

  it('ignores responses to questions outside the plan', () => {
    expect(result.questions.some((review) => review.question.id === 'fx-order')).toBe(false);
  });

  it('refuses a plan that names a question it is not given', () => {
    expect(() => scoreAttempt(fixtureBank.questions.slice(1), plan, {})).toThrow(/"fx-single"/);
  });

  it('scores an attempt with no answers as zero', () => {
    const empty = scoreAttempt(fixtureBank.questions, plan, {});
    expect(empty).toMatchObject({ total: 0, maxPoints: 7, percent: 0 });
    expect(empty.questions.every((review) => review.status === 'unanswered')).toBe(true);
  });
});

describe('toScoreOnlyResult', () => {
  const group = (count: number) => ({ points: count / 2, maxPoints: count, count });
  const result = scoreAttempt(
    fixtureBank.questions,
    createAttemptPlan(fixtureBank, { seed: 3, shuffleQuestions: false, shuffleOptions: false }),
    {},
  );

  it('keeps the total and percent, and no question', () => {
    const shown = toScoreOnlyResult(result);
    expect(shown).toMatchObject({ total: 0, maxPoints: result.maxPoints, percent: 0 });
    expect(shown.questions).toEqual([]);
  });

  it(`hides a breakdown with a group of fewer than ${MIN_SCORE_ONLY_GROUP_QUESTIONS} questions, which would tell single questions apart`, () => {
    const shown = toScoreOnlyResult({
      ...result,
      bySkill: { literal: group(3), inference: group(4) },
      byDifficulty: { '1': group(6), '2': group(1) },
    });
    expect(shown.bySkill).toEqual({ literal: group(3), inference: group(4) });
    // Showing only difficulty 1 would still give difficulty 2 away: the total less difficulty 1.
    expect(shown.byDifficulty).toEqual({});
  });

  it('shows only the total for the fixture bank, whose skills hold one or two questions each', () => {
    expect(Object.values(result.bySkill).some((breakdown) => breakdown.count < 3)).toBe(true);
    expect(toScoreOnlyResult(result).bySkill).toEqual({});
  });
});

describe('every question of every bank (properties)', () => {
  const questionAndResponse = fc
    .constantFrom(...everyQuestion)
    .chain((question) =>
      responseArbitrary(question, sentenceIds).map((response) => ({ question, response })),
    );

  it('scores any response within [0, max], to two decimals', () => {
    fc.assert(
      fc.property(questionAndResponse, ({ question, response }) => {
        const score = scoreQuestion(question, response);
        expect(score.maxPoints).toBe(maxPointsOf(question));
        expect(score.points).toBeGreaterThanOrEqual(0);
        expect(score.points).toBeLessThanOrEqual(score.maxPoints);
        expect(Math.abs(score.points * 100 - Math.round(score.points * 100))).toBeLessThan(1e-6);
        if (score.status === 'correct') expect(score.points).toBe(score.maxPoints);
        if (score.status === 'unanswered' || score.status === 'incorrect') {
          expect(score.points).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each(everyQuestion.map((question) => [question.id, question] as const))(
    '%s: the key is a valid response and scores full marks',
    (_id, question) => {
      const key = correctResponseOf(question);
      expect(validateResponse(question, key, article)).toEqual({ ok: true, response: key });
      expect(scoreQuestion(question, key)).toMatchObject({
        points: maxPointsOf(question),
        status: 'correct',
      });
    },
  );

  it('scores no response as zero and unanswered', () => {
    for (const question of everyQuestion) {
      expect(scoreQuestion(question, undefined)).toEqual({
        points: 0,
        maxPoints: maxPointsOf(question),
        status: 'unanswered',
        feedback: [],
        ...(question.type === 'two-part' ? { parts: expect.any(Object) } : {}),
        ...(question.type === 'cloze' ? { gaps: expect.any(Array) } : {}),
      });
    }
  });
});
