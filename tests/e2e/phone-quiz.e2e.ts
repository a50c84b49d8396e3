import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { correctResponseOf } from '../../src/domain/answer-key';
import { expectAccessible, skipBrowserTests, useBrowserSession } from './support/browser-session';
import {
  answerQuestion,
  fetchAttempt,
  goToQuestionNumber,
  loadRichestBank,
  questionPanel,
  startQuizFromLibrary,
  waitForSaved,
} from './support/quiz-driver';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const LAPTOP = { viewport: { width: 1280, height: 800 } };

/**
 * Whether `target` is on the screen and would get a tap or click at its centre: inside the
 * device's screen (a phone zooms out to show a page wider than itself, so the window's own size
 * cannot be trusted) and not covered by anything else (a sticky bar, the end of a scroll area).
 */
async function isTappable(target: Locator, screen: { width: number; height: number }) {
  return target.evaluate((element, { width, height }) => {
    const box = element.getBoundingClientRect();
    if (box.left < 0 || box.top < 0 || box.right > width || box.bottom > height) return false;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  }, screen);
}

function documentWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe.skipIf(skipBrowserTests)('the quiz on a phone and on a laptop', () => {
  const session = useBrowserSession();

  it('on a phone, shows the question first, the navigator folded and no keyboard shortcuts', async () => {
    const loaded = await loadRichestBank();
    const { page } = await session.newPage(PHONE);
    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    const total = (await fetchAttempt(page)).questions.length;

    const heading = page.getByRole('heading', { name: `Question 1 of ${total}` });
    const headingTop = await heading.evaluate((element) => element.getBoundingClientRect().top);
    expect(headingTop).toBeLessThan(340);
    const toggle = page.getByRole('button', { name: 'All questions' });
    await expect(toggle.getAttribute('aria-expanded', { timeout: 5000 })).resolves.toBe('false');
    await expect(page.getByText('Keyboard shortcuts').count()).resolves.toBe(0);
    await toggle.tap();
    await expectAccessible(page, 'the open navigator on a phone');
  });

  it('on a phone, submits through a check that fits the width and a dialog that fits the screen', async () => {
    const loaded = await loadRichestBank();
    const { page } = await session.newPage(PHONE);
    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    const attempt = await fetchAttempt(page);
    const total = attempt.questions.length;

    // Through every question with Next: the long prompts are what once widened the page.
    for (let number = 1; number < total; number += 1) {
      await questionPanel(page).getByRole('button', { name: 'Next →' }).tap();
      await page.getByRole('heading', { name: `Question ${number + 1} of ${total}` }).waitFor();
      await expect(documentWidth(page), `page width on question ${number + 1}`).resolves.toBe(
        PHONE.viewport.width,
      );
    }
    await page.getByRole('button', { name: 'Check and submit' }).tap();
    await page.getByRole('heading', { name: 'Check before you submit' }).waitFor();
    await expect(documentWidth(page), 'page width of the submit check').resolves.toBe(
      PHONE.viewport.width,
    );
    // Each unanswered question's whole prompt is there to read, wrapped, not cut off.
    const firstRow = page
      .getByRole('list', { name: /^Not answered/ })
      .getByRole('button')
      .first();
    await expect(firstRow.innerText()).resolves.toContain(attempt.questions[0]?.prompt ?? '');
    // Scrolled to as a student would: how far down it starts depends on the shuffled order.
    await firstRow.scrollIntoViewIfNeeded();
    await expect(isTappable(firstRow, PHONE.viewport)).resolves.toBe(true);
    await expectAccessible(page, 'the submit check on a phone');

    await page.getByRole('button', { name: 'Submit answers' }).tap();
    const dialog = page.getByRole('dialog', { name: 'Submit your answers?' });
    await dialog.waitFor();
    const submit = dialog.getByRole('button', { name: 'Submit', exact: true });
    await expect(isTappable(submit, PHONE.viewport)).resolves.toBe(true);
    await submit.tap();
    await page.getByRole('heading', { name: 'Your score' }).waitFor();
    expect(session.pageErrors()).toEqual([]);
  });

  it('keeps the save status and the time in sight while a phone scrolls', async () => {
    const loaded = await loadRichestBank();
    const { page } = await session.newPage(PHONE);
    // A timed attempt: the library's practice quizzes have no time limit, so the page is told of
    // a deadline 20 minutes away (the server's own clock is not involved in what is shown).
    await page.route('**/api/attempts/*', async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      body.deadline = new Date(Date.now() + 20 * 60_000).toISOString();
      await route.fulfill({ response, json: body });
    });
    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    const attempt = await fetchAttempt(page);
    const first = attempt.questions[0];
    const question = loaded.bank.questions.find((candidate) => candidate.id === first?.id);
    if (!first || !question) throw new Error('The attempt has no first question');
    await answerQuestion(page, first, correctResponseOf(question), loaded.article);
    await waitForSaved(page);

    await page.getByRole('tab', { name: 'Article' }).tap();
    await page.evaluate(() => window.scrollTo(0, 2000));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const saved = page.getByRole('status').filter({ hasText: /^Saved$/ });
    await expect(isTappable(saved, PHONE.viewport)).resolves.toBe(true);
    await expect(isTappable(page.getByText('Time left'), PHONE.viewport)).resolves.toBe(true);
  });

  it('on a laptop, keeps Next in sight on a two-part question', async () => {
    const loaded = await loadRichestBank();
    const { page } = await session.newPage(LAPTOP);
    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    const attempt = await fetchAttempt(page);
    const twoPart = attempt.questions.find((shown) => shown.type === 'two-part');
    if (!twoPart) throw new Error(`${loaded.bank.title} has no two-part question`);
    await goToQuestionNumber(page, twoPart.number);
    await page
      .getByRole('heading', { name: `Question ${twoPart.number} of ${attempt.questions.length}` })
      .waitFor();
    const next = questionPanel(page).getByRole('button', { name: /^(Next →|Check and submit)$/ });
    await expect(isTappable(next, LAPTOP.viewport)).resolves.toBe(true);

    // Scrolled down to Part B, the page (not a box inside it) scrolls, and Next is still there.
    await questionPanel(page).getByRole('region', { name: 'Part B' }).scrollIntoViewIfNeeded();
    await expect(isTappable(next, LAPTOP.viewport)).resolves.toBe(true);
    await next.click();
    await expect
      .poll(() => page.getByRole('heading', { name: `Question ${twoPart.number} of` }).count())
      .toBe(0);
  });
});
