import { describe, expect, it } from 'vitest';
import { correctResponseOf } from '../../src/domain/answer-key';
import { expectAccessible, skipBrowserTests, useBrowserSession } from './support/browser-session';
import {
  answerQuestion,
  fetchAttempt,
  loadRichestBank,
  startQuizFromLibrary,
  waitForSaved,
} from './support/quiz-driver';

describe.skipIf(skipBrowserTests)('a reload while offline', () => {
  const session = useBrowserSession();

  it('reopens the quiz from this device, with the answers given before and while offline', async () => {
    const loaded = await loadRichestBank();
    const questionsById = new Map(loaded.bank.questions.map((question) => [question.id, question]));
    const { context, page } = await session.newPage();
    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    // The app shell is cached once the service worker controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    const attempt = await fetchAttempt(page);
    const total = attempt.questions.length;
    const answer = async (index: number) => {
      const shown = attempt.questions[index];
      const question = shown && questionsById.get(shown.id);
      if (!shown || !question) throw new Error(`No question at ${index}`);
      await page
        .getByRole('navigation', { name: 'Questions' })
        .getByRole('button', { name: new RegExp(`^Question ${shown.number},`) })
        .click();
      await answerQuestion(page, shown, correctResponseOf(question), loaded.article);
    };

    await answer(0);
    await waitForSaved(page);
    await context.setOffline(true);
    await answer(1);
    await page.waitForTimeout(1000);

    await page.reload();
    await page.getByRole('heading', { name: /^Question \d+ of \d+$/ }).waitFor();
    await page.getByText(`Answered 2 of ${total}`).waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await expectAccessible(page, 'the quiz reloaded offline');

    // Back online, the answer given offline reaches the server.
    await context.setOffline(false);
    await waitForSaved(page);
    const saved = await fetchAttempt(page);
    expect(Object.keys(saved.responses).sort()).toEqual(
      attempt.questions
        .slice(0, 2)
        .map((question) => question.id)
        .sort(),
    );
    expect(session.pageErrors()).toEqual([]);
  });

  it('is served by a service worker that keeps no API address', async () => {
    const script = await (await fetch(`${session.baseUrl}/sw.js`)).text();
    const precached = [...script.matchAll(/url:"([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(precached).toContain('index.html');
    expect(precached.filter((url) => /(^|\/)api(\/|$)/.test(url))).toEqual([]);
    // The article's font is precached; the optional reading font only once a reader chooses it.
    expect(precached.some((url) => url.includes('literata'))).toBe(true);
    expect(precached.filter((url) => url.includes('atkinson'))).toEqual([]);
    // Two routes: the navigation fallback to the shell, with /api kept out of it, and the reader
    // pages, which the server sends with their article in them; and the reading font, cache first.
    expect([...script.matchAll(/registerRoute\(/g)]).toHaveLength(2);
    expect(script).toContain('reading-fonts');
    expect(script).toContain('NavigationRoute(');
    expect(script).toContain('{denylist:[/^\\/api(\\/|$)/,/^\\/articles\\//]}');
  });
});
