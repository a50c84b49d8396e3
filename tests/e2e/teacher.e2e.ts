import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { correctResponseOf } from '../../src/domain/answer-key';
import type { ResolvedQuestion } from '../../src/domain/resolved-bank';
import {
  expectAccessible,
  expectFocused,
  skipBrowserTests,
  useBrowserSession,
} from './support/browser-session';
import {
  answerQuestion,
  fetchAttempt,
  loadRichestBank,
  pointsOf,
  tabTo,
  waitForSaved,
  wrongResponseOf,
} from './support/quiz-driver';

/** The questions assigned: a subset of the bank, so the subset path is exercised too. */
const ASSIGNED_QUESTIONS = 4;
const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFINFO = '/usr/bin/pdfinfo';

interface StudentPlan {
  name: string;
  /** Whether to answer the question at this position (in the attempt's order) right. */
  answersRight: (index: number) => boolean;
}

const STUDENTS: StudentPlan[] = [
  { name: 'Ann Lee', answersRight: () => true },
  { name: 'Bo Chen', answersRight: (index) => index % 2 === 0 },
];

/** `datetime-local` text for an instant, in the browser's (and this process's) time zone. */
function localDateTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

function readCsv(path: string): { bom: boolean; rows: Record<string, string>[] } {
  const text = readFileSync(path, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return { bom: text.startsWith('\uFEFF'), rows: parsed.data };
}

/** Prints the page to PDF as Chromium does, and returns its text (pdftotext) or null without it. */
async function printToPdf(page: Page): Promise<string | null> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5000);
  if (!existsSync(PDFTOTEXT)) {
    if (process.env.CI === 'true')
      throw new Error('pdftotext is missing: apt-get install poppler-utils');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'readproof-pdf-'));
  try {
    const file = join(dir, 'page.pdf');
    writeFileSync(file, pdf);
    // Lines joined: pdftotext breaks long sentences where the paper does.
    return execFileSync(PDFTOTEXT, [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many A4 pages Chromium prints the page on (pdfinfo), or null without poppler-utils. */
async function countPdfPages(page: Page): Promise<number | null> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  if (!existsSync(PDFINFO)) {
    if (process.env.CI === 'true')
      throw new Error('pdfinfo is missing: apt-get install poppler-utils');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'readproof-pdf-'));
  try {
    const file = join(dir, 'page.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync(PDFINFO, [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A student's whole visit: join with the code, answer as planned, submit. Returns the score. */
async function takeAssignment(
  page: Page,
  baseUrl: string,
  code: string,
  student: StudentPlan,
  questionsById: Map<string, ResolvedQuestion>,
  article: Awaited<ReturnType<typeof loadRichestBank>>['article'],
) {
  await page.goto(`${baseUrl}/join`);
  // Typed as a student might: small letters and a space.
  await page
    .getByRole('textbox', { name: 'Code from your teacher' })
    .fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill(student.name);
  await expectAccessible(page, `the join page for ${student.name}`);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await page.getByRole('heading', { name: `Question 1 of ${ASSIGNED_QUESTIONS}` }).waitFor();
  // The assignment's time limit is on the page.
  await page.locator('.quiz-timer').waitFor();

  const attempt = await fetchAttempt(page);
  let total = 0;
  let maxPoints = 0;
  for (const [index, shown] of attempt.questions.entries()) {
    const question = questionsById.get(shown.id);
    if (!question) throw new Error(`The attempt has a question the bank does not: ${shown.id}`);
    await page
      .getByRole('heading', { name: `Question ${index + 1} of ${ASSIGNED_QUESTIONS}` })
      .waitFor();
    const right = student.answersRight(index);
    const response = right ? correctResponseOf(question) : wrongResponseOf(question, shown);
    maxPoints += pointsOf(question);
    if (right) total += pointsOf(question);
    if (response) {
      await answerQuestion(page, shown, response, article);
      await waitForSaved(page);
    }
    await page
      .getByRole('button', {
        name: index === ASSIGNED_QUESTIONS - 1 ? 'Check and submit' : 'Next →',
      })
      .click();
  }
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
  return { attemptId: attempt.attemptId, total, maxPoints };
}

describe.skipIf(skipBrowserTests)('a teacher and a class in Chromium', () => {
  const session = useBrowserSession({ ownServer: true });

  it('assigns a quiz, two students join and submit, and the teacher reads, exports and prints the results', async () => {
    const loaded = await loadRichestBank();
    const assigned = loaded.bank.questions.slice(0, ASSIGNED_QUESTIONS);
    const questionsById = new Map(assigned.map((question) => [question.id, question]));
    const { page: teacher } = await session.newPage();
    const { baseUrl } = session;

    // Sign up.
    await teacher.goto(`${baseUrl}/teacher/signup`);
    await teacher.getByRole('heading', { name: 'Create a teacher account' }).waitFor();
    await expectAccessible(teacher, 'the sign-up page');
    await teacher.getByRole('button', { name: 'Create account' }).click();
    await teacher.getByRole('alert', { name: 'There are 3 problems' }).waitFor();
    await expectAccessible(teacher, 'the sign-up page with its problems');
    const email = `rivera-${Date.now()}@school.example`;
    await teacher.getByLabel('Your name').fill('Ms Rivera');
    await teacher.getByLabel('Email').fill(email);
    await teacher.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await teacher.getByRole('button', { name: 'Create account' }).click();
    await teacher.getByRole('heading', { name: 'Your assignments' }).waitFor();
    await expectAccessible(teacher, 'the empty dashboard');

    // Create the assignment: a subset, a 10-minute limit, the review after the due time.
    await teacher.getByRole('link', { name: 'New assignment' }).first().click();
    await teacher.getByRole('heading', { name: 'New assignment' }).waitFor();
    await teacher.getByRole('combobox', { name: 'Quiz' }).selectOption(loaded.bank.id);
    await teacher.getByRole('textbox', { name: 'Title' }).fill('Year 9: close reading');
    await teacher.getByRole('radio', { name: 'Only the questions I choose' }).check();
    for (const [index] of assigned.entries()) {
      await teacher.getByRole('checkbox', { name: new RegExp(`^${index + 1}\\. `) }).check();
    }
    const due = new Date(Date.now() + 60 * 60_000);
    await teacher.getByLabel('Due (optional)').fill(localDateTime(due));
    await teacher.getByRole('textbox', { name: 'Time limit in minutes (optional)' }).fill('10');
    await expect(
      teacher.getByRole('radio', { name: 'After the due time' }).isChecked(),
    ).resolves.toBe(true);
    await expect(
      teacher.getByRole('radio', { name: 'Answers, explanations and evidence' }).isChecked(),
    ).resolves.toBe(true);
    await expectAccessible(teacher, 'the new-assignment form, filled in');
    await teacher.getByRole('button', { name: 'Create assignment' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Year 9: close reading' }).waitFor();
    const assignmentId = new URL(teacher.url()).pathname.split('/').at(-1) ?? '';
    const joinLink = teacher
      .getByRole('region', { name: 'How students join' })
      .getByRole('link', { name: /\/join\/[A-Z0-9]{6}$/ });
    const code = (await joinLink.getAttribute('href'))?.split('/').at(-1) ?? '';
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    await expectAccessible(teacher, 'the assignment page before anyone joined');

    // The projector view: the code and a QR code image the server drew.
    await teacher.getByRole('link', { name: 'Project the code' }).click();
    const qr = teacher.getByRole('img', { name: /^QR code that opens http/ });
    await qr.waitFor();
    await expect(
      qr.evaluate(
        (image) =>
          (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
      ),
    ).resolves.toBe(true);
    // The page's styles arrive with its lazily loaded chunk; the header must then be hidden.
    await teacher.locator('.site-header').waitFor({ state: 'hidden', timeout: 5000 });
    await expectAccessible(teacher, 'the projector view');
    await teacher.getByRole('link', { name: 'Back to the assignment' }).click();

    // Two students, each in a browser of their own.
    const results = [];
    for (const student of STUDENTS) {
      const { page } = await session.newPage();
      const result = await takeAssignment(
        page,
        baseUrl,
        code,
        student,
        questionsById,
        loaded.article,
      );
      results.push({ ...student, ...result });

      // The review waits for the due time, on the page and at the API.
      await page.getByRole('heading', { name: 'Your answers are in' }).waitFor();
      await expect(page.locator('main').innerText()).resolves.toContain('Your results open at');
      await expect(page.getByRole('heading', { name: 'Your score' }).count()).resolves.toBe(0);
      await expectAccessible(page, `the waiting review page of ${student.name}`);
      const reviewStatus = await page.evaluate(async (attemptId) => {
        const record = JSON.parse(
          localStorage.getItem(`readproof:attempt:${attemptId}`) ?? '{}',
        ) as {
          token?: string;
        };
        const response = await fetch(`/api/attempts/${attemptId}/review`, {
          headers: { authorization: `Bearer ${record.token ?? ''}` },
        });
        return response.status;
      }, result.attemptId);
      expect(reviewStatus).toBe(403);
    }

    // The gradebook fills in by itself.
    for (const result of results) {
      const percent = Math.round((result.total / result.maxPoints) * 1000) / 10;
      const row = teacher.getByRole('row', { name: new RegExp(`^${result.name}`) });
      await row.filter({ hasText: `${percent}%` }).waitFor({ timeout: 20_000 });
      await expect(row.innerText()).resolves.toContain(`${result.total} / ${result.maxPoints}`);
      await expect(row.innerText()).resolves.toContain('Submitted');
    }
    await expect(teacher.getByRole('status').innerText()).resolves.toMatch(/New results?: /);
    await teacher.getByRole('button', { name: /^Percent/ }).click();
    await expect(
      teacher
        .getByRole('table', { name: /^Gradebook/ })
        .getByRole('rowheader')
        .allInnerTexts(),
    ).resolves.toEqual(['Ann Lee', 'Bo Chen']);
    await expectAccessible(teacher, 'the gradebook with two results');

    // A student's full review.
    await teacher.getByRole('link', { name: 'Bo Chen' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Bo Chen' }).waitFor();
    await expect(teacher.getByRole('article', { name: /^Question \d$/ }).count()).resolves.toBe(
      ASSIGNED_QUESTIONS,
    );
    await expectAccessible(teacher, "a student's review");
    await teacher.goBack();

    // Statistics.
    await teacher.getByRole('link', { name: 'Statistics' }).click();
    await teacher.getByRole('heading', { name: 'Question by question' }).waitFor();
    await teacher
      .getByRole('figure', { name: 'Score distribution: attempts by percent (2 attempts)' })
      .waitFor();
    await expect(teacher.getByRole('article', { name: /^Question \d$/ }).count()).resolves.toBe(
      ASSIGNED_QUESTIONS,
    );
    await expectAccessible(teacher, 'the statistics');
    await teacher.goBack();
    await teacher.getByRole('heading', { name: 'Results' }).waitFor();

    // Both CSV downloads, read back.
    const downloadCsv = async (name: RegExp) => {
      const [download] = await Promise.all([
        teacher.waitForEvent('download'),
        teacher.getByRole('link', { name }).click(),
      ]);
      const path = await download.path();
      return { file: download.suggestedFilename(), ...readCsv(path) };
    };
    const summary = await downloadCsv(/^Scores \(CSV\)/);
    expect(summary.file).toMatch(/summary\.csv$/);
    expect(summary.bom).toBe(true);
    expect(summary.rows.map((row) => row.Student).sort()).toEqual(['Ann Lee', 'Bo Chen']);
    for (const result of results) {
      const row = summary.rows.find((candidate) => candidate.Student === result.name);
      expect(Number(row?.Score)).toBe(result.total);
      expect(Number(row?.['Max points'])).toBe(result.maxPoints);
      expect(Number(row?.Percent)).toBe(Math.round((result.total / result.maxPoints) * 1000) / 10);
      const questionColumns = Object.keys(row ?? {}).filter((key) => /^Q\d+ /.test(key));
      // Numbered in bank order, each headed by the start of its prompt, cut at a word.
      expect(questionColumns).toHaveLength(assigned.length);
      questionColumns.forEach((key, index) => {
        const [, number, heading = ''] = /^Q(\d+) (.*?)…?$/.exec(key) ?? [];
        expect(Number(number)).toBe(index + 1);
        expect(assigned[index]?.prompt.startsWith(heading)).toBe(true);
      });
    }
    const answers = await downloadCsv(/^Answers \(CSV\)/);
    expect(answers.file).toMatch(/responses\.csv$/);
    expect(answers.bom).toBe(true);
    expect(answers.rows).toHaveLength(STUDENTS.length * ASSIGNED_QUESTIONS);
    const annAnswers = answers.rows.filter((row) => row.Student === 'Ann Lee');
    expect(annAnswers.map((row) => row.Result)).toEqual(Array(ASSIGNED_QUESTIONS).fill('correct'));
    expect(annAnswers.every((row) => row.Response !== '' && row['Saved at'] !== '')).toBe(true);

    // The student copy: article and questions, no answers; on paper without the site around it.
    await teacher.getByRole('link', { name: 'Print student copy' }).click();
    await teacher.getByRole('heading', { name: 'Questions' }).waitFor();
    await expectAccessible(teacher, 'the student copy');
    await teacher.emulateMedia({ media: 'print' });
    await expect(teacher.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(
      teacher.getByRole('button', { name: 'Print the student copy' }).isVisible(),
    ).resolves.toBe(false);
    const studentCopyDom = normalise(await teacher.locator('.print-sheet').innerText());
    const studentCopyPdf = await printToPdf(teacher);
    for (const text of [studentCopyDom, studentCopyPdf].filter((t): t is string => t !== null)) {
      expect(text).toContain('Year 9: close reading');
      expect(text).toContain(normalise(loaded.article.meta.title));
      expect(text).toContain(normalise(loaded.article.paragraphs[0]?.sentences[0]?.text ?? '?'));
      for (const question of assigned)
        expect(text).toContain(normalise(question.prompt).slice(0, 40));
      expect(text).not.toContain(normalise(assigned[0]?.explanation ?? '?').slice(0, 40));
    }
    await teacher.emulateMedia({ media: 'screen' });

    // The answer key: answers, explanations and evidence.
    await teacher.getByRole('link', { name: 'Back to the assignment' }).click();
    await teacher.getByRole('link', { name: 'Print answer key' }).click();
    await teacher.getByRole('heading', { name: 'Answers' }).waitFor();
    await expectAccessible(teacher, 'the answer key');
    await teacher.emulateMedia({ media: 'print' });
    const keyDom = normalise(await teacher.locator('.print-sheet').innerText());
    const keyPdf = await printToPdf(teacher);
    for (const text of [keyDom, keyPdf].filter((t): t is string => t !== null)) {
      // The kicker is set in capitals by CSS, which the page's innerText keeps.
      expect(text.toLowerCase()).toContain('answer key: for the teacher');
      for (const question of assigned) {
        expect(text).toContain(normalise(question.explanation).slice(0, 40));
        const quote = question.evidence[0]?.quote;
        if (quote) expect(text).toContain(normalise(quote).slice(0, 30));
      }
    }
    await teacher.emulateMedia({ media: 'screen' });

    // The dashboard lists the assignment; logging out and in again works.
    await teacher.getByRole('link', { name: 'Assignments' }).click();
    const listed = teacher.getByRole('row', { name: /Year 9: close reading/ });
    await listed.waitFor();
    await expect(listed.innerText()).resolves.toContain(code);
    await expectAccessible(teacher, 'the dashboard with an assignment');
    await teacher.getByRole('button', { name: 'Log out', exact: true }).click();
    await teacher.getByRole('heading', { name: 'Teacher login' }).waitFor();
    await expectAccessible(teacher, 'the login page');
    await teacher.goto(`${baseUrl}/teacher`);
    await teacher.getByRole('heading', { name: 'Teacher login' }).waitFor();
    await teacher.getByLabel('Email').fill(email);
    await teacher.getByLabel('Password').fill('correct horse battery');
    await teacher.getByRole('button', { name: 'Log in' }).click();
    await teacher.getByRole('heading', { name: 'Your assignments' }).waitFor();

    // The other browser tests practise this quiz: while this class could still answer, their
    // results would be held (docs/security.md, "Answer keys"). Deleting it releases them.
    const deleted = await teacher.evaluate(
      async (id) => (await fetch(`/api/teacher/assignments/${id}`, { method: 'DELETE' })).status,
      assignmentId,
    );
    expect(deleted).toBe(204);

    expect(session.pageErrors()).toEqual([]);
  });

  it('fits the teacher pages on a phone, and the student copy and answer key on few pages', async () => {
    const loaded = await loadRichestBank();
    const { page } = await session.newPage({ viewport: { width: 390, height: 844 } });
    const { baseUrl } = session;

    // Opening a teacher page by its address (here: signed out, so the login page) leaves the
    // page's own focus without a frame: it is not a control.
    await page.goto(`${baseUrl}/teacher`);
    await page.getByRole('heading', { name: 'Teacher login' }).waitFor();
    await expect(
      page.evaluate(() => {
        const focused = document.activeElement;
        return focused ? [focused.tagName, getComputedStyle(focused).outlineStyle] : null;
      }),
    ).resolves.toEqual(['MAIN', 'none']);

    // A teacher with the whole bank assigned and three submitted attempts, through the API.
    const assignmentId = await page.evaluate(
      async ({ bankId }) => {
        const post = (path: string, body: unknown) =>
          fetch(path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }).then((response) => response.json() as Promise<Record<string, unknown>>);
        await post('/api/teacher/signup', {
          name: 'Ms Okafor',
          email: `okafor-${Date.now()}@school.example`,
          password: 'correct horse battery',
        });
        const assignment = await post('/api/teacher/assignments', {
          bankId,
          title: 'Year 9: on a phone',
          reviewPolicy: { when: 'immediately', show: 'full' },
        });
        for (const name of ['Ann Lee', 'Bo Chen', 'Cyrus Adeyemi-Whitfield']) {
          const attempt = await post(`/api/join/${String(assignment.joinCode)}`, { name });
          await fetch(`/api/attempts/${String(attempt.attemptId)}/submit`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${String(attempt.token)}` },
          });
        }
        return String(assignment.id);
      },
      { bankId: loaded.bank.id },
    );

    const documentWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.goto(`${baseUrl}/teacher/assignments/${assignmentId}`);
    await page.getByRole('table', { name: /^Gradebook/ }).waitFor();
    expect(await documentWidth()).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'the assignment page on a phone');

    await page.goto(`${baseUrl}/teacher/assignments/${assignmentId}/statistics`);
    await page.getByRole('heading', { name: 'Question by question' }).waitFor();
    expect(await documentWidth()).toBeLessThanOrEqual(390);
    // Three attempts are too few for reliability: the page says so instead of a number.
    await page.getByText('Not enough attempts yet').waitFor();
    await expectAccessible(page, 'the statistics page on a phone');

    // On A4, the questions follow the article and the key is compact: a page holds several
    // (three or more questions with four long options each, after two pages of article).
    const questionCount = loaded.bank.questions.length;
    for (const [kind, heading, most] of [
      ['student-copy', 'Questions', Math.ceil(questionCount / 3) + 2],
      ['answer-key', 'Key at a glance', Math.ceil(questionCount / 3)],
    ] as const) {
      await page.goto(`${baseUrl}/teacher/assignments/${assignmentId}/print/${kind}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.emulateMedia({ media: 'print' });
      const pages = await countPdfPages(page);
      if (pages !== null)
        expect(pages, `${kind} of ${questionCount} questions`).toBeLessThanOrEqual(most);
      await page.emulateMedia({ media: 'screen' });
    }

    const deleted = await page.evaluate(
      async (id) => (await fetch(`/api/teacher/assignments/${id}`, { method: 'DELETE' })).status,
      assignmentId,
    );
    expect(deleted).toBe(204);
    expect(session.pageErrors()).toEqual([]);
  });

  it('accepts a student’s short answer from the statistics by keyboard, regrades, and undoes it', async () => {
    const { page } = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const { baseUrl } = session;
    await page.goto(`${baseUrl}/teacher`);
    await page.getByRole('heading', { name: 'Teacher login' }).waitFor();

    // Through the API: an assignment of one short question ("North Korea", "North Korean",
    // "DPRK"), where two students typed "Pyongyang troops" and one "China".
    const shortId = 'context-north-korea';
    const assignmentId = await page.evaluate(async (questionId) => {
      const call = (method: string, path: string, body?: unknown, token?: string) =>
        fetch(path, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        }).then((response) => response.json() as Promise<Record<string, unknown>>);
      await call('POST', '/api/teacher/signup', {
        name: 'Ms Adeyemi',
        email: `adeyemi-${Date.now()}@school.example`,
        password: 'correct horse battery',
      });
      const banks = (await (await fetch('/api/banks')).json()) as { id: string }[];
      let bankId = '';
      for (const { id } of banks) {
        const bank = (await (await fetch(`/api/banks/${id}`)).json()) as {
          questions: { id: string }[];
        };
        if (bank.questions.some((question) => question.id === questionId)) bankId = id;
      }
      const assignment = await call('POST', '/api/teacher/assignments', {
        bankId,
        title: 'Year 9: fair short answers',
        questionIds: [questionId],
        attemptsAllowed: null,
      });
      for (const [name, text] of [
        ['Ann Lee', 'Pyongyang troops'],
        ['Bo Chen', 'pyongyang  troops!'],
        ['Cy Diaz', 'China'],
      ] as const) {
        const attempt = await call('POST', `/api/join/${String(assignment.joinCode)}`, { name });
        const token = String(attempt.token);
        const path = `/api/attempts/${String(attempt.attemptId)}`;
        await call('PUT', `${path}/responses/${questionId}`, { response: { text } }, token);
        await call('POST', `${path}/submit`, undefined, token);
      }
      return String(assignment.id);
    }, shortId);

    await page.goto(`${baseUrl}/teacher/assignments/${assignmentId}/statistics`);
    const card = page.getByRole('article', { name: 'Question 1' });
    const accept = card.getByRole('button', {
      // Shown as most students spelled it (a tie here); the name's spaces are collapsed.
      name: /^Accept this answer “pyongyang\s+troops!?” for question 1$/i,
    });
    await accept.waitFor();
    await expectAccessible(page, 'the statistics page with typed answers to accept');

    await tabTo(page, accept);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('This regrades the 2 submitted attempts that gave it').waitFor();
    await expectAccessible(page, 'the confirm step of accepting an answer');
    // Focus starts on Cancel; the confirm button is just before it.
    await page.keyboard.press('Shift+Tab');
    await expectFocused(
      dialog.getByRole('button', { name: 'Accept and regrade 2 attempts' }),
      'the confirm button',
    );
    await page.keyboard.press('Enter');
    await card
      .getByRole('status')
      .getByText(/: 2 attempts regraded\.$/)
      .waitFor();
    const undo = card.getByRole('button', { name: /^Undo accepting/ });
    await expectFocused(undo, 'the same button, now Undo');
    expect(await card.textContent()).toContain('2 right · 0 partly right · 1 wrong');
    const history = page.getByRole('region', { name: 'Regrade history' });
    await expect(
      history.getByRole('row', { name: /Question 1 Ms Adeyemi.* 2 Undo/ }).count(),
    ).resolves.toBe(1);
    await expectAccessible(page, 'the statistics page after a regrade');

    // The gradebook and the summary CSV show the regrade.
    await page.goto(`${baseUrl}/teacher/assignments/${assignmentId}`);
    const gradebook = page.getByRole('table', { name: /^Gradebook/ });
    await gradebook.waitFor();
    const regradedRows = gradebook.getByRole('row').filter({
      hasText: 'Regraded: you accepted the typed answer to question 1',
    });
    await expect(regradedRows.count()).resolves.toBe(2);
    const summary = await page.evaluate(
      async (id) => (await fetch(`/api/teacher/assignments/${id}/export/summary.csv`)).text(),
      assignmentId,
    );
    const rows = Papa.parse<Record<string, string>>(summary.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((row) => [row.Student, row.Regraded, row.Score]).sort()).toEqual([
      ['Ann Lee', 'Q1', '1'],
      ['Bo Chen', 'Q1', '1'],
      ['Cy Diaz', '', '0'],
    ]);

    // Undone from the history, by keyboard: the scores go back.
    await page.goto(`${baseUrl}/teacher/assignments/${assignmentId}/statistics`);
    const undoInHistory = history.getByRole('button', { name: /^Undo accepting/ });
    await undoInHistory.waitFor();
    await tabTo(page, undoInHistory);
    await page.keyboard.press('Enter');
    await history
      .getByRole('status')
      .getByText(/^Undone: /)
      .waitFor();
    await expectFocused(
      page.getByRole('heading', { name: 'Regrade history' }),
      'the history heading',
    );
    await card
      .getByRole('button', { name: /^Accept this answer/ })
      .first()
      .waitFor();
    expect(await card.textContent()).toContain('0 right · 0 partly right · 3 wrong');
    expect(session.pageErrors()).toEqual([]);
  });
});
