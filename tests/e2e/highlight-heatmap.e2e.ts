import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listEvidenceSentenceIds } from '../../src/domain/resolved-bank';
import {
  expectAccessible,
  expectFocused,
  skipBrowserTests,
  useBrowserSession,
} from './support/browser-session';
import { fetchAttempt, loadRichestBank, tabTo } from './support/quiz-driver';

/** A POST from the page, as its own scripts send one (same origin, its cookies). */
function postFrom<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { path, body },
  );
}

/** Whether the page is wider than its viewport (something would be cut off or scroll sideways). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

describe.skipIf(skipBrowserTests)('the heat map of highlights', () => {
  const session = useBrowserSession({ ownServer: true });

  it('shows the teacher how many students highlighted the evidence a student highlighted', async () => {
    const loaded = await loadRichestBank();
    const [first] = loaded.bank.questions;
    const evidence = first && listEvidenceSentenceIds(first)[0];
    if (!evidence) throw new Error('The first question has no evidence');
    const { baseUrl } = session;

    // A teacher and an assignment of the whole bank, through the API the pages use.
    const { page: teacher } = await session.newPage();
    await teacher.goto(`${baseUrl}/teacher/signup`);
    await postFrom(teacher, '/api/teacher/signup', {
      name: 'Ms Rivera',
      email: `rivera-${Date.now()}@school.example`,
      password: 'correct horse battery',
    });
    const assignment = await postFrom<{ id: string; joinCode: string }>(
      teacher,
      '/api/teacher/assignments',
      { bankId: loaded.bank.id, title: 'Year 9: highlights', shuffleQuestions: false },
    );

    // A student joins, highlights the first question's evidence and submits.
    const { page: student } = await session.newPage();
    await student.goto(`${baseUrl}/join`);
    await student
      .getByRole('textbox', { name: 'Code from your teacher' })
      .fill(assignment.joinCode);
    await student.getByRole('button', { name: 'Join' }).click();
    await student.getByRole('textbox', { name: 'Your name' }).fill('Ann Lee');
    await student.getByRole('button', { name: 'Start the quiz' }).click();
    await student.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor();
    const article = student.getByRole('region', { name: 'Article' });
    await article.getByRole('button', { name: 'Highlight and take notes' }).click();
    await article.locator(`#sentence-${evidence.replace('.', '\\.')}`).click();
    await student
      .getByRole('group', { name: /^Highlight and note for/ })
      .getByRole('button', { name: 'Yellow' })
      .click();
    await expect
      .poll(async () => (await fetchAttempt(student)).highlights.map((mark) => mark.sentenceId))
      .toEqual([evidence]);
    const { attemptId } = await fetchAttempt(student);
    await student.evaluate(async (id) => {
      const record = JSON.parse(localStorage.getItem(`readproof:attempt:${id}`) ?? '{}') as {
        token?: string;
      };
      await fetch(`/api/attempts/${id}/submit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${record.token ?? ''}` },
      });
    }, attemptId);

    // The teacher's statistics page counts her, beside the question that needs the sentence.
    await teacher.goto(`${baseUrl}/teacher/assignments/${assignment.id}/statistics`);
    const section = teacher.getByRole('region', { name: 'What the class highlighted' });
    await section.waitFor();
    const map = section.getByRole('region', { name: 'The article, sentence by sentence' });
    const sentence = map.locator(`#heat-${evidence.replace('.', '\\.')}`);
    await expect(sentence.innerText()).resolves.toMatch(
      new RegExp(`\\(${evidence}: 1 of 1 student highlighted it · evidence for questions? 1\\b`),
    );
    await expect(
      section
        .getByText('Of the 1 student with a submitted attempt analysed, 1 highlighted something.', {
          exact: false,
        })
        .count(),
    ).resolves.toBe(1);
    await expect(sentence.getAttribute('class')).resolves.toContain('heat-level-4');

    // By keyboard: the first sentence nobody found is a few tabs away, and its link goes to it.
    const missed = section
      .getByRole('heading', { name: 'Evidence nobody highlighted' })
      .locator('xpath=following-sibling::ul[1]')
      .getByRole('link')
      .first();
    const missedId = await missed.innerText();
    await tabTo(teacher, missed, 60);
    await teacher.keyboard.press('Enter');
    await expectFocused(
      map.locator(`#heat-${missedId.replace('.', '\\.')}`),
      'the missed sentence',
    );
    await tabTo(teacher, map, 10);

    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [390, 1280]) {
        await teacher.emulateMedia({ colorScheme });
        await teacher.setViewportSize({ width, height: 900 });
        await expectAccessible(
          teacher,
          `the statistics page with the heat map (${colorScheme}, ${width} px)`,
        );
        await expect(overflowsSideways(teacher)).resolves.toBe(false);
      }
    }

    // The printed student copy takes this device's reading settings; their button stays off paper.
    await teacher.goto(`${baseUrl}/teacher/assignments/${assignment.id}/print/student-copy`);
    const copy = teacher.getByRole('region', { name: 'The article' }).getByRole('article');
    const settings = copy.getByRole('button', { name: 'Reading settings' });
    await settings.click();
    const fontSize = () =>
      copy.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    const standard = await fontSize();
    await teacher.getByRole('combobox', { name: 'Text size' }).selectOption({ label: '150%' });
    await expect.poll(fontSize).toBeCloseTo(standard * 1.5, 1);
    await expectAccessible(teacher, 'the student copy with its reading settings open');
    await teacher.emulateMedia({ media: 'print' });
    await expect(settings.isVisible()).resolves.toBe(false);
    expect(session.pageErrors()).toEqual([]);
  }, 120_000);
});
