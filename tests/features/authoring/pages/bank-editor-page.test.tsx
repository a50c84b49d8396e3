import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newQuestion, writeDraftBank } from '../../../../src/features/authoring/draft-bank';
import type { BankArticle, BankDraft } from '../../../../src/lib/authoring-api-client';
import { apiError, installFakeServer, type FakeRequest } from '../../teacher/fake-server';
import { PAGE_LOAD, renderAt, TEACHER } from '../../teacher/teacher-fixtures';
import { ARTICLE_BODY, ARTICLE_ID, articleDraft, articleText } from './authoring-page-fixtures';

const BANK_ID = 'bridge-quiz-k2m9x1';
const bankPath = `/api/teacher/banks/${BANK_ID}`;
const SAVE = { timeout: 4000 };

function bankDraft(text: string, revision = 1): BankDraft {
  return {
    id: BANK_ID,
    articleId: ARTICLE_ID,
    revision,
    text,
    problems: [],
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    versions: [],
  };
}

/** The article as the server checks the bank against it. */
function bankArticle(text: string, changes: Partial<BankArticle> = {}): BankArticle {
  return { article: articleDraft(text).article, version: 1, unpublishedChanges: false, ...changes };
}

function installBankServer({
  questions = [],
  article = bankArticle(articleText()),
}: { questions?: ReturnType<typeof newQuestion>[]; article?: BankArticle } = {}) {
  let current = bankDraft(
    writeDraftBank({
      id: BANK_ID,
      article: ARTICLE_ID,
      title: 'The bridge vote',
      description: '',
      questions,
    }),
  );
  return installFakeServer({
    'GET /api/teacher/me': () => TEACHER,
    [`GET ${bankPath}/article`]: () => article,
    [`GET ${bankPath}`]: () => current,
    [`PUT ${bankPath}`]: ({ body }: FakeRequest) => {
      current = bankDraft((body as { text: string }).text, current.revision + 1);
      return current;
    },
  });
}

describe('the bank editor page', () => {
  it('saves the bank as YAML as the teacher edits, refuses to publish with problems, then publishes and links to assigning it', async () => {
    const user = userEvent.setup();
    const server = installBankServer();
    renderAt(`/teacher/banks/${BANK_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'The bridge vote' }, PAGE_LOAD);
    expect(
      screen.getByRole('link', { name: 'Town votes to repair the harbour bridge' }),
    ).toHaveAttribute('href', `/teacher/articles/${ARTICLE_ID}`);

    const title = screen.getByRole('textbox', { name: 'Bank title' });
    await user.clear(title);
    await user.type(title, 'Who voted');
    await waitFor(
      () => expect(server.requestsTo(`PUT ${bankPath}`).length).toBeGreaterThan(0),
      SAVE,
    );
    await waitFor(() => expect(screen.getByText('Saved')).toBeInTheDocument(), SAVE);
    const sent = server.requestsTo(`PUT ${bankPath}`).at(-1)?.body as { text: string };
    expect(sent.text).toContain('title: Who voted');

    server.on(`POST ${bankPath}/publish`, () =>
      apiError(422, 'bank-has-problems', 'Fix the bank before publishing it:', {
        problems: [
          {
            file: `${ARTICLE_ID}/${BANK_ID}.yaml`,
            line: 6,
            column: 12,
            message: 'Write at least one question.',
          },
        ],
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const refused = await screen.findByRole('region', { name: 'Not published: 1 problem to fix' });
    await waitFor(() => expect(refused).toHaveFocus());
    expect(refused).toHaveTextContent('Line 6: Write at least one question.');
    expect(screen.queryByRole('link', { name: 'Assign this quiz' })).not.toBeInTheDocument();

    server.on(`POST ${bankPath}/publish`, () => ({
      version: 1,
      publishedAt: '2026-03-02T09:00:00.000Z',
      contentVersion: 'abc',
    }));
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const published = await screen.findByRole('region', { name: 'Published as version 1' });
    expect(within(published).getByRole('link', { name: 'Assign it to a class' })).toHaveAttribute(
      'href',
      `/teacher/assignments/new?bank=${BANK_ID}`,
    );
  });

  it('chooses evidence on the article version the server checks, and says when the article has unpublished changes', async () => {
    const user = userEvent.setup();
    const draftOnly = 'The bridge opens again in June.';
    const server = installBankServer({
      questions: [newQuestion('single', [])],
      article: bankArticle(articleText(), { version: 2, unpublishedChanges: true }),
    });
    // The article's draft, which the page must not offer: the server checks version 2.
    server.on(`GET /api/teacher/articles/${ARTICLE_ID}`, () =>
      articleDraft(articleText({ body: `${ARTICLE_BODY}\n\n${draftOnly}` })),
    );
    renderAt(`/teacher/banks/${BANK_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'The bridge vote' }, PAGE_LOAD);
    expect(
      screen.getByText(
        /The article has changes that are not published\. Questions are written on its published version 2/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Publish the article to write questions on its new text.' }),
    ).toHaveAttribute('href', `/teacher/articles/${ARTICLE_ID}`);

    const sentences = screen.getByRole('listbox', { name: /sentences of/i });
    expect(within(sentences).queryByRole('option', { name: draftOnly })).not.toBeInTheDocument();
    await user.click(within(sentences).getByRole('option', { name: 'Work starts in May.' }));
    expect(within(sentences).getByRole('option', { name: 'Work starts in May.' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('says nothing of unpublished changes when the article has none', async () => {
    installBankServer();
    renderAt(`/teacher/banks/${BANK_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'The bridge vote' }, PAGE_LOAD);
    expect(screen.queryByText(/changes that are not published/)).not.toBeInTheDocument();
  });
});
