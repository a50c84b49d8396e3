import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectFocused,
  skipBrowserTests,
  useBrowserSession,
} from './support/browser-session';
import {
  fetchAttempt,
  loadRichestBank,
  startQuizFromLibrary,
  tabTo,
  waitForSaved,
} from './support/quiz-driver';

/** The article: its own region beside the question, or the Article tab's panel on a phone. */
function articleRegion(page: Page) {
  return page.locator('.quiz-article, #panel-article, .review-article').first();
}

/** On a phone the article is a tab of its own: chosen from the tab list by keyboard. */
async function showArticle(page: Page, width: number) {
  if (width >= 960) return;
  await tabTo(page, page.getByRole('tab', { name: 'Question' }));
  await page.keyboard.press('End');
  await page.getByRole('tab', { name: 'Article', selected: true }).waitFor();
}

describe.skipIf(skipBrowserTests)('highlights and notes', () => {
  const session = useBrowserSession();

  for (const width of [390, 1280]) {
    it(`highlights a sentence by keyboard alone, adds a note, keeps it over a reload and sees it in the review (${width} px)`, async () => {
      const loaded = await loadRichestBank();
      const sentence = loaded.article.paragraphs[1]?.sentences[0];
      if (!sentence) throw new Error('The article has no second paragraph');
      const { page } = await session.newPage({ viewport: { width, height: 800 } });
      await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
      await showArticle(page, width);

      const toggle = articleRegion(page).getByRole('button', { name: 'Highlight and take notes' });
      await tabTo(page, toggle);
      await page.keyboard.press('Enter');
      const sentenceButton = articleRegion(page).locator(
        `#sentence-${sentence.id.replace('.', '\\.')}`,
      );
      await tabTo(page, sentenceButton);
      await page.keyboard.press('Enter');
      const tools = page.getByRole('group', { name: /^Highlight and note for/ });
      await expectFocused(tools.getByRole('button', { name: 'Yellow' }), 'the first colour');
      await expectAccessible(page, `the highlight tools at ${width} px`);

      await tabTo(page, tools.getByRole('button', { name: 'Green' }));
      await page.keyboard.press('Enter');
      await tabTo(page, tools.getByRole('button', { name: 'Add note' }));
      await page.keyboard.press('Enter');
      const note = tools.getByRole('textbox', { name: 'Note' });
      await expectFocused(note, 'the note');
      await page.keyboard.type('Where the proof starts');
      await expect(tools.getByText('22 of 500 characters').isVisible()).resolves.toBe(true);
      await tabTo(page, tools.getByRole('button', { name: 'Save note' }));
      await page.keyboard.press('Enter');
      await waitForSaved(page);
      await expect
        .poll(async () => (await fetchAttempt(page)).highlights)
        .toEqual([
          {
            key: sentence.id,
            sentenceId: sentence.id,
            span: null,
            colour: 'green',
            note: 'Where the proof starts',
          },
        ]);

      await page.reload();
      await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor();
      await showArticle(page, width);
      await expect(
        articleRegion(page).getByText('Your green highlight:', { exact: false }).count(),
      ).resolves.toBe(1);
      await expectAccessible(page, `the quiz with a highlight at ${width} px`);

      // Submit, then read the highlight and its note in the review.
      const attempt = await fetchAttempt(page);
      await page.evaluate(async (attemptId) => {
        const record = JSON.parse(
          localStorage.getItem(`readproof:attempt:${attemptId}`) ?? '{}',
        ) as {
          token?: string;
        };
        await fetch(`/api/attempts/${attemptId}/submit`, {
          method: 'POST',
          headers: { authorization: `Bearer ${record.token ?? ''}` },
        });
      }, attempt.attemptId);
      await page.goto(`${session.baseUrl}/attempts/${attempt.attemptId}/review`);
      await page.getByRole('heading', { name: 'Your score' }).waitFor();
      const article = articleRegion(page);
      await expect(article.getByText(/your own highlights/).count()).resolves.toBe(1);
      await expect(
        article.getByText('Your green highlight:', { exact: false }).count(),
      ).resolves.toBe(1);
      const marker = article.getByRole('button', { name: 'Note' });
      await tabTo(page, marker);
      await page.keyboard.press('Enter');
      await expect(article.getByText('Where the proof starts').isVisible()).resolves.toBe(true);
      await expectAccessible(page, `the review with a highlight at ${width} px`);
      expect(session.pageErrors()).toEqual([]);
    }, 90_000);
  }
});
