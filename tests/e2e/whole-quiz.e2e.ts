import { describe, expect, it } from 'vitest';
import { correctResponseOf } from '../../src/domain/answer-key';
import { listSentences } from '../../src/domain/article';
import { listEvidenceSentenceIds } from '../../src/domain/resolved-bank';
import {
  expectAccessible,
  expectFocused,
  skipBrowserTests,
  useBrowserSession,
} from './support/browser-session';
import {
  answerQuestion,
  articleRegion,
  fetchAttempt,
  loadRichestBank,
  pointsOf,
  questionPanel,
  startQuizFromLibrary,
  wrongResponseOf,
} from './support/quiz-driver';

describe.skipIf(skipBrowserTests)('a whole quiz in Chromium', () => {
  const session = useBrowserSession();

  it('takes a quiz with right and wrong answers, scores it, and shows the evidence in the article', async () => {
    const loaded = await loadRichestBank();
    const questionsById = new Map(loaded.bank.questions.map((question) => [question.id, question]));
    const { page } = await session.newPage();

    await page.goto(`${session.baseUrl}/`);
    await page.getByRole('heading', { name: loaded.bank.title }).waitFor();
    await expectAccessible(page, 'the library');
    await page.getByRole('link', { name: loaded.article.meta.title }).click();
    await page.getByRole('heading', { level: 1, name: loaded.article.meta.title }).waitFor();
    await expectAccessible(page, 'the reader');

    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    await expectAccessible(page, 'the first question');
    const attempt = await fetchAttempt(page);

    // Every other question right; the rest wrong in a way that scores nothing, or left blank.
    let expectedTotal = 0;
    let maxPoints = 0;
    const expectedStatus = new Map<string, string>();
    const seenTypes = new Set<string>();
    for (const [index, shown] of attempt.questions.entries()) {
      const question = questionsById.get(shown.id);
      if (!question) throw new Error(`The attempt has a question the bank does not: ${shown.id}`);
      await page
        .getByRole('heading', { name: `Question ${shown.number} of ${attempt.questions.length}` })
        .waitFor();
      const answerRight = index % 2 === 0;
      const response = answerRight ? correctResponseOf(question) : wrongResponseOf(question, shown);
      maxPoints += pointsOf(question);
      if (answerRight) expectedTotal += pointsOf(question);
      expectedStatus.set(shown.id, answerRight ? 'Right' : response ? 'Wrong' : 'Not answered');
      if (response) await answerQuestion(page, shown, response, loaded.article);
      if (!seenTypes.has(shown.type)) {
        seenTypes.add(shown.type);
        await expectAccessible(page, `a ${shown.type} question, answered`);
      }
      if (index === 2) {
        await questionPanel(page).getByRole('button', { name: 'Flag for review' }).click();
      }
      await page
        .getByRole('button', {
          name: index === attempt.questions.length - 1 ? 'Check and submit' : 'Next →',
        })
        .click();
    }

    const summary = page.getByRole('region', { name: 'Check before you submit' });
    await summary.waitFor();
    await expect(
      summary.getByRole('heading', { name: 'Flagged for review (1)' }).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'the summary before submitting');
    await summary.getByRole('button', { name: 'Submit answers' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit your answers?' });
    await dialog.waitFor();
    await expectAccessible(page, 'the confirmation dialog');
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();

    await page.getByRole('heading', { name: 'Your score' }).waitFor();
    const percent = Math.round((expectedTotal / maxPoints) * 1000) / 10;
    const score = page.getByRole('region', { name: 'Your score' });
    await expect(score.locator('.score-percent').innerText()).resolves.toBe(`${percent}%`);
    await expect(score.locator('.score-points').innerText()).resolves.toBe(
      `${expectedTotal} of ${maxPoints} points`,
    );
    for (const shown of attempt.questions) {
      const item = page.getByRole('article', { name: `Question ${shown.number}`, exact: true });
      await expect(item.locator('.status-badge').innerText()).resolves.toContain(
        expectedStatus.get(shown.id),
      );
    }
    await expectAccessible(page, 'the results');

    // "Show in article" marks exactly the sentences the question's evidence quotes, and focuses them.
    const reviewed = attempt.questions[1];
    if (!reviewed) throw new Error('The quiz has fewer than two questions');
    const evidenceIds = listEvidenceSentenceIds(questionsById.get(reviewed.id) ?? { evidence: [] });
    // The marks come in reading order, whatever order the question's quotes give them.
    const evidence = listSentences(loaded.article)
      .map((sentence) => sentence.id)
      .filter((id) => evidenceIds.includes(id));
    await page
      .getByRole('article', { name: `Question ${reviewed.number}`, exact: true })
      .getByRole('button', { name: /show in article/i })
      .click();
    const marks = articleRegion(page).locator('mark');
    await marks.first().waitFor();
    await expect(
      marks.evaluateAll((elements) =>
        elements.map((element) => element.getAttribute('data-sentence-id')),
      ),
    ).resolves.toEqual(evidence);
    await expectFocused(marks.first(), 'the first highlighted sentence');
    await expectAccessible(page, 'the results with evidence highlighted');

    await page.getByRole('checkbox', { name: 'Only questions I missed' }).check();
    const missed = [...expectedStatus.values()].filter((status) => status !== 'Right').length;
    await expect(page.getByRole('article', { name: /^Question \d+$/ }).count()).resolves.toBe(
      missed,
    );

    await page.getByRole('button', { name: 'Retake the quiz' }).click();
    await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor();
    await expect(
      page.getByText(`Answered 0 of ${attempt.questions.length}`).isVisible(),
    ).resolves.toBe(true);
    // A fresh attempt claims nothing is saved before there is an answer to save.
    await expect(page.getByRole('status').filter({ hasText: /Saved/ }).count()).resolves.toBe(0);
    expect(session.pageErrors()).toEqual([]);
  });
});
