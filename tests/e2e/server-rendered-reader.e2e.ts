import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/content/load-content';
import { findSecretProse, secretTexts } from '../server/key-leaks';
import { skipBrowserTests, useBrowserSession } from './support/browser-session';
import { loadRichestBank } from './support/quiz-driver';
import { repoRoot } from './support/start-server';

/** Sums the layout shifts of the page from its start (not counting those right after input). */
async function watchLayoutShifts(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const shifts = { total: 0 };
    (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) shifts.total += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { layoutShifts: { total: number } }).layoutShifts.total,
    );
}

describe.skipIf(skipBrowserTests)('the reader page comes rendered from the server', () => {
  const session = useBrowserSession();

  it('has the whole article in the first response, and nothing of the answer key', async () => {
    const loaded = await loadRichestBank();
    const { article } = loaded;
    const response = await fetch(`${session.baseUrl}/articles/${article.meta.id}`);
    const html = await response.text();
    expect(html).toContain('<div id="root" data-server-rendered>');
    expect(html).toContain(`<title>${article.meta.title} · Readproof</title>`);
    for (const sentence of article.paragraphs.flatMap((paragraph) => paragraph.sentences)) {
      expect(html).toContain(`id="sentence-${sentence.id}"`);
    }
    expect(html).toContain(`Start quiz: ${loaded.bank.title}`);

    // Nothing a key holds: no question at all (not even its prompt), no explanation or feedback.
    const content = await loadContent(join(repoRoot, 'questions'));
    expect(findSecretProse(content, html)).toEqual([]);
    const questions = [...content.banks.values()]
      .filter(({ bank }) => bank.articleId === article.meta.id)
      .flatMap(({ bank }) => bank.questions);
    for (const question of questions) {
      const escaped = question.prompt.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      expect(html, question.id).not.toContain(escaped);
      for (const prose of secretTexts(question).prose) {
        expect(html, question.id).not.toContain(prose.replace(/&/g, '&amp;'));
      }
    }
  });

  it('shows the article with JavaScript off', async () => {
    const { article } = await loadRichestBank();
    const { page } = await session.newPage({ javaScriptEnabled: false });
    await page.goto(`${session.baseUrl}/articles/${article.meta.id}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(article.meta.title);
    const first = article.paragraphs[0]?.sentences[0];
    expect(await page.locator(`#sentence-${first?.id.replace('.', '\\.')}`).textContent()).toBe(
      first?.text,
    );
  });

  for (const look of [
    { width: 390, colorScheme: 'dark' as const },
    { width: 1280, colorScheme: 'light' as const },
  ]) {
    it(`is taken over by React without a shift or an error, at ${look.width} px`, async () => {
      const loaded = await loadRichestBank();
      const { page } = await session.newPage({
        viewport: { width: look.width, height: 800 },
        colorScheme: look.colorScheme,
      });
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      const readShifts = await watchLayoutShifts(page);
      await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`, {
        waitUntil: 'networkidle',
      });
      // Hydrated: a button works only once React has taken the page over.
      await page.getByRole('button', { name: `Start quiz: ${loaded.bank.title}` }).click();
      await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor();
      expect(await readShifts()).toBeLessThanOrEqual(0.02);
      expect(consoleErrors).toEqual([]);

      // Back on the reader, this device's attempt shows, though the server knew nothing of it.
      await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`);
      await expect
        .poll(() => page.getByText(/^In progress: \d+ of \d+ answered$/).count())
        .toBeGreaterThan(0);
      expect(consoleErrors).toEqual([]);
      expect(session.pageErrors()).toEqual([]);
    });
  }
});
