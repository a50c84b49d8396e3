import fc from 'fast-check';
import { listSentences, type Article } from '../../src/domain/article';
import { createAttemptPlan, type AttemptPlan } from '../../src/domain/attempt-plan';
import type { ResolvedBank } from '../../src/domain/resolved-bank';
import type { ResponseMap } from '../../src/domain/responses';
import type { AttemptResult } from '../../src/domain/results';
import { scoreAttempt } from '../../src/domain/score-attempt';
import { computeItemStatistics } from '../../src/domain/statistics';
import { loadArticle, loadFixtureBank } from '../domain/fixtures/load-banks';
import { responseArbitrary } from '../domain/fixtures/response-arbitraries';

const QUESTIONS_PER_ATTEMPT = 50;
/** Issue 16's target on a 2-core machine. */
const TARGET_ATTEMPTS_PER_SECOND = 10_000;
const SCORING_SECONDS = 2;
const STATISTICS_ATTEMPTS = 10_000;
const STATISTICS_RUNS = 5;
/** Distinct prepared attempts the scoring loop cycles through. */
const PREPARED_ATTEMPTS = 500;

interface PreparedAttempt {
  plan: AttemptPlan;
  responses: ResponseMap;
}

/** A 50-question bank: the engine fixture (every type) repeated under new ids. */
function buildBank(): { bank: ResolvedBank; sentenceIds: string[]; article: Article } {
  const article = loadArticle();
  const fixture = loadFixtureBank(article);
  const questions = Array.from({ length: QUESTIONS_PER_ATTEMPT }, (_, index) => {
    const question = fixture.questions[index % fixture.questions.length];
    if (question === undefined) throw new Error('The fixture bank is empty');
    return { ...question, id: `${question.id}-${index}` };
  });
  return {
    bank: { ...fixture, questions },
    sentenceIds: listSentences(article).map((sentence) => sentence.id),
    article,
  };
}

/** Random attempts, reproducibly: every question answered, right or wrong, or left blank. */
function prepareAttempts(
  bank: ResolvedBank,
  sentenceIds: string[],
  count: number,
): PreparedAttempt[] {
  const responseMap = fc.record(
    Object.fromEntries(
      bank.questions.map((question) => [question.id, responseArbitrary(question, sentenceIds)]),
    ),
    { requiredKeys: [] },
  ) as fc.Arbitrary<ResponseMap>;
  return fc.sample(responseMap, { seed: 2024, numRuns: count }).map((responses, index) => ({
    plan: createAttemptPlan(bank, { seed: index, shuffleQuestions: true, shuffleOptions: true }),
    responses,
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * The same-run baseline: how many times a second this machine, as loaded now, copies the bank
 * through JSON (a fixed amount of plain JavaScript work), so a slow run can be told from a slow
 * engine.
 */
function measureBaseline(bank: ResolvedBank, seconds: number): number {
  let copies = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    JSON.parse(JSON.stringify(bank));
    copies += 1;
  }
  return copies / ((performance.now() - start) / 1000);
}

/** Attempts scored per second over `SCORING_SECONDS`, cycling through `prepared`. */
function measureScoring(
  bank: ResolvedBank,
  prepared: readonly PreparedAttempt[],
  article?: Article,
): { rate: number; scored: number; seconds: number } {
  // Warm up the JIT (and the engine's per-question caches) before measuring.
  for (const { plan, responses } of prepared)
    scoreAttempt(bank.questions, plan, responses, article);
  let scored = 0;
  const start = performance.now();
  while (performance.now() - start < SCORING_SECONDS * 1000) {
    const { plan, responses } = prepared[scored % prepared.length] as PreparedAttempt;
    scoreAttempt(bank.questions, plan, responses, article);
    scored += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  return { rate: scored / seconds, scored, seconds };
}

/** Prints how fast the engine scores attempts and computes statistics. */
export async function runEngineBenchmark(): Promise<void> {
  const { bank, sentenceIds, article } = buildBank();
  const prepared = prepareAttempts(bank, sentenceIds, PREPARED_ATTEMPTS);
  console.log(`\nEngine: ${QUESTIONS_PER_ATTEMPT}-question attempts over every question type`);

  const { rate, scored, seconds } = measureScoring(bank, prepared);
  const baseline = measureBaseline(bank, 1);
  console.log(
    `  scoreAttempt: ${Math.round(rate).toLocaleString('en')} attempts/s ` +
      `(${((seconds / scored) * 1e6).toFixed(0)} µs per attempt, ${scored.toLocaleString('en')} in ${seconds.toFixed(1)} s; ` +
      `baseline: the bank copied through JSON ${Math.round(baseline).toLocaleString('en')} times/s, ratio ${(rate / baseline).toFixed(2)}) ` +
      `target >= ${TARGET_ATTEMPTS_PER_SECOND.toLocaleString('en')}/s: ${rate >= TARGET_ATTEMPTS_PER_SECOND ? 'PASS' : 'MISS'}`,
  );
  // The server passes the article, so typed answers borrow words from whole evidence sentences:
  // a second path through the engine, measured apart (no target of its own).
  const withArticle = measureScoring(bank, prepared, article);
  console.log(
    `  scoreAttempt with the article (as the server scores): ${Math.round(withArticle.rate).toLocaleString('en')} attempts/s, ` +
      `ratio to the baseline ${(withArticle.rate / baseline).toFixed(2)}`,
  );

  const results: AttemptResult[] = Array.from({ length: STATISTICS_ATTEMPTS }, (_, index) => {
    const { plan, responses } = prepared[index % prepared.length] as PreparedAttempt;
    return scoreAttempt(bank.questions, plan, responses);
  });
  const timings = Array.from({ length: STATISTICS_RUNS }, () => {
    const began = performance.now();
    computeItemStatistics({ questions: bank.questions, results });
    return performance.now() - began;
  });
  console.log(
    `  computeItemStatistics over ${STATISTICS_ATTEMPTS.toLocaleString('en')} attempts: ` +
      `${median(timings).toFixed(0)} ms (median of ${STATISTICS_RUNS}; fastest ${Math.min(...timings).toFixed(0)} ms)`,
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await runEngineBenchmark();
