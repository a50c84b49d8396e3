import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { buildDocx, docxParagraph } from '../fixtures/docx';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { readArticle } from '../../src/content/read-article';
import { readBank } from '../../src/content/read-bank';
import { checkSchemaFile } from '../../src/content/schema-file';
import { correctResponseOf } from '../../src/domain/answer-key';
import type { Article } from '../../src/domain/article';
import { QUESTION_TYPES, type QuestionType } from '../../src/domain/question-kinds';
import type { ResolvedQuestion } from '../../src/domain/resolved-bank';
import { expectAccessible, skipBrowserTests, useBrowserSession } from './support/browser-session';
import { signUpTeacher } from './support/teacher-signup';
import {
  answerQuestion,
  fetchAttempt,
  tabTo,
  waitForSaved,
  wrongResponseOf,
} from './support/quiz-driver';
import { repoRoot } from './support/start-server';

/*
 * Both articles' texts were written for this test (no outside source): a made-up town and its
 * bridge, and a made-up school's river walk.
 */
const TITLE = 'Millbrook votes to rebuild its bridge';
/** The uploaded article's paragraphs; the last has the quoted question the splitter cuts. */
const PARAGRAPHS = [
  'The town of Millbrook voted on Monday to rebuild its old bridge. The vote was 7 to 2.',
  'Mayor Jo Hale said the work would start in May. She said the town had waited long enough.',
  'The river flooded in March. The council said the bridge was closed for 30 days.',
  'Ms Hale said the bridge was closed for safety reasons.',
  'The treasurer wrote "Why? Because." and left the meeting early.',
];
const S = {
  vote: 'The town of Millbrook voted on Monday to rebuild its old bridge.',
  count: 'The vote was 7 to 2.',
  work: 'Mayor Jo Hale said the work would start in May.',
  waited: 'She said the town had waited long enough.',
  flood: 'The river flooded in March.',
  closed: 'The council said the bridge was closed for 30 days.',
  safety: 'Ms Hale said the bridge was closed for safety reasons.',
  treasurer: 'The treasurer wrote "Why? Because." and left the meeting early.',
};
/** The pasted article's lines: plain text, each line a paragraph. */
const PASTED = [
  'Our class walked two miles along the river on Friday.',
  'We counted eleven herons and one kingfisher.',
];

/** A minimal .docx with the article's text and a "The flood" heading. */
function articleDocx(): Buffer {
  return Buffer.from(
    buildDocx([
      ...PARAGRAPHS.slice(0, 2).map((text) => docxParagraph(text)),
      docxParagraph('The flood', 'Heading2'),
      ...PARAGRAPHS.slice(2).map((text) => docxParagraph(text)),
    ]),
  );
}

/** Pastes `text` into the focused-to-be field as a clipboard paste, the way a teacher does. */
async function pasteInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

async function fillArticleFields(page: Page, title: string, about: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Summary' }).fill(about);
  await page.getByRole('textbox', { name: 'Sources named in the text' }).fill('The town council');
  await page.getByRole('textbox', { name: 'Genre' }).fill('news report');
  await page
    .getByRole('textbox', { name: 'How the text knows what it says' })
    .fill('The reporter was there.');
  await page.getByRole('textbox', { name: 'Licence or permission' }).fill('Written for this test');
}

/** One question's own fields, filled in the workspace; the prompt and explanation come first. */
interface Authored {
  prompt: string;
  explanation: string;
  evidence: string[];
  fill?: (workspace: Locator) => Promise<void>;
}

const text = (workspace: Locator, label: string) =>
  workspace.getByRole('textbox', { name: label, exact: true });
const select = (workspace: Locator, label: string) =>
  workspace.getByRole('combobox', { name: label, exact: true });
const check = (workspace: Locator, label: string) =>
  workspace.getByRole('checkbox', { name: label, exact: true }).check();

/** The question of each type but the first (written by keyboard in the test itself). */
const BY_MOUSE: Record<Exclude<QuestionType, 'single'>, Authored> = {
  multiple: {
    prompt: 'Which of these does the article say?',
    explanation: 'Both are stated; the vote was not unanimous.',
    evidence: [S.flood, S.count],
    fill: async (workspace) => {
      await text(workspace, 'Option 1 text').fill('The river flooded in March.');
      await check(workspace, 'Option 1 is right');
      await text(workspace, 'Option 2 text').fill('Everyone voted for the bridge.');
      await text(workspace, 'Feedback for option 2').fill('Two people voted against it.');
      await text(workspace, 'Option 3 text').fill('The vote was 7 to 2.');
      await check(workspace, 'Option 3 is right');
    },
  },
  judgement: {
    prompt: 'True, false, or not given?',
    explanation: 'The article never says what the work will cost.',
    evidence: [S.work],
    fill: async (workspace) => {
      await text(workspace, 'Statement to judge').fill('The bridge will cost a million dollars.');
      await select(workspace, 'Right judgement').selectOption({ label: 'Not given' });
      await text(workspace, 'Feedback for “True”').fill('The article gives no cost.');
      await text(workspace, 'Feedback for “False”').fill(
        'The article gives no cost, so it cannot contradict this either.',
      );
    },
  },
  numeric: {
    prompt: 'For how many days was the bridge closed, according to the council?',
    explanation: 'The council said 30 days.',
    evidence: [S.closed],
    fill: async (workspace) => {
      await text(workspace, 'Right number').fill('30');
      await text(workspace, 'Unit').fill('days');
    },
  },
  short: {
    prompt: 'Who is the mayor?',
    explanation: 'The mayor is Jo Hale.',
    evidence: [S.work],
    fill: async (workspace) => {
      await text(workspace, 'Accepted answer 1').fill('Jo Hale');
      await workspace.getByRole('button', { name: 'Add answer' }).click();
      await text(workspace, 'Accepted answer 2').fill('Hale');
    },
  },
  match: {
    prompt: 'Match each event with when it happened.',
    explanation: 'The flood was in March, the vote on Monday, and the work starts in May.',
    evidence: [S.flood, S.work, S.vote],
    fill: async (workspace) => {
      // No pair may sit at the same place on both sides (a rule of the format), so the
      // partners come in another order than their items.
      const items = ['The river flooded', 'The work starts', 'The town voted'];
      const partners = ['May', 'Monday', 'March'];
      for (const [index, item] of items.entries()) {
        await text(workspace, `Item ${index + 1} text`).fill(item);
        await text(workspace, `Partner ${index + 1} text`).fill(partners[index] ?? '');
      }
      for (const [index, partner] of ['March', 'May', 'Monday'].entries()) {
        await select(workspace, `Item ${index + 1} pairs with`).selectOption({ label: partner });
      }
    },
  },
  order: {
    prompt: 'Put these in the order they happen.',
    explanation: 'The flood closed the bridge, the town voted, and the work starts in May.',
    evidence: [S.flood, S.vote, S.work],
    fill: async (workspace) => {
      const items = ['The river floods.', 'The town votes.', 'The work starts.'];
      for (const [index, item] of items.entries()) {
        await text(workspace, `Item ${index + 1} text`).fill(item);
      }
    },
  },
  evidence: {
    prompt: 'Select the sentence that shows why the bridge was closed.',
    explanation: 'Ms Hale said it was closed for safety reasons.',
    evidence: [S.safety],
    fill: async (workspace) => {
      await text(workspace, 'Claim to back up').fill('The bridge was closed to keep people safe.');
    },
  },
  'two-part': {
    prompt: 'Answer Part A, then show your evidence.',
    explanation: 'She said the town had waited long enough.',
    evidence: [S.waited],
    fill: async (workspace) => {
      await text(workspace, 'Part A prompt').fill('Did the mayor want to wait longer?');
      await text(workspace, 'Option 1 text').fill('No');
      await check(workspace, 'Option 1 is right');
      await text(workspace, 'Option 2 text').fill('Yes');
      await text(workspace, 'Feedback for option 2').fill('She said they had waited long enough.');
      await text(workspace, 'Part B prompt').fill('Select the sentence that proves it.');
    },
  },
  cloze: {
    prompt: 'Fill in the gap with the article’s word.',
    explanation: 'The first sentence names the town.',
    evidence: [S.vote],
    fill: async (workspace) => {
      await text(workspace, 'Text with gaps').fill(
        'The town of {{gap-1}} voted on Monday to rebuild its old bridge.',
      );
      await text(workspace, 'Accepted answer 1').fill('Millbrook');
    },
  },
};

function sentencesOf(workspace: Locator): Locator {
  return workspace.getByRole('listbox', { name: /^Sentences of/ });
}

/** Adds a question of `type` with the mouse and fills it, its evidence chosen by clicking. */
async function writeQuestion(page: Page, number: number, type: QuestionType, question: Authored) {
  await page.getByRole('combobox', { name: 'Kind of question to add' }).selectOption(type);
  await page.getByRole('button', { name: 'Add question' }).click();
  const workspace = page.getByRole('region', { name: `Editing question ${number}` });
  // The editor checks a moment after each change; the empty question's problems come first, so
  // the "no problems" awaited below is its verdict on the question as written.
  await questionStatus(page, number, /has \d+ problems?\.$/).waitFor();
  await text(workspace, 'Prompt').fill(question.prompt);
  await question.fill?.(workspace);
  await text(workspace, 'Explanation').fill(question.explanation);
  for (const sentence of question.evidence) {
    await sentencesOf(workspace).getByRole('option', { name: sentence, exact: true }).click();
  }
  await questionStatus(page, number, /has no problems\.$/).waitFor();
}

/** The editor's announcement of the chosen question's problems, when it matches `state`. */
function questionStatus(page: Page, number: number, state: RegExp): Locator {
  return page
    .getByRole('status')
    .filter({ hasText: new RegExp(`^Question ${number} ${state.source}`) });
}

/** The teacher's draft of `path`, read with the session cookie the page has. */
function fetchDraftText(page: Page, path: string): Promise<string> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return ((await response.json()) as { text: string }).text;
  }, path);
}

async function takeQuiz(
  page: Page,
  baseUrl: string,
  code: string,
  name: string,
  right: boolean,
  questions: Map<string, ResolvedQuestion>,
  article: Article,
): Promise<void> {
  await page.goto(`${baseUrl}/join/${code}`);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  const count = questions.size;
  await page.getByRole('heading', { name: `Question 1 of ${count}` }).waitFor();
  const attempt = await fetchAttempt(page);
  for (const [index, shown] of attempt.questions.entries()) {
    const question = questions.get(shown.id);
    if (!question) throw new Error(`The attempt has a question the bank does not: ${shown.id}`);
    await page.getByRole('heading', { name: `Question ${index + 1} of ${count}` }).waitFor();
    const response = right ? correctResponseOf(question) : wrongResponseOf(question, shown);
    if (response) {
      await answerQuestion(page, shown, response, article);
      await waitForSaved(page);
    }
    await page
      .getByRole('button', { name: index === count - 1 ? 'Check and submit' : 'Next →' })
      .click();
  }
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
}

describe.skipIf(skipBrowserTests)('the whole authoring journey (issue 13)', () => {
  // The teacher's content and results are this file's own.
  const session = useBrowserSession({ ownServer: true });

  it('a teacher brings two articles, writes one question of every type, previews, publishes, assigns, reads the results and exports', async () => {
    const { page } = await session.newPage();
    const { baseUrl } = session;

    const authored = await signUpTeacher(page, baseUrl);
    await authored.getByText(/You have not written any yet/).waitFor();

    // A second article, pasted: its lines become paragraphs.
    await authored.getByRole('link', { name: 'New article' }).click();
    await page.getByRole('heading', { name: 'New article' }).waitFor();
    await fillArticleFields(page, 'A walk along the river', 'Our class walks by the river.');
    const body = page.getByRole('textbox', { name: 'The text', exact: true });
    await pasteInto(body, PASTED.join('\n'));
    await expect.poll(() => body.inputValue()).toBe(PASTED.join('\n\n'));
    await expectAccessible(page, 'the new-article page with a pasted text');
    await page.getByRole('button', { name: 'Create the article' }).click();
    await page.getByRole('heading', { level: 1, name: 'A walk along the river' }).waitFor();
    await expectAccessible(page, 'the editor of the pasted article');

    // The article the quiz is on, uploaded as a .docx.
    await page.goto(`${baseUrl}/teacher/articles/new`);
    await page.getByRole('heading', { name: 'New article' }).waitFor();
    await fillArticleFields(page, TITLE, 'The town agrees to rebuild the bridge the flood closed.');
    await page.getByLabel('Upload a file').setInputFiles({
      name: 'millbrook.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: articleDocx(),
    });
    await page
      .getByText('The text of millbrook.docx is in the box below.', { exact: false })
      .waitFor();
    expect(await body.inputValue()).toBe(
      [...PARAGRAPHS.slice(0, 2), '## The flood', ...PARAGRAPHS.slice(2)].join('\n\n'),
    );
    await expectAccessible(page, 'the new-article page with an uploaded text');
    await page.getByRole('button', { name: 'Create the article' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const articlePath = new URL(page.url()).pathname;
    const articleId = articlePath.split('/').at(-1) ?? '';

    // The splitter cut inside the quoted question: merge the two halves back into one sentence.
    await page.getByRole('button', { name: 'Merge sentences 1 and 2 of paragraph 5' }).click();
    await page
      .getByRole('region', { name: 'Sentences' })
      .getByText(S.treasurer, { exact: true })
      .waitFor();
    await waitForSaved(page);
    await expectAccessible(page, 'the editor of the uploaded article');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('region', { name: 'Published as version 1' }).waitFor();

    // The quiz.
    await page.getByRole('textbox', { name: 'Title of a new quiz' }).fill('The bridge vote');
    await page.getByRole('button', { name: 'Write a quiz on this article' }).click();
    await page.getByRole('heading', { level: 1, name: 'The bridge vote' }).waitFor();
    const bankId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('One question of each type about the bridge vote.');
    await expectAccessible(page, 'the bank editor with no question');

    // Question 1 by keyboard alone, with a live problem seen and fixed on the way.
    await tabTo(page, page.getByRole('button', { name: 'Add question' }));
    await page.keyboard.press('Enter');
    const first = page.getByRole('region', { name: 'Editing question 1' });
    for (const [label, typed] of [
      ['Prompt', 'When did the town vote?'],
      ['Option 1 text', 'In March'],
      ['Option 2 text', 'On Monday'],
    ] as const) {
      await tabTo(page, text(first, label));
      await page.keyboard.type(typed);
    }
    await tabTo(page, first.getByRole('checkbox', { name: 'Option 2 is right', exact: true }));
    await page.keyboard.press('Space');
    await tabTo(page, text(first, 'Explanation'));
    await page.keyboard.type('The article says the town voted on Monday.');
    // The first sentence is the listbox's first option: Space chooses it.
    await tabTo(page, sentencesOf(first));
    await page.keyboard.press('Space');
    const missingFeedback = first.getByText(/"a" is wrong but has no feedback/);
    await missingFeedback.waitFor();
    await expectAccessible(page, 'the bank editor showing a problem');
    await tabTo(page, text(first, 'Feedback for option 1'));
    await page.keyboard.type('March is when the river flooded.');
    await missingFeedback.waitFor({ state: 'detached' });
    expect(
      await sentencesOf(first)
        .getByRole('option', { name: S.vote, exact: true })
        .getAttribute('aria-selected'),
    ).toBe('true');

    // Every other type, by mouse, the evidence chosen by clicking sentences.
    for (const [index, type] of QUESTION_TYPES.filter((type) => type !== 'single').entries()) {
      await writeQuestion(page, index + 2, type, BY_MOUSE[type as Exclude<QuestionType, 'single'>]);
    }
    await expectAccessible(page, 'the bank editor with a question of every type');

    // Preview the draft in the real quiz player (answering and its review: authoring-preview.e2e.ts).
    await page
      .getByRole('region', { name: 'Preview' })
      .getByRole('button', { name: 'Preview quiz' })
      .click();
    await page.getByText('Preview — not graded.').waitFor();
    await page.getByRole('heading', { name: `Question 1 of ${QUESTION_TYPES.length}` }).waitFor();
    await page.getByRole('link', { name: 'Back to the quiz editor' }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const published = page.getByRole('region', { name: 'Published as version 1' });
    await published.waitFor();

    // Assign it.
    await published.getByRole('link', { name: 'Assign it to a class' }).click();
    await page.getByRole('heading', { name: 'New assignment' }).waitFor();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Year 8: the bridge');
    await expectAccessible(page, 'the new-assignment page with the quiz chosen');
    await page.getByRole('button', { name: 'Create assignment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Year 8: the bridge' }).waitFor();
    const joinLink = page
      .getByRole('region', { name: 'How students join' })
      .getByRole('link', { name: /\/join\/[A-Z0-9]{6}$/ });
    const code = (await joinLink.getAttribute('href'))?.split('/').at(-1) ?? '';

    // The key the students are scored against, read from the bank as the server stores it.
    const articleFile = readArticle(
      `${articleId}/article.md`,
      await fetchDraftText(page, `/api/teacher/articles/${articleId}`),
      articleId,
    );
    const bankFile = readBank(
      `${articleId}/${bankId}.yaml`,
      await fetchDraftText(page, `/api/teacher/banks/${bankId}`),
      { folderId: articleId, article: articleFile.article, articleIds: new Set([articleId]) },
    );
    expect(bankFile.problems).toEqual([]);
    const questions = new Map(
      (bankFile.resolved?.questions ?? []).map((question) => [question.id, question]),
    );
    expect(questions.size).toBe(QUESTION_TYPES.length);

    for (const [name, right] of [
      ['Ann Lee', true],
      ['Bo Chen', false],
    ] as const) {
      const { page: student } = await session.newPage();
      await takeQuiz(student, baseUrl, code, name, right, questions, articleFile.article);
    }

    // The gradebook and the statistics show both.
    for (const name of ['Ann Lee', 'Bo Chen']) {
      await page
        .getByRole('row', { name: new RegExp(`^${name}`) })
        .filter({ hasText: 'Submitted' })
        .waitFor({ timeout: 20_000 });
    }
    // Ann answered every question right; Bo's answers score nothing.
    for (const [name, percent] of [
      ['Ann Lee', '100%'],
      ['Bo Chen', '0%'],
    ]) {
      await page
        .getByRole('row', { name: new RegExp(`^${name}`) })
        .getByRole('cell', { name: percent, exact: true })
        .waitFor();
    }
    await expectAccessible(page, 'the gradebook');
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page
      .getByRole('figure', { name: 'Score distribution: attempts by percent (2 attempts)' })
      .waitFor();
    await expect(page.getByRole('article', { name: /^Question \d+$/ }).count()).resolves.toBe(
      QUESTION_TYPES.length,
    );
    await expectAccessible(page, 'the statistics');

    // The export, dropped into a copy of questions/, passes check:content's checks.
    await page.goto(`${baseUrl}${articlePath}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the article and its quizzes (zip)' }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(await readFile(await download.path())));
    expect(Object.keys(zip).sort()).toEqual(
      [`${articleId}/article.md`, `${articleId}/${bankId}.yaml`].sort(),
    );
    const questionsDir = await mkdtemp(join(tmpdir(), 'readproof-export-'));
    try {
      await cp(join(repoRoot, 'questions'), questionsDir, { recursive: true });
      for (const [file, bytes] of Object.entries(zip)) {
        await mkdir(dirname(join(questionsDir, file)), { recursive: true });
        await writeFile(join(questionsDir, file), bytes);
      }
      const content = await loadContent(questionsDir);
      expect(content.problems).toEqual([]);
      expect(await checkSchemaFile(questionsDir)).toBeUndefined();
      expect(content.banks.get(bankId)?.bank.questions.map((question) => question.type)).toEqual([
        ...QUESTION_TYPES,
      ]);
    } finally {
      await rm(questionsDir, { recursive: true, force: true });
    }
    expect(session.pageErrors()).toEqual([]);
  });
});
