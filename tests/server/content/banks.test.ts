import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

interface BankSummary {
  id: string;
  articleId: string;
  questionCount: number;
  skills: string[];
  types: string[];
  estimatedMinutes: number;
}

describe('GET /api/banks', () => {
  it('summarises every shipped bank', async () => {
    const { app, content } = await createTestApp();
    const response = await app.request('/api/banks');
    expect(response.status).toBe(200);
    const summaries = (await response.json()) as BankSummary[];
    expect(summaries).toHaveLength(content.banks.size);
    for (const summary of summaries) {
      const loaded = [...content.banks.values()].find(
        (candidate) => candidate.bank.id === summary.id,
      );
      const questions = loaded?.bank.questions ?? [];
      expect(summary.articleId).toBe(loaded?.bank.articleId);
      expect(summary.questionCount).toBe(questions.length);
      expect(new Set(summary.skills)).toEqual(new Set(questions.map((question) => question.skill)));
      expect(new Set(summary.types)).toEqual(new Set(questions.map((question) => question.type)));
      expect(summary.estimatedMinutes).toBeGreaterThan(questions.length);
    }
  });
});

describe('GET /api/banks/:bankId', () => {
  it("returns the bank's questions in bank order, numbered", async () => {
    const { app, content } = await createTestApp();
    for (const { bank } of content.banks.values()) {
      const response = await app.request(`/api/banks/${bank.id}`);
      expect(response.status).toBe(200);
      const preview = (await response.json()) as { questions: { id: string; number: number }[] };
      expect(preview.questions.map((question) => question.id)).toEqual(
        bank.questions.map((question) => question.id),
      );
      expect(preview.questions.map((question) => question.number)).toEqual(
        bank.questions.map((_, index) => index + 1),
      );
    }
  });

  it('answers an unknown bank with a 404', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/banks/no-such-bank');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'bank-not-found' } });
  });
});
