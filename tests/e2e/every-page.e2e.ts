import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expectAccessible, skipBrowserTests, useBrowserSession } from './support/browser-session';
import {
  fetchAttempt,
  goToQuestionNumber,
  loadRichestBank,
  startQuizFromLibrary,
} from './support/quiz-driver';

const LOOKS: { name: string; options: BrowserContextOptions }[] = [
  {
    name: 'a phone in the light theme',
    options: { viewport: { width: 360, height: 740 }, colorScheme: 'light' },
  },
  {
    name: 'a wide screen in the dark theme',
    options: { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
  },
];

async function submitFromSummary(page: Page) {
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('heading', { name: 'Your score' }).waitFor();
}

describe.skipIf(skipBrowserTests)('every page passes axe-core', () => {
  const session = useBrowserSession();

  for (const look of LOOKS) {
    it(`on ${look.name}`, async () => {
      const loaded = await loadRichestBank();
      const { page } = await session.newPage(look.options);
      const wide = (look.options.viewport?.width ?? 0) >= 960;

      await page.goto(`${session.baseUrl}/`);
      await page.getByRole('heading', { name: loaded.bank.title }).waitFor();
      await expectAccessible(page, `the library on ${look.name}`);

      await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`);
      await page.getByRole('heading', { level: 1, name: loaded.article.meta.title }).waitFor();
      await expectAccessible(page, `the reader on ${look.name}`);

      await page.goto(`${session.baseUrl}/join/K7MPQ2`);
      await page.getByRole('heading', { name: 'Join with a code' }).waitFor();
      await expectAccessible(page, `the join page on ${look.name}`);

      await page.goto(`${session.baseUrl}/no/such/page`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await expectAccessible(page, `the page-not-found page on ${look.name}`);

      await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
      await expectAccessible(page, `a question on ${look.name}`);
      if (!wide) {
        await page.getByRole('tab', { name: 'Article' }).click();
        await page.getByRole('tabpanel', { name: 'Article' }).waitFor();
        await expectAccessible(page, `the article tab on ${look.name}`);
        await page.getByRole('tab', { name: 'Question' }).click();
      }
      // An evidence question, where the article's sentences are toggle buttons.
      const articlePane = wide
        ? page.getByRole('region', { name: 'Article' })
        : page.getByRole('tabpanel', { name: 'Article' });
      // The sentence toggles (other buttons there, like "Back to question", have no pressed state).
      const sentences = articlePane.locator('button[aria-pressed="false"]');
      const count = (await fetchAttempt(page)).questions.length;
      for (let number = 1; number <= count; number += 1) {
        await goToQuestionNumber(page, number);
        const openArticle = page.getByRole('button', { name: 'Select sentences in the article' });
        if (!wide && (await openArticle.count()) > 0) await openArticle.first().click();
        if ((await sentences.count()) > 0) break;
      }
      const sentence = sentences.first();
      const sentenceId = await sentence.getAttribute('data-sentence-id');
      await sentence.click();
      await expect(
        articlePane.locator('button[aria-pressed="true"]').getAttribute('data-sentence-id'),
      ).resolves.toBe(sentenceId);
      await expectAccessible(page, `selecting evidence on ${look.name}`);

      if (!wide) await page.getByRole('tab', { name: 'Question' }).click();
      await page.keyboard.press('Alt+N');
      for (let presses = 0; presses < count; presses += 1) {
        if (await page.getByRole('heading', { name: 'Check before you submit' }).count()) break;
        await page.keyboard.press('Alt+N');
      }
      await page.getByRole('heading', { name: 'Check before you submit' }).waitFor();
      await expectAccessible(page, `the summary on ${look.name}`);
      await submitFromSummary(page);
      await page
        .getByRole('button', { name: /^Show in article/ })
        .first()
        .click();
      await expectAccessible(page, `the results on ${look.name}`);
      expect(session.pageErrors()).toEqual([]);
    });
  }
});
