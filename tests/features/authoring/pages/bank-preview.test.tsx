import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newQuestion, writeDraftBank } from '../../../../src/features/authoring/draft-bank';
import { listAttemptRecords, readAttemptRecord } from '../../../../src/lib/attempt-records';
import type { BankDraft } from '../../../../src/lib/authoring-api-client';
import { sampleArticle, sampleQuestions } from '../../fixtures/sample-quiz';
import { apiError, installFakeServer } from '../../teacher/fake-server';
import { PAGE_LOAD, renderAt, TEACHER } from '../../teacher/teacher-fixtures';
import { ARTICLE_ID, articleDraft, articleText } from './authoring-page-fixtures';

const BANK_ID = 'bridge-quiz-k2m9x1';
const bankPath = `/api/teacher/banks/${BANK_ID}`;
const PREVIEW_ID = 'preview-1';
const question = newQuestion('single', []);

function bankDraft(changes: Partial<BankDraft> = {}): BankDraft {
  return {
    id: BANK_ID,
    articleId: ARTICLE_ID,
    revision: 1,
    text: writeDraftBank({
      id: BANK_ID,
      article: ARTICLE_ID,
      title: 'The bridge vote',
      description: '',
      questions: [question],
    }),
    problems: [],
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    versions: [],
    ...changes,
  };
}

/** The preview attempt the server starts, as the quiz player reads it. */
const previewAttempt = {
  attemptId: PREVIEW_ID,
  bankId: BANK_ID,
  bankTitle: 'The bridge vote',
  articleId: ARTICLE_ID,
  questions: sampleQuestions,
  responses: {},
  savedAt: {},
  highlights: [],
  highlightsSavedAt: {},
  status: 'in-progress',
  startedAt: '2026-03-02T09:00:00.000Z',
  deadline: null,
  submittedAt: null,
  studentName: null,
  assignment: null,
  preview: true,
};

function installPreviewServer(draft = bankDraft()) {
  return installFakeServer({
    'GET /api/teacher/me': () => TEACHER,
    [`GET ${bankPath}/article`]: () => ({
      article: articleDraft(articleText()).article,
      version: 1,
      unpublishedChanges: false,
    }),
    [`GET ${bankPath}`]: () => draft,
    [`POST ${bankPath}/preview`]: () => ({
      ...previewAttempt,
      token: 'preview-token',
      previewOf: { source: 'draft', version: null, draftProblems: 0 },
    }),
    [`GET /api/attempts/${PREVIEW_ID}`]: () => previewAttempt,
    [`GET /api/attempts/${PREVIEW_ID}/article`]: () => sampleArticle,
  });
}

async function openEditor() {
  renderAt(`/teacher/banks/${BANK_ID}`);
  await screen.findByRole('heading', { level: 1, name: 'The bridge vote' }, PAGE_LOAD);
  return screen.getByRole('region', { name: 'Preview' });
}

describe('previewing from the bank editor', () => {
  it('opens the whole quiz in the quiz player as a preview, kept on this device but listed nowhere', async () => {
    const user = userEvent.setup();
    const server = installPreviewServer();
    const section = await openEditor();
    expect(section).toHaveTextContent('It shows the draft as saved.');

    await user.click(within(section).getByRole('button', { name: 'Preview quiz' }));
    await screen.findByRole('heading', { name: /question 1 of 9/i }, PAGE_LOAD);
    expect(server.requestsTo(`POST ${bankPath}/preview`).map((request) => request.body)).toEqual([
      {},
    ]);
    const banner = screen.getByRole('region', { name: 'Preview' });
    expect(banner).toHaveTextContent('Preview — not graded.');
    expect(within(banner).getByRole('link', { name: 'Back to the quiz editor' })).toHaveAttribute(
      'href',
      `/teacher/banks/${BANK_ID}`,
    );
    expect(readAttemptRecord(PREVIEW_ID)).toMatchObject({ token: 'preview-token', preview: true });
    expect(listAttemptRecords()).toEqual([]);
  }, 20_000);

  it('previews the question being edited on its own', async () => {
    const user = userEvent.setup();
    const server = installPreviewServer();
    await openEditor();
    const workspace = screen.getByRole('region', { name: 'Editing question 1' });
    await user.click(within(workspace).getByRole('button', { name: 'Preview this question' }));
    await screen.findByRole('region', { name: 'Preview' }, PAGE_LOAD);
    await waitFor(() =>
      expect(server.requestsTo(`POST ${bankPath}/preview`).map((request) => request.body)).toEqual([
        { questionId: question.id },
      ]),
    );
  });

  it('says which version a draft with problems previews, and lists what to fix when there is none', async () => {
    const user = userEvent.setup();
    const problem = {
      file: `${ARTICLE_ID}/${BANK_ID}.yaml`,
      line: 9,
      column: 5,
      message: 'Give the question a prompt.',
    };
    const server = installPreviewServer(bankDraft({ problems: [problem] }));
    server.on(`POST ${bankPath}/preview`, () =>
      apiError(422, 'bank-has-problems', 'Fix the quiz before previewing it:', {
        problems: [problem],
      }),
    );
    const section = await openEditor();
    expect(section).toHaveTextContent(
      'The saved draft has 1 problem to fix before it can be previewed.',
    );

    await user.click(within(section).getByRole('button', { name: 'Preview quiz' }));
    const refusal = await screen.findByRole('region', {
      name: 'Fix the quiz before previewing it:',
    });
    expect(refusal).toHaveFocus();
    expect(within(refusal).getByRole('listitem')).toHaveTextContent(
      'Line 9: Give the question a prompt.',
    );
  });

  it('names the published version it falls back to', async () => {
    installPreviewServer(
      bankDraft({
        problems: [{ file: 'x.yaml', line: 3, column: 1, message: 'Give the quiz a title.' }],
        versions: [{ version: 2, publishedAt: '2026-03-01T09:00:00.000Z' }],
      }),
    );
    const section = await openEditor();
    expect(section).toHaveTextContent(
      'The saved draft has 1 problem, so the preview shows published version 2. Fix them to preview the draft.',
    );
  });
});
