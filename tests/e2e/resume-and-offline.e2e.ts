import { describe, expect, it } from 'vitest';
import { correctResponseOf } from '../../src/domain/answer-key';
import type { AttemptView } from '../../src/lib/api-client';
import { expectAccessible, skipBrowserTests, useBrowserSession } from './support/browser-session';
import {
  answerQuestion,
  fetchAttempt,
  loadRichestBank,
  startQuizFromLibrary,
  waitForSaved,
} from './support/quiz-driver';

const OFFLINE = 'Offline — your answers are kept on this device';

describe.skipIf(skipBrowserTests)('answers are never lost', () => {
  const session = useBrowserSession();

  async function setUp() {
    const loaded = await loadRichestBank();
    const questionsById = new Map(loaded.bank.questions.map((question) => [question.id, question]));
    const { context, page } = await session.newPage();
    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    const attempt = await fetchAttempt(page);
    const rightAnswerTo = (index: number) => {
      const shown = attempt.questions[index];
      const question = shown && questionsById.get(shown.id);
      if (!shown || !question) throw new Error(`No question at ${index}`);
      return { shown, response: correctResponseOf(question) };
    };
    /** Answers the question at `index` (0-based) right, from wherever the quiz is. */
    const answer = async (index: number) => {
      const { shown, response } = rightAnswerTo(index);
      await page
        .getByRole('navigation', { name: 'Questions' })
        .getByRole('button', { name: new RegExp(`^Question ${shown.number},`) })
        .click();
      await answerQuestion(page, shown, response, loaded.article);
      return { id: shown.id, response };
    };
    return { context, page, attempt, answer, total: attempt.questions.length };
  }

  /**
   * Answers with the lists whose order does not count (ticked choices, evidence sentences)
   * sorted: the controls keep the order shown, which is shuffled, not the key's order.
   */
  function unordered(responses: object): unknown {
    return JSON.parse(JSON.stringify(responses), (key, value: unknown) =>
      (key === 'choices' || key === 'sentences') && Array.isArray(value)
        ? [...(value as string[])].sort()
        : value,
    );
  }

  function savedResponses(attempt: AttemptView) {
    return unordered(attempt.responses);
  }

  it('comes back to the same question with every answer after a reload or reopening the link', async () => {
    const { context, page, answer, total } = await setUp();
    const answered = [await answer(0), await answer(1), await answer(2)];
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.getByRole('heading', { name: `Question 4 of ${total}` }).waitFor();
    await waitForSaved(page);

    await page.reload();
    await page.getByRole('heading', { name: `Question 4 of ${total}` }).waitFor();
    await page.getByText(`Answered 3 of ${total}`).waitFor();
    const server = await fetchAttempt(page);
    expect(savedResponses(server)).toEqual(
      unordered(Object.fromEntries(answered.map(({ id, response }) => [id, response]))),
    );
    await expectAccessible(page, 'a reloaded quiz');

    // The link opened again, in a new tab of the same browser.
    const url = page.url();
    const reopened = await context.newPage();
    await reopened.goto(url);
    await reopened.getByRole('heading', { name: `Question 4 of ${total}` }).waitFor();
    const navigator = reopened.getByRole('navigation', { name: 'Questions' });
    for (const number of [1, 2, 3]) {
      await expect(
        navigator
          .getByRole('button', { name: `Question ${number}, answered`, exact: true })
          .count(),
      ).resolves.toBe(1);
    }
    await expect(
      navigator
        .getByRole('button', { name: 'Question 4, not answered', exact: true })
        .getAttribute('aria-current'),
    ).resolves.toBe('step');
    expect(session.pageErrors()).toEqual([]);
  });

  it('keeps answers given offline on the device and sends them when the connection is back', async () => {
    const { context, page, answer } = await setUp();
    const online = await answer(0);
    await waitForSaved(page);

    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: OFFLINE }).waitFor();
    const offline = [await answer(1), await answer(2)];
    await page.waitForTimeout(1000);
    await expect(page.getByRole('status').filter({ hasText: OFFLINE }).isVisible()).resolves.toBe(
      true,
    );
    const draft = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((name) => name.startsWith('readproof:draft:'));
      return key
        ? (JSON.parse(localStorage.getItem(key) ?? '{}') as { state: { responses: object } })
        : null;
    });
    expect(unordered(draft?.state.responses ?? {})).toEqual(
      unordered(Object.fromEntries([online, ...offline].map(({ id, response }) => [id, response]))),
    );
    await expectAccessible(page, 'the quiz while offline');

    await context.setOffline(false);
    await waitForSaved(page);
    const server = await fetchAttempt(page);
    expect(savedResponses(server)).toEqual(
      unordered(Object.fromEntries([online, ...offline].map(({ id, response }) => [id, response]))),
    );

    const total = server.questions.length;
    await page
      .getByRole('navigation', { name: 'Questions' })
      .getByRole('button', { name: new RegExp(`^Question ${total},`) })
      .click();
    await page.getByRole('button', { name: 'Check and submit' }).click();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('heading', { name: 'Your score' }).waitFor();
    for (const shown of server.questions.slice(0, 3)) {
      const item = page.getByRole('article', { name: `Question ${shown.number}`, exact: true });
      await expect(item.locator('.status-badge').innerText()).resolves.toContain('Right');
    }
    expect(session.pageErrors()).toEqual([]);
  });
});
