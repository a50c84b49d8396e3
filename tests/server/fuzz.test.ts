import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { METHODS, expectHandled, mostly, segment } from './fuzz-requests';
import {
  buildSomeResponse,
  createTestApp,
  startAttempt,
  type StartedAttempt,
  type TestApp,
} from './test-app';

let testApp: TestApp;
let attempts: StartedAttempt[];

beforeAll(async () => {
  testApp = await createTestApp();
  // Many attempts, since the fuzzer submits some along the way and saves need some in progress.
  attempts = await Promise.all(Array.from({ length: 50 }, () => startAttempt(testApp)));
});

const junkId = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.constantFrom('..', '.', '%', '%00', '%2F', 'a%2Fb', '-', 'A', ' ', '__proto__', 'constructor'),
  fc.string({ minLength: 200, maxLength: 2000 }),
);

interface Target {
  method: string;
  route: string;
  path: string;
  attempt: StartedAttempt;
  questionIndex: number;
}

/** A route of the API (or a path near one), with its own method most of the time. */
const targetArbitrary = () =>
  fc
    .record({
      attempt: fc.constantFrom(...attempts),
      questionIndex: fc.nat(),
      route: fc.constantFrom(
        ['GET', '/api/health'],
        ['GET', '/api/openapi.json'],
        ['GET', '/api/articles'],
        ['GET', '/api/articles/{article}'],
        ['GET', '/api/banks'],
        ['GET', '/api/banks/{bank}'],
        ['POST', '/api/attempts'],
        ['GET', '/api/attempts/{attempt}'],
        ['PUT', '/api/attempts/{attempt}/responses/{question}'],
        ['DELETE', '/api/attempts/{attempt}/responses/{question}'],
        ['PUT', '/api/attempts/{attempt}/highlights/{highlight}'],
        ['DELETE', '/api/attempts/{attempt}/highlights/{highlight}'],
        ['POST', '/api/attempts/{attempt}/submit'],
        ['GET', '/api/attempts/{attempt}/review'],
        ['GET', '/api/{junk}'],
        ['PUT', '/api/attempts/{attempt}/{junk}/{question}'],
      ),
      otherMethod: mostly(fc.constant(null), fc.constantFrom(...METHODS)),
      ids: fc.record({
        article: mostly(fc.constantFrom(...testApp.content.articles.keys()), junkId),
        bank: mostly(fc.constantFrom(...testApp.content.banks.keys()), junkId),
        attempt: mostly(fc.constant(null), junkId),
        question: mostly(fc.constant(null), junkId),
        highlight: mostly(
          fc.constantFrom('p1.s1', 'p3.s1', 'p1.s1_0-5', 'p1.s1_5-2', 'p99.s1', 'p1.s1_0-99999'),
          junkId,
        ),
        junk: junkId,
      }),
    })
    .map(({ attempt, questionIndex, route, otherMethod, ids }): Target => {
      const question = attempt.questions[questionIndex % attempt.questions.length];
      const values: Record<string, string> = {
        ...ids,
        attempt: ids.attempt ?? attempt.attemptId,
        question: ids.question ?? question?.id ?? '',
      };
      const path = route[1].replace(/\{(\w+)\}/g, (_, name: string) => segment(values[name] ?? ''));
      return { method: otherMethod ?? route[0], route: route[1], path, attempt, questionIndex };
    });

const headersArbitrary = (target: Target) =>
  fc.record(
    {
      authorization: mostly(
        fc.constantFrom(`Bearer ${target.attempt.token}`, `bearer  ${target.attempt.token}`),
        fc.oneof(
          fc.string().map((token) => `Bearer ${token}`),
          fc.string(),
          fc.constantFrom('Bearer', 'Bearer ', 'Basic YTpi', `Bearer ${attempts[0]?.token}`),
        ),
      ),
      'content-type': mostly(
        fc.constantFrom('application/json', 'application/json; charset=utf-8'),
        fc.oneof(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            '',
          ),
          fc.string(),
        ),
      ),
      accept: fc.string(),
    },
    { requiredKeys: [] },
  );

/** Answers to the targeted question and its neighbours, near misses, and junk. */
const bodyArbitrary = (target: Target) => {
  const questions = target.attempt.questions;
  const answer = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.nat()).map(([offset, variant]) => {
    const question = questions[(target.questionIndex + offset) % questions.length];
    return question ? buildSomeResponse(question, variant) : {};
  });
  const nearMiss = fc.record(
    {
      choice: fc.oneof(fc.string(), fc.constantFrom('a', 'b', 'true', 'not-given')),
      choices: fc.array(fc.string()),
      value: fc.oneof(fc.double(), fc.string()),
      text: fc.string({ maxLength: 2000 }),
      pairs: fc.dictionary(fc.string(), fc.string()),
      order: fc.array(fc.string()),
      sentences: fc.array(fc.constantFrom('p1.s1', 'p8.s2', 'p99.s1', 'x')),
      partA: fc.constant({ choice: 'a' }),
    },
    { requiredKeys: [] },
  );
  const bankId = fc.oneof(fc.constantFrom(...testApp.content.banks.keys()), fc.jsonValue());
  // A highlight's colour and the student's own note: markup, control characters, over-long.
  const highlight = fc.record(
    {
      colour: mostly(fc.constantFrom('yellow', 'green', 'blue', 'pink'), fc.jsonValue()),
      note: fc.oneof(
        fc.constant(null),
        fc.string({ maxLength: 600 }),
        fc.constantFrom('<script>alert(1)</script>', '\u0000', 'x'.repeat(501)),
        fc.jsonValue(),
      ),
    },
    { requiredKeys: [] },
  );
  const usual = target.route.includes('/responses/')
    ? answer.map((response) => JSON.stringify({ response }))
    : target.route.includes('/highlights/')
      ? highlight.map((value) => JSON.stringify(value))
      : bankId.map((id) => JSON.stringify({ bankId: id }));
  return mostly(
    usual,
    fc.oneof(
      nearMiss.map((response) => JSON.stringify({ response })),
      fc.jsonValue().map((value) => JSON.stringify({ response: value })),
      fc.constant(undefined),
      fc.string(),
      fc.json(),
      fc.constant(`{"bankId": "${'x'.repeat(70_000)}"}`),
      fc.uint8Array({ maxLength: 512 }),
    ),
  );
};

describe('any request', () => {
  it('never gets a 5xx, and every error has the error shape', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        targetArbitrary().chain((target) =>
          fc.tuple(fc.constant(target), headersArbitrary(target), bodyArbitrary(target)),
        ),
        async ([{ method, path }, headers, body]) => {
          statuses.add(await expectHandled(testApp.app, { method, path, headers, body }));
        },
      ),
      { numRuns: 1500 },
    );
    // The requests reached every outcome, not just the first check of each route.
    expect([...statuses].sort()).toEqual(
      expect.arrayContaining([200, 201, 400, 401, 404, 409, 413, 415, 422]),
    );
  }, 120_000);
});
