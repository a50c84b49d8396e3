import { describe, expect, it } from 'vitest';
import { correctResponseOf } from '../../src/domain/answer-key';
import {
  expectAccessible,
  expectFocused,
  skipBrowserTests,
  useBrowserSession,
} from './support/browser-session';
import {
  answerQuestionByKeyboard,
  articleRegion,
  countTabsTo,
  fetchAttempt,
  loadRichestBank,
  questionPanel,
  tabTo,
  waitForSaved,
} from './support/quiz-driver';

describe.skipIf(skipBrowserTests)('a whole quiz by keyboard alone', () => {
  const session = useBrowserSession();

  it('starts, answers every question right, submits and reviews the evidence without a pointer', async () => {
    const loaded = await loadRichestBank();
    const questionsById = new Map(loaded.bank.questions.map((question) => [question.id, question]));
    const { page } = await session.newPage();
    await page.goto(`${session.baseUrl}/`);
    const start = page.getByRole('button', { name: `Start quiz: ${loaded.bank.title}` });
    await start.waitFor();
    await tabTo(page, start);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor();

    const attempt = await fetchAttempt(page);
    const total = attempt.questions.length;
    let evidenceChecked = false;
    for (const shown of attempt.questions) {
      const heading = page.getByRole('heading', { name: `Question ${shown.number} of ${total}` });
      await heading.waitFor();
      // After Start as after Next: focus is on the question, its answer a Tab or two away.
      await expectFocused(heading, `the heading of question ${shown.number}`);
      if (shown.number === 1) {
        const firstControl = questionPanel(page)
          .locator('.question-body')
          .locator('input, select, textarea, button')
          .first();
        // Counted once the control is on the page, from the question's heading, as a student
        // who waits for the question to appear would.
        await firstControl.waitFor();
        await heading.focus();
        await expect(countTabsTo(page, firstControl)).resolves.toBeLessThanOrEqual(2);
        await heading.focus();
      }
      if (shown.type === 'evidence' && !evidenceChecked) {
        // The article comes before the question in the page: a button leads forward to it.
        evidenceChecked = true;
        const toArticle = questionPanel(page).getByRole('button', {
          name: 'Select sentences in the article',
        });
        await expect(countTabsTo(page, toArticle)).resolves.toBeLessThanOrEqual(8);
        await page.keyboard.press('Enter');
        const firstSentence = articleRegion(page).locator('button[aria-pressed]').first();
        await expect(countTabsTo(page, firstSentence)).resolves.toBeLessThanOrEqual(2);
        await heading.focus();
      }
      const question = questionsById.get(shown.id);
      if (!question) throw new Error(`Unknown question ${shown.id}`);
      await answerQuestionByKeyboard(page, shown, correctResponseOf(question), loaded.article);
      await page.keyboard.press('Alt+N');
    }

    const summaryHeading = page.getByRole('heading', { name: 'Check before you submit' });
    await summaryHeading.waitFor();
    await expectFocused(summaryHeading, 'the summary heading');
    await expect(
      page.getByText(`You answered ${total} of ${total} questions.`).isVisible(),
    ).resolves.toBe(true);
    await waitForSaved(page);
    await tabTo(page, page.getByRole('button', { name: 'Submit answers' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Submit your answers?' });
    await dialog.waitFor();
    await expectFocused(dialog.getByRole('button', { name: 'Keep working' }), 'Keep working');
    await page.keyboard.press('Shift+Tab');
    await expectFocused(dialog.getByRole('button', { name: 'Submit', exact: true }), 'Submit');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Your score' }).waitFor();
    const score = page.getByRole('region', { name: 'Your score' });
    await expect(score.locator('.score-percent').innerText()).resolves.toBe('100%');

    const show = page.getByRole('button', { name: /^Show in article/ }).first();
    await tabTo(page, show);
    await page.keyboard.press('Enter');
    const firstMark = articleRegion(page).locator('mark').first();
    await firstMark.waitFor();
    await expectFocused(firstMark, 'the first highlighted sentence');
    await expectAccessible(page, 'the results after keyboard use');

    const back = articleRegion(page).getByRole('button', { name: /^Back to question \d+$/ });
    await tabTo(page, back);
    await page.keyboard.press('Enter');
    await expectFocused(
      page.getByRole('heading', { name: /^Question \d+$/ }).first(),
      'the reviewed question',
    );

    const filter = page.getByRole('checkbox', { name: 'Only questions I missed' });
    await tabTo(page, filter);
    await page.keyboard.press('Space');
    await page.getByText('You missed none: every answer is right.').waitFor();
    expect(session.pageErrors()).toEqual([]);
  });
});
