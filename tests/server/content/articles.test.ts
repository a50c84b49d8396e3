import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

describe('GET /api/articles', () => {
  it('lists each shipped article with the quizzes written from it', async () => {
    const { app, content } = await createTestApp();
    const response = await app.request('/api/articles');
    expect(response.status).toBe(200);
    const articles = (await response.json()) as { id: string; title: string; bankIds: string[] }[];
    expect(articles.map((article) => article.id).sort()).toEqual(
      [...content.articles.keys()].sort(),
    );
    for (const article of articles) {
      const banks = [...content.banks.values()].filter(
        (loaded) => loaded.bank.articleId === article.id,
      );
      expect(article.bankIds.sort()).toEqual(banks.map((loaded) => loaded.bank.id).sort());
      expect(article.title).toBe(content.articles.get(article.id)?.meta.title);
    }
  });
});

describe('GET /api/articles/:articleId', () => {
  it('returns the article with paragraphs and sentence ids', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/articles/putin-kursk-visit');
    expect(response.status).toBe(200);
    const article = (await response.json()) as {
      meta: { id: string };
      paragraphs: { id: string; sentences: { id: string }[] }[];
    };
    expect(article.meta.id).toBe('putin-kursk-visit');
    expect(article.paragraphs[7]?.id).toBe('p8');
    expect(article.paragraphs[7]?.sentences.map((sentence) => sentence.id)).toContain('p8.s2');
  });

  it('answers an unknown article with a 404', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/articles/no-such-article');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'article-not-found' } });
  });

  it('answers a malformed id with a 400', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/articles/Not%20An%20Id');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid-request', details: { target: 'path' } },
    });
  });
});
