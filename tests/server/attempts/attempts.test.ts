import { describe, expect, it } from 'vitest';
import type { AttemptResult } from '../../../src/domain/results';
import type { QuestionResponse } from '../../../src/domain/responses';
import {
  buildSomeResponse,
  createTestApp,
  jsonRequest,
  startAttempt,
  withToken,
  type StartedAttempt,
  type TestApp,
} from '../test-app';

const NOW = new Date('2025-03-14T09:00:00.000Z');

interface AttemptBody {
  attemptId: string;
  bankId: string;
  questions: { id: string }[];
  responses: Record<string, unknown>;
  savedAt: Record<string, string>;
  status: string;
  submittedAt: string | null;
}

interface SubmissionBody {
  status: string;
  submittedAt: string;
  result: AttemptResult | null;
  reviewAvailable: boolean;
}

function save(testApp: TestApp, attempt: StartedAttempt, questionId: string, response: unknown) {
  return testApp.app.request(
    `/api/attempts/${attempt.attemptId}/responses/${questionId}`,
    jsonRequest('PUT', { response }, attempt.token),
  );
}

function clear(testApp: TestApp, attempt: StartedAttempt, questionId: string) {
  return testApp.app.request(
    `/api/attempts/${attempt.attemptId}/responses/${questionId}`,
    withToken(attempt.token, { method: 'DELETE' }),
  );
}

async function getAttemptBody(testApp: TestApp, attempt: StartedAttempt): Promise<AttemptBody> {
  const response = await testApp.app.request(
    `/api/attempts/${attempt.attemptId}`,
    withToken(attempt.token),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as AttemptBody;
}

function submit(testApp: TestApp, attempt: StartedAttempt) {
  return testApp.app.request(
    `/api/attempts/${attempt.attemptId}/submit`,
    withToken(attempt.token, { method: 'POST' }),
  );
}

/** The right answer to each question of a bank, read from the review of an empty attempt. */
async function readKey(testApp: TestApp, bankId: string): Promise<Map<string, QuestionResponse>> {
  const attempt = await startAttempt(testApp, bankId);
  await submit(testApp, attempt);
  const review = await testApp.app.request(
    `/api/attempts/${attempt.attemptId}/review`,
    withToken(attempt.token),
  );
  const { result } = (await review.json()) as { result: AttemptResult };
  return new Map(result.questions.map((item) => [item.question.id, item.correctResponse]));
}

/** An attempt whose deadline is a minute after NOW, and its first question. */
async function startAttemptDueInAMinute(testApp: TestApp) {
  const attempt = await startAttempt(testApp);
  const question = attempt.questions[0];
  if (!question) throw new Error('no questions');
  // Timed attempts come with assignments; here the deadline is set in the database.
  await testApp.db
    .updateTable('attempts')
    .set({ deadline: new Date(NOW.getTime() + 60_000).toISOString() })
    .where('id', '=', attempt.attemptId)
    .execute();
  return { attempt, question };
}

function firstQuestionOfType<T extends StartedAttempt['questions'][number]['type']>(
  attempt: StartedAttempt,
  type: T,
) {
  const question = attempt.questions.find((candidate) => candidate.type === type);
  if (!question) throw new Error(`The first shipped bank has no ${type} question`);
  return question as Extract<StartedAttempt['questions'][number], { type: T }>;
}

describe('POST /api/attempts', () => {
  it('starts an attempt with a token and every question of the bank, in an order of its own', async () => {
    const testApp = await createTestApp({ now: () => NOW });
    for (const { bank } of testApp.content.banks.values()) {
      const response = await testApp.app.request(
        '/api/attempts',
        jsonRequest('POST', { bankId: bank.id }),
      );
      expect(response.status).toBe(201);
      const body = (await response.json()) as AttemptBody & { token: string; startedAt: string };
      expect(body).toMatchObject({
        bankId: bank.id,
        articleId: bank.articleId,
        responses: {},
        savedAt: {},
        status: 'in-progress',
        startedAt: NOW.toISOString(),
        deadline: null,
        submittedAt: null,
      });
      expect(body.token.length).toBeGreaterThanOrEqual(40);
      expect(body.questions.map((question) => question.id).sort()).toEqual(
        bank.questions.map((question) => question.id).sort(),
      );
    }
  });

  it('gives each attempt its own id and token', async () => {
    const testApp = await createTestApp();
    const first = await startAttempt(testApp);
    const second = await startAttempt(testApp);
    expect(second.attemptId).not.toBe(first.attemptId);
    expect(second.token).not.toBe(first.token);
  });

  it('answers an unknown bank with a 404 and a missing body with a 400', async () => {
    const { app } = await createTestApp();
    const unknown = await app.request(
      '/api/attempts',
      jsonRequest('POST', { bankId: 'no-such-bank' }),
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'bank-not-found' } });
    const empty = await app.request('/api/attempts', { method: 'POST' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: expect.any(String) } });
  });
});

describe('attempt tokens', () => {
  it('opens the attempt with its token and never sends the token again', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const body = await getAttemptBody(testApp, attempt);
    expect(body.questions.map((question) => question.id)).toEqual(
      attempt.questions.map((question) => question.id),
    );
    expect(JSON.stringify(body)).not.toContain(attempt.token);
  });

  it('answers a missing token with a 401 on every attempt route', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const questionId = attempt.questions[0]?.id ?? '';
    const requests: [string, RequestInit][] = [
      [`/api/attempts/${attempt.attemptId}`, {}],
      [
        `/api/attempts/${attempt.attemptId}/responses/${questionId}`,
        jsonRequest('PUT', { response: { choice: 'a' } }),
      ],
      [`/api/attempts/${attempt.attemptId}/responses/${questionId}`, { method: 'DELETE' }],
      [`/api/attempts/${attempt.attemptId}/submit`, { method: 'POST' }],
      [`/api/attempts/${attempt.attemptId}/review`, {}],
    ];
    for (const [path, init] of requests) {
      const response = await testApp.app.request(path, init);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('answers a wrong token exactly as an attempt that does not exist', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const other = await startAttempt(testApp);
    const wrongToken = await testApp.app.request(
      `/api/attempts/${attempt.attemptId}`,
      withToken(other.token),
    );
    const noSuchAttempt = await testApp.app.request(
      '/api/attempts/no-such-attempt',
      withToken(attempt.token),
    );
    const garbled = await testApp.app.request(`/api/attempts/${attempt.attemptId}`, {
      headers: { Authorization: 'Bearer not a token!' },
    });
    expect(wrongToken.status).toBe(404);
    const body = await wrongToken.json();
    expect(body).toMatchObject({ error: { code: 'attempt-not-found' } });
    expect(noSuchAttempt.status).toBe(404);
    expect(await noSuchAttempt.json()).toEqual(body);
    expect(garbled.status).toBe(404);
    expect(await garbled.json()).toEqual(body);
  });

  it("does not save, clear, submit or review with another attempt's token", async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const intruder = { ...attempt, token: (await startAttempt(testApp)).token };
    const question = attempt.questions[0];
    if (!question) throw new Error('no questions');
    const response = buildSomeResponse(question);
    expect((await save(testApp, intruder, question.id, response)).status).toBe(404);
    expect((await save(testApp, attempt, question.id, response)).status).toBe(200);
    expect((await clear(testApp, intruder, question.id)).status).toBe(404);
    expect((await submit(testApp, intruder)).status).toBe(404);
    expect((await getAttemptBody(testApp, attempt)).status).toBe('in-progress');
    expect((await getAttemptBody(testApp, attempt)).responses).toEqual({ [question.id]: response });
  });
});

describe('PUT /api/attempts/:attemptId/responses/:questionId', () => {
  it('saves an answer to every question, and the attempt shows them', async () => {
    const testApp = await createTestApp({ now: () => NOW });
    const attempt = await startAttempt(testApp);
    for (const question of attempt.questions) {
      const response = await save(testApp, attempt, question.id, buildSomeResponse(question));
      expect(response.status, question.id).toBe(200);
      expect(await response.json()).toEqual({
        questionId: question.id,
        savedAt: NOW.toISOString(),
      });
    }
    const body = await getAttemptBody(testApp, attempt);
    expect(Object.keys(body.responses).sort()).toEqual(
      attempt.questions.map((question) => question.id).sort(),
    );
    expect(Object.values(body.savedAt)).toEqual(attempt.questions.map(() => NOW.toISOString()));
  });

  it('is idempotent and the last write wins', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const question = firstQuestionOfType(attempt, 'single');
    const [first, second] = question.options;
    if (!first || !second) throw new Error('a single question has two options');

    expect((await save(testApp, attempt, question.id, { choice: first.id })).status).toBe(200);
    expect((await save(testApp, attempt, question.id, { choice: first.id })).status).toBe(200);
    expect((await getAttemptBody(testApp, attempt)).responses).toEqual({
      [question.id]: { choice: first.id },
    });

    expect((await save(testApp, attempt, question.id, { choice: second.id })).status).toBe(200);
    expect((await getAttemptBody(testApp, attempt)).responses).toEqual({
      [question.id]: { choice: second.id },
    });
  });

  it('keeps every answer of many saves sent at once', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const statuses = await Promise.all(
      attempt.questions.map(async (question) => {
        const response = await save(testApp, attempt, question.id, buildSomeResponse(question));
        return response.status;
      }),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const body = await getAttemptBody(testApp, attempt);
    expect(Object.keys(body.responses)).toHaveLength(attempt.questions.length);
  });

  it('refuses an answer that does not fit its question with a 422 and the reason', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const question = firstQuestionOfType(attempt, 'single');
    const response = await save(testApp, attempt, question.id, { choice: 'no-such-option' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid-response',
        message: expect.stringContaining('no-such-option'),
        details: { path: expect.any(Array) },
      },
    });
    expect((await getAttemptBody(testApp, attempt)).responses).toEqual({});
  });

  it('refuses a body without a response object with a 400', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const questionId = attempt.questions[0]?.id ?? '';
    const response = await testApp.app.request(
      `/api/attempts/${attempt.attemptId}/responses/${questionId}`,
      jsonRequest('PUT', { answer: 'b' }, attempt.token),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('answers a question that is not in the attempt with a 404', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const response = await save(testApp, attempt, 'no-such-question', { choice: 'a' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'question-not-found' } });
  });

  it('refuses answers after submission with a 409', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const question = attempt.questions[0];
    if (!question) throw new Error('no questions');
    await submit(testApp, attempt);
    const response = await save(testApp, attempt, question.id, buildSomeResponse(question));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'attempt-submitted' } });
    expect((await getAttemptBody(testApp, attempt)).responses).toEqual({});
  });

  it('refuses answers after the deadline and its grace period with a 409', async () => {
    let now = NOW;
    const testApp = await createTestApp({ now: () => now });
    const { attempt, question } = await startAttemptDueInAMinute(testApp);

    now = new Date(NOW.getTime() + 70_000);
    expect((await save(testApp, attempt, question.id, buildSomeResponse(question))).status).toBe(
      200,
    );

    now = new Date(NOW.getTime() + 10 * 60_000);
    const late = await save(testApp, attempt, question.id, buildSomeResponse(question));
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: { code: 'deadline-passed' } });
  });
});

describe('DELETE /api/attempts/:attemptId/responses/:questionId', () => {
  const SAVED_AT = '2025-03-14T09:00:00.000Z';
  const CLEARED_AT = '2025-03-14T09:02:00.000Z';

  it('clears a saved answer, and the attempt keeps when it was cleared', async () => {
    let now = new Date(SAVED_AT);
    const testApp = await createTestApp({ now: () => now });
    const attempt = await startAttempt(testApp);
    const single = firstQuestionOfType(attempt, 'single');
    const other = attempt.questions.find((question) => question.id !== single.id);
    if (!other) throw new Error('one question only');
    await save(testApp, attempt, single.id, { choice: single.options[0]?.id });
    await save(testApp, attempt, other.id, buildSomeResponse(other));

    now = new Date(CLEARED_AT);
    const cleared = await clear(testApp, attempt, single.id);
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toEqual({ questionId: single.id, savedAt: CLEARED_AT });
    const body = await getAttemptBody(testApp, attempt);
    expect(Object.keys(body.responses)).toEqual([other.id]);
    expect(body.savedAt).toEqual({ [single.id]: CLEARED_AT, [other.id]: SAVED_AT });
  });

  it('is idempotent, clears an unanswered question too, and a later save wins', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const question = firstQuestionOfType(attempt, 'single');
    const choice = question.options[1]?.id;
    expect((await clear(testApp, attempt, question.id)).status).toBe(200);
    expect((await save(testApp, attempt, question.id, { choice })).status).toBe(200);
    expect((await clear(testApp, attempt, question.id)).status).toBe(200);
    expect((await clear(testApp, attempt, question.id)).status).toBe(200);
    expect((await getAttemptBody(testApp, attempt)).responses).toEqual({});
    expect((await save(testApp, attempt, question.id, { choice })).status).toBe(200);
    expect((await getAttemptBody(testApp, attempt)).responses).toEqual({
      [question.id]: { choice },
    });
  });

  it('leaves a cleared question unanswered when the attempt is scored', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const key = await readKey(testApp, attempt.bankId);
    const [kept, cleared] = attempt.questions;
    if (!kept || !cleared) throw new Error('fewer than two questions');
    await save(testApp, attempt, kept.id, key.get(kept.id));
    await save(testApp, attempt, cleared.id, key.get(cleared.id));
    await clear(testApp, attempt, cleared.id);
    const submission = (await (await submit(testApp, attempt)).json()) as SubmissionBody;
    const statusById = new Map(
      submission.result?.questions.map((item) => [item.question.id, item.status]),
    );
    expect(statusById.get(kept.id)).toBe('correct');
    expect(statusById.get(cleared.id)).toBe('unanswered');
  });

  it('answers a question that is not in the attempt with a 404', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const response = await clear(testApp, attempt, 'no-such-question');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'question-not-found' } });
  });

  it('refuses to clear after submission, keeping the answer, with a 409', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const question = attempt.questions[0];
    if (!question) throw new Error('no questions');
    const response = buildSomeResponse(question);
    await save(testApp, attempt, question.id, response);
    await submit(testApp, attempt);
    const refused = await clear(testApp, attempt, question.id);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'attempt-submitted' } });
    expect((await getAttemptBody(testApp, attempt)).responses).toEqual({ [question.id]: response });
  });

  it('refuses to clear after the deadline and its grace period with a 409', async () => {
    let now = NOW;
    const testApp = await createTestApp({ now: () => now });
    const { attempt, question } = await startAttemptDueInAMinute(testApp);
    await save(testApp, attempt, question.id, buildSomeResponse(question));

    now = new Date(NOW.getTime() + 70_000);
    expect((await clear(testApp, attempt, question.id)).status).toBe(200);
    const response = buildSomeResponse(question, 1);
    await save(testApp, attempt, question.id, response);

    now = new Date(NOW.getTime() + 10 * 60_000);
    const late = await clear(testApp, attempt, question.id);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: { code: 'deadline-passed' } });
    expect((await getAttemptBody(testApp, attempt)).responses).toEqual({ [question.id]: response });
  });
});

describe('POST /api/attempts/:attemptId/submit', () => {
  it('scores the right answers full marks and returns the same result when submitted again', async () => {
    const testApp = await createTestApp({ now: () => NOW });
    for (const { bank } of testApp.content.banks.values()) {
      const key = await readKey(testApp, bank.id);
      const attempt = await startAttempt(testApp, bank.id);
      for (const question of attempt.questions) {
        expect((await save(testApp, attempt, question.id, key.get(question.id))).status).toBe(200);
      }
      const first = await submit(testApp, attempt);
      expect(first.status).toBe(200);
      const submission = (await first.json()) as SubmissionBody;
      expect(submission).toMatchObject({
        status: 'submitted',
        submittedAt: NOW.toISOString(),
        reviewAvailable: true,
      });
      expect(submission.result?.percent).toBe(100);
      expect(submission.result?.questions.map((item) => item.question.id)).toEqual(
        attempt.questions.map((question) => question.id),
      );

      const again = await submit(testApp, attempt);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(submission);
    }
  });

  it('scores an empty attempt zero', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const submission = (await (await submit(testApp, attempt)).json()) as SubmissionBody;
    expect(submission.result?.total).toBe(0);
    expect(submission.result?.questions.every((item) => item.status === 'unanswered')).toBe(true);
  });

  it('submits once when two submissions race', async () => {
    let tick = 0;
    const testApp = await createTestApp({ now: () => new Date(NOW.getTime() + 1000 * tick++) });
    const attempt = await startAttempt(testApp);
    const bodies = await Promise.all(
      [1, 2, 3].map(async () => (await submit(testApp, attempt)).json()),
    );
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });
});

describe('GET /api/attempts/:attemptId/review', () => {
  it('is refused before submission with a 409', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const response = await testApp.app.request(
      `/api/attempts/${attempt.attemptId}/review`,
      withToken(attempt.token),
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'not-submitted' } });
  });

  it('shows the answers, explanations and evidence once submitted', async () => {
    const testApp = await createTestApp({ now: () => NOW });
    const attempt = await startAttempt(testApp);
    const question = attempt.questions[0];
    if (!question) throw new Error('no questions');
    await save(testApp, attempt, question.id, buildSomeResponse(question));
    await submit(testApp, attempt);
    const response = await testApp.app.request(
      `/api/attempts/${attempt.attemptId}/review`,
      withToken(attempt.token),
    );
    expect(response.status).toBe(200);
    const review = (await response.json()) as {
      attemptId: string;
      submittedAt: string;
      result: AttemptResult;
      article: { meta: { id: string } };
    };
    expect(review.attemptId).toBe(attempt.attemptId);
    expect(review.submittedAt).toBe(NOW.toISOString());
    const bank = testApp.content.banks.get(attempt.bankId)?.bank;
    expect(review.article.meta.id).toBe(bank?.articleId);
    const first = review.result.questions[0];
    expect(first?.question.id).toBe(question.id);
    expect(first?.response).toEqual(buildSomeResponse(question));
    expect(first?.explanation).toBe(
      bank?.questions.find((candidate) => candidate.id === question.id)?.explanation,
    );
    expect(first?.evidence.length).toBeGreaterThan(0);
  });
});

describe('content versions', () => {
  it('keeps an attempt on the bank version it started with after the bank is edited', async () => {
    const original = await createTestApp({ now: () => NOW });
    const attempt = await startAttempt(original);
    const loaded = original.content.banks.get(attempt.bankId);
    if (!loaded) throw new Error('the bank is loaded');

    // The same bank after an author rewrote every explanation and dropped the last question.
    const editedBank = structuredClone(loaded.bank);
    editedBank.questions = editedBank.questions
      .slice(0, -1)
      .map((question) => ({ ...question, explanation: `Rewritten: ${question.explanation}` }));
    const editedContent = {
      ...original.content,
      banks: new Map([
        ...original.content.banks,
        [attempt.bankId, { ...loaded, bank: editedBank, contentVersion: 'edited-version' }],
      ]),
    };
    const edited = await createTestApp({ db: original.db, content: editedContent, now: () => NOW });

    const body = await getAttemptBody(edited, attempt);
    expect(body.questions.map((question) => question.id)).toEqual(
      attempt.questions.map((question) => question.id),
    );
    const lastQuestion = attempt.questions.find(
      (question) => question.id === loaded.bank.questions.at(-1)?.id,
    );
    if (!lastQuestion) throw new Error('the attempt has every question');
    expect(
      (await save(edited, attempt, lastQuestion.id, buildSomeResponse(lastQuestion))).status,
    ).toBe(200);

    await submit(edited, attempt);
    const review = await edited.app.request(
      `/api/attempts/${attempt.attemptId}/review`,
      withToken(attempt.token),
    );
    const { result } = (await review.json()) as { result: AttemptResult };
    expect(result.questions).toHaveLength(loaded.bank.questions.length);
    expect(result.questions.every((item) => !item.explanation.startsWith('Rewritten'))).toBe(true);

    const fresh = await startAttempt(edited, attempt.bankId);
    expect(fresh.questions).toHaveLength(editedBank.questions.length);
  });
});
