import { describe, expect, it } from 'vitest';
import type { PublicQuestion } from '../../src/domain/public-question';
import { KEY_FIELDS, findKeyFields, findSecretProse, secretTexts } from './key-leaks';
import {
  buildSomeResponse,
  createTestApp,
  jsonRequest,
  withToken,
  type StartedAttempt,
} from './test-app';

/** Before submission not even the result's key may appear. */
const KEY_FIELDS_BEFORE_SUBMISSION = new Set([...KEY_FIELDS, 'result']);

/** Every text a student reads: ids are left out, since an option's id may spell its answer's word. */
function collectTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectTexts);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'id' || /Ids?$/.test(key) ? [] : collectTexts(child),
  );
}

describe('before submission', () => {
  it('no response a student can get contains a key, explanation, feedback or accepted answer', async () => {
    const { app, content } = await createTestApp();
    const collected: { label: string; status: number; body: unknown }[] = [];
    /** Each question as it was shown, to check against its own key. */
    const shown: { label: string; question: PublicQuestion }[] = [];
    async function collect(label: string, path: string, init?: RequestInit) {
      const response = await app.request(path, init);
      expect(response.status, label).toBeLessThan(500);
      const body = (await response.json()) as unknown;
      collected.push({ label, status: response.status, body });
      const questions = (body as { questions?: unknown }).questions;
      if (Array.isArray(questions)) {
        for (const question of questions as PublicQuestion[]) {
          shown.push({ label: `${label}: ${question.id}`, question });
        }
      }
      return body;
    }

    await collect('health', '/api/health');
    await collect('articles', '/api/articles');
    for (const articleId of content.articles.keys()) {
      await collect(`article ${articleId}`, `/api/articles/${articleId}`);
    }
    await collect('banks', '/api/banks');
    for (const { bank } of content.banks.values()) {
      await collect(`bank ${bank.id}`, `/api/banks/${bank.id}`);
      const attempt = (await collect(
        `new attempt at ${bank.id}`,
        '/api/attempts',
        jsonRequest('POST', { bankId: bank.id }),
      )) as StartedAttempt;
      const base = `/api/attempts/${attempt.attemptId}`;
      for (const question of attempt.questions) {
        await collect(
          `save ${question.id}`,
          `${base}/responses/${question.id}`,
          jsonRequest('PUT', { response: buildSomeResponse(question) }, attempt.token),
        );
        await collect(
          `refused answer to ${question.id}`,
          `${base}/responses/${question.id}`,
          jsonRequest('PUT', { response: { choice: 'zz' } }, attempt.token),
        );
      }
      const cleared = attempt.questions[0];
      if (cleared) {
        await collect(
          `clear ${cleared.id}`,
          `${base}/responses/${cleared.id}`,
          withToken(attempt.token, { method: 'DELETE' }),
        );
      }
      await collect(`attempt at ${bank.id}`, base, withToken(attempt.token));
      await collect(`early review at ${bank.id}`, `${base}/review`, withToken(attempt.token));
    }
    expect(collected.some((item) => item.status === 422)).toBe(true);

    for (const { label, body } of collected) {
      expect(findKeyFields(body, label, KEY_FIELDS_BEFORE_SUBMISSION), label).toEqual([]);
      expect(findSecretProse(content, body), label).toEqual([]);
    }
    // The API description names the review's fields, so only its text is checked.
    const openapi: unknown = await (await app.request('/api/openapi.json')).json();
    expect(findSecretProse(content, openapi)).toEqual([]);

    // Accepted short answers and orders are checked against the question that was shown: the
    // same words may rightly be another question's option or appear in the article.
    const questions = [...content.banks.values()].flatMap(({ bank }) => bank.questions);
    const questionsById = new Map(questions.map((question) => [question.id, question]));
    expect(shown.length).toBeGreaterThan(questions.length);
    for (const { label, question } of shown) {
      const keyQuestion = questionsById.get(question.id);
      if (!keyQuestion) throw new Error(`${label} is not a shipped question`);
      const texts = collectTexts(question).map((value) => value.trim().toLowerCase());
      for (const answer of secretTexts(keyQuestion).acceptedAnswers) {
        expect(texts, label).not.toContain(answer.trim().toLowerCase());
      }
      if (question.type === 'order' && keyQuestion.type === 'order') {
        expect(
          question.items.map((item) => item.id),
          label,
        ).not.toEqual(keyQuestion.items.map((item) => item.id));
      }
    }
  });
});
