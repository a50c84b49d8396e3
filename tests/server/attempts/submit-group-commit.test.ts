import { describe, expect, it } from 'vitest';
import { getAttempt, listResponses } from '../../../src/server/attempts/attempt-queries';
import {
  buildSomeResponse,
  createTestApp,
  jsonRequest,
  startAttempt,
  withToken,
  type StartedAttempt,
  type TestApp,
} from '../test-app';

// Submits are committed in groups, with the saves of the same event-loop turn
// (attempt-queries.ts, applyInNextCommit). These tests pin what that must not change.

function submit(testApp: TestApp, attempt: StartedAttempt) {
  return testApp.app.request(
    `/api/attempts/${attempt.attemptId}/submit`,
    withToken(attempt.token, { method: 'POST' }),
  );
}

function save(testApp: TestApp, attempt: StartedAttempt, index: number, variant = 0) {
  const question = attempt.questions[index];
  if (!question) throw new Error(`No question ${index}`);
  return testApp.app.request(
    `/api/attempts/${attempt.attemptId}/responses/${question.id}`,
    jsonRequest('PUT', { response: buildSomeResponse(question, variant) }, attempt.token),
  );
}

describe('submitting in group commits', () => {
  it('has committed every acknowledged submit, its result included, when the response arrives', async () => {
    const testApp = await createTestApp();
    const attempts = await Promise.all(Array.from({ length: 30 }, () => startAttempt(testApp)));
    const responses = await Promise.all(attempts.map((attempt) => submit(testApp, attempt)));
    for (const [index, response] of responses.entries()) {
      expect(response.status).toBe(200);
      const attemptId = attempts[index]?.attemptId ?? '';
      const stored = await getAttempt(testApp.db, attemptId);
      expect(stored?.status).toBe('submitted');
      expect(stored?.result).not.toBeNull();
      const body = (await response.json()) as { submittedAt: string };
      expect(stored?.submittedAt).toBe(body.submittedAt);
    }
  });

  it('scores an attempt once when the same submit arrives several times at once', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    expect((await save(testApp, attempt, 0)).status).toBe(200);
    const responses = await Promise.all(Array.from({ length: 8 }, () => submit(testApp, attempt)));
    const bodies = await Promise.all(
      responses.map(async (response) => {
        expect(response.status).toBe(200);
        return (await response.json()) as { submittedAt: string; result: unknown };
      }),
    );
    const first = bodies[0];
    for (const body of bodies) expect(body).toEqual(first);
    const again = (await (await submit(testApp, attempt)).json()) as unknown;
    expect(again).toEqual(first);
  });

  it('scores an answer saved before the submit, and scores exactly what a racing save reports', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const [first, second] = attempt.questions;
    if (!first || !second) throw new Error('The bank has fewer than two questions');
    expect((await save(testApp, attempt, 0, 1)).status).toBe(200);
    // In flight together: whichever reaches the commit queue first wins, and the outcome each
    // reports must match what was scored and stored.
    const [raced, submitted] = await Promise.all([
      save(testApp, attempt, 1, 1),
      submit(testApp, attempt),
    ]);
    expect(submitted.status).toBe(200);
    expect([200, 409]).toContain(raced.status);
    const body = (await submitted.json()) as {
      result: { questions: { question: { id: string }; response: unknown }[] };
    };
    const scoredResponse = (id: string) =>
      body.result.questions.find((review) => review.question.id === id)?.response ?? null;
    expect(scoredResponse(first.id)).toEqual(buildSomeResponse(first, 1));
    const { responses } = await listResponses(testApp.db, attempt.attemptId);
    if (raced.status === 200) {
      expect(scoredResponse(second.id)).toEqual(buildSomeResponse(second, 1));
      expect(responses[second.id]).toEqual(buildSomeResponse(second, 1));
    } else {
      expect(scoredResponse(second.id)).toBeNull();
      expect(responses[second.id]).toBeUndefined();
    }
    // A save after the submit is refused and changes nothing.
    expect((await save(testApp, attempt, 0, 2)).status).toBe(409);
    expect((await listResponses(testApp.db, attempt.attemptId)).responses[first.id]).toEqual(
      buildSomeResponse(first, 1),
    );
  });
});
