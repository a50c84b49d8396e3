import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTICLE_FIELDS } from '../fixtures/harbour-article';
import { expectAccessible, skipBrowserTests, useBrowserSession } from './support/browser-session';
import { signUpTeacher } from './support/teacher-signup';

/** The harbour article of the server tests, with a shorter text of its own. */
const ARTICLE = {
  fields: ARTICLE_FIELDS,
  body: 'The storm in January broke a long section of the harbour wall in Eastby. Fishing boats could not leave for nine days.\n\n## The repair\n\nThe town council says the repair will cost 40,000 pounds. Work began on Monday and should take six weeks.',
};

function bankYaml(bankId: string, articleId: string): string {
  return `# yaml-language-server: $schema=../schema.json
id: ${bankId}
article: ${articleId}
title: The harbour wall
description: What the storm broke and what the repair costs.
questions:
  - id: ${bankId}-days
    type: single
    prompt: How long could the boats not leave the harbour?
    skill: literal
    difficulty: 1
    options:
      - id: nine-days
        text: Nine days
        correct: true
      - id: six-weeks
        text: Six weeks
        feedback: Six weeks is how long the repair should take.
    explanation: The boats stayed in for nine days.
    evidence:
      - Fishing boats could not leave for nine days.
  - id: ${bankId}-cost
    type: single
    prompt: What will the repair cost?
    skill: literal
    difficulty: 1
    options:
      - id: forty
        text: 40,000 pounds
        correct: true
      - id: four
        text: 4,000 pounds
        feedback: The council says forty thousand.
    explanation: The council gives the cost.
    evidence:
      - The town council says the repair will cost 40,000 pounds.
`;
}

/** A teacher's request as their pages send it: the session cookie and this site's Origin. */
async function teacherRequest(
  page: Page,
  baseUrl: string,
  method: string,
  path: string,
  data?: unknown,
) {
  const response = await page.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { Origin: baseUrl },
    ...(data === undefined ? {} : { data }),
  });
  if (!response.ok())
    throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { id: string; revision: number };
}

describe.skipIf(skipBrowserTests)('previewing a quiz from its editor (issue 13)', () => {
  // The teacher's own quiz: a server of its own keeps it from the other files' tests.
  const session = useBrowserSession({ ownServer: true });

  it('a teacher previews the quiz, answers, submits, sees the review with its evidence and goes back to the editor', async () => {
    const { page } = await session.newPage();
    const { baseUrl } = session;
    await signUpTeacher(page, baseUrl, 'preview');

    // The article and quiz are written through the API: the authoring pages have their own test.
    const own = await teacherRequest(page, baseUrl, 'POST', '/api/teacher/articles', ARTICLE);
    await teacherRequest(page, baseUrl, 'POST', `/api/teacher/articles/${own.id}/publish`);
    const bank = await teacherRequest(page, baseUrl, 'POST', '/api/teacher/banks', {
      articleId: own.id,
      title: 'The harbour wall',
    });
    await teacherRequest(page, baseUrl, 'PUT', `/api/teacher/banks/${bank.id}`, {
      revision: bank.revision,
      text: bankYaml(bank.id, own.id),
    });

    await page.goto(`${baseUrl}/teacher/banks/${bank.id}`);
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('It shows the draft as saved.').waitFor();
    await expectAccessible(page, 'the bank editor with its preview section');
    // By keyboard, as the buttons and links of the preview are all native ones.
    await preview.getByRole('button', { name: 'Preview quiz' }).focus();
    await page.keyboard.press('Enter');

    // The real quiz player, with the banner.
    const banner = page.getByRole('region', { name: 'Preview' });
    await banner.getByText('Preview — not graded.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'The harbour wall' }).waitFor();
    await expectAccessible(page, 'the quiz player in a preview');
    for (let question = 1; question <= 2; question += 1) {
      await page.getByRole('heading', { name: `Question ${question} of 2` }).waitFor();
      await page
        .getByRole('radio', { name: 'Nine days' })
        .or(page.getByRole('radio', { name: '4,000 pounds' }))
        .click();
      await page
        .getByRole('button', { name: question === 1 ? 'Next →' : 'Check and submit' })
        .click();
    }
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();

    // The review, at once: one right and one wrong, with the evidence in the article.
    await page.getByRole('heading', { name: 'Your score' }).waitFor();
    await expect(page.getByRole('region', { name: 'Preview' }).textContent()).resolves.toContain(
      'Preview — not graded.',
    );
    await page.getByText('1 of 2 points').waitFor();
    await page
      .getByRole('button', { name: 'Show in article: the evidence for question 1' })
      .click();
    const article = page.getByRole('region', { name: 'Article' });
    await article.getByText(/The evidence for question 1 is highlighted/).waitFor();
    // The evidence sentence of question 1, whichever of the two came first.
    await expect(article.locator('mark.sentence-highlight').textContent()).resolves.toMatch(
      /^(Fishing boats could not leave for nine days\.|The town council says the repair will cost 40,000 pounds\.)$/,
    );
    await expectAccessible(page, 'the review of a preview');

    await page.getByRole('link', { name: 'Back to the quiz editor' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'The harbour wall' }).waitFor();
    await page
      .getByRole('region', { name: 'Preview' })
      .getByRole('button', { name: 'Preview quiz' })
      .waitFor();
    expect(session.pageErrors()).toEqual([]);
  });
});
