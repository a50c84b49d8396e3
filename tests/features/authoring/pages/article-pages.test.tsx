import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, installFakeServer, type FakeRequest } from '../../teacher/fake-server';
import { PAGE_LOAD, renderAt, TEACHER } from '../../teacher/teacher-fixtures';
import { ARTICLE_ID, articleDraft, articleText } from './authoring-page-fixtures';

const SAVE = { timeout: 4000 };
const articlePath = `/api/teacher/articles/${ARTICLE_ID}`;

/** A server that keeps the draft: each save raises the revision, as the real one does. */
function installArticleServer(text = articleText()) {
  let current = articleDraft(text);
  const server = installFakeServer({
    'GET /api/teacher/me': () => TEACHER,
    'GET /api/teacher/banks': () => [],
    [`GET ${articlePath}`]: () => current,
    [`PUT ${articlePath}`]: ({ body }: FakeRequest) => {
      const { text: saved } = body as { revision: number; text: string };
      current = articleDraft(saved, { revision: current.revision + 1 });
      return current;
    },
  });
  return { server, current: () => current };
}

async function openEditor() {
  renderAt(`/teacher/articles/${ARTICLE_ID}`);
  return screen.findByRole(
    'heading',
    { level: 1, name: 'Town votes to repair the harbour bridge' },
    PAGE_LOAD,
  );
}

describe('the new-article page', () => {
  it('reduces pasted rich text to paragraphs and headings, creates the draft and opens it', async () => {
    const user = userEvent.setup();
    const { server } = installArticleServer();
    server.on('POST /api/teacher/articles', () => articleDraft(articleText()));
    renderAt('/teacher/articles/new');
    await screen.findByRole('heading', { name: 'New article' }, PAGE_LOAD);

    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Town votes');
    await user.type(
      screen.getByRole('textbox', { name: 'Sources named in the text' }),
      'The council{Enter}The treasurer',
    );
    await user.type(screen.getByRole('textbox', { name: 'Licence or permission' }), 'CC BY 4.0');
    const body = screen.getByRole('textbox', { name: 'The text' });
    fireEvent.paste(body, {
      clipboardData: {
        getData: (type: string) =>
          type === 'text/html'
            ? '<h1>The vote</h1><p>The council <b>voted</b>.</p><script>alert(1)</script><p>Work starts in May.</p>'
            : 'The vote\nThe council voted.\nWork starts in May.',
      },
    });
    expect(body).toHaveValue('## The vote\n\nThe council voted.\n\nWork starts in May.');
    await user.click(screen.getByRole('button', { name: 'Create the article' }));

    await openEditorHeading();
    const [created] = server.requestsTo('POST /api/teacher/articles');
    expect(created?.body).toEqual({
      fields: {
        title: 'Town votes',
        summary: '',
        sources: ['The council', 'The treasurer'],
        genre: '',
        note: '',
        language: 'en',
        origin: { licence: 'CC BY 4.0' },
      },
      body: '## The vote\n\nThe council voted.\n\nWork starts in May.',
    });
  });

  it('asks for the text before sending anything', async () => {
    const user = userEvent.setup();
    const { server } = installArticleServer();
    renderAt('/teacher/articles/new');
    await user.click(await screen.findByRole('button', { name: 'Create the article' }, PAGE_LOAD));
    const body = screen.getByRole('textbox', { name: 'The text' });
    expect(body).toHaveFocus();
    expect(body).toHaveAccessibleDescription(/Paste the text of the article/);
    expect(server.requestsTo('POST /api/teacher/articles')).toEqual([]);
  });

  it('shows why an upload was refused, naming the file', async () => {
    const user = userEvent.setup();
    installArticleServer();
    // The fake server reads JSON bodies only; the upload is multipart, so it is answered here.
    const fakeFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      new Request(input, init).url.endsWith('/api/teacher/articles/upload')
        ? Promise.resolve(
            apiError(
              422,
              'unreadable-upload',
              'notes.docx is not a .docx file: save it again as one.',
            ),
          )
        : fakeFetch(input, init),
    );
    renderAt('/teacher/articles/new');
    await user.upload(
      await screen.findByLabelText('Upload a file', {}, PAGE_LOAD),
      new File(['not a zip'], 'notes.docx'),
    );
    expect(
      await screen.findByText('notes.docx is not a .docx file: save it again as one.'),
    ).toHaveAttribute('role', 'alert');
  });
});

async function openEditorHeading() {
  return screen.findByRole(
    'heading',
    { level: 1, name: 'Town votes to repair the harbour bridge' },
    PAGE_LOAD,
  );
}

describe('the article editor', () => {
  beforeEach(() => {
    localStorage.clear();
  });

  it('saves as the teacher types, and on a 409 offers the draft saved elsewhere', async () => {
    const user = userEvent.setup();
    const { server } = installArticleServer();
    await openEditor();
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.type(title, ' again');

    await waitFor(() => expect(server.requestsTo(`PUT ${articlePath}`)).toHaveLength(1), SAVE);
    const [first] = server.requestsTo(`PUT ${articlePath}`);
    expect(first?.body).toMatchObject({ revision: 1 });
    expect((first?.body as { text: string }).text).toContain(
      'title: Town votes to repair the harbour bridge again',
    );
    await waitFor(() => expect(screen.getByText('Saved')).toBeInTheDocument(), SAVE);

    const elsewhere = articleDraft(articleText({ title: 'Changed in another tab' }), {
      revision: 7,
    });
    server.on(`PUT ${articlePath}`, () =>
      apiError(409, 'stale-revision', 'This article was saved elsewhere.', {
        current: elsewhere,
      }),
    );
    await user.type(title, '!');
    expect(
      await screen.findByText(/Not saved: this draft was changed elsewhere/, {}, SAVE),
    ).toBeInTheDocument();
    const typed = localStorage.getItem(`readproof:article-draft:${ARTICLE_ID}`) ?? '';
    expect(typed).toContain('harbour bridge again!');

    await user.click(screen.getByRole('button', { name: 'Load the current draft' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Changed in another tab');
    expect(screen.getByText('Saved')).toBeInTheDocument();
    // The text typed here is offered back, not lost.
    expect(screen.getByRole('button', { name: 'Restore the unsaved text' })).toBeInTheDocument();
  });

  it('keeps a text it could not save on the device and offers it back on the next visit', async () => {
    const user = userEvent.setup();
    const { server } = installArticleServer();
    server.on(`PUT ${articlePath}`, () =>
      apiError(401, 'not-signed-in', 'Log in to see your teacher pages.'),
    );
    const firstVisit = renderAt(`/teacher/articles/${ARTICLE_ID}`);
    await openEditorHeading();
    await user.type(screen.getByRole('textbox', { name: 'Genre' }), ' (local)');
    expect(await screen.findByText(/Not saved: you are logged out/, {}, SAVE)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in again' })).toHaveAttribute(
      'href',
      `/teacher/login?next=%2Fteacher%2Farticles%2F${ARTICLE_ID}`,
    );

    firstVisit.unmount();
    await openEditor();
    expect(screen.getByRole('textbox', { name: 'Genre' })).toHaveValue('news report');
    await user.click(screen.getByRole('button', { name: 'Restore the unsaved text' }));
    expect(screen.getByRole('textbox', { name: 'Genre' })).toHaveValue('news report (local)');
  });

  it('merges two sentences the splitter cut wrongly, saving the correction with the draft', async () => {
    const user = userEvent.setup();
    const { server } = installArticleServer();
    await openEditor();
    const sentences = screen.getByRole('region', { name: 'Sentences' });
    const paragraph2 = within(sentences).getByRole('listitem', { name: 'Paragraph 2' });
    expect(within(paragraph2).getByText('The treasurer wrote "Why?')).toBeVisible();

    await user.click(
      within(sentences).getByRole('button', { name: 'Merge sentences 1 and 2 of paragraph 2' }),
    );
    expect(paragraph2).toHaveFocus();
    await waitFor(() => expect(server.requestsTo(`PUT ${articlePath}`)).toHaveLength(1), SAVE);
    const saved = (server.requestsTo(`PUT ${articlePath}`)[0]?.body as { text: string }).text;
    expect(saved).toContain(
      [
        'sentenceCorrections:',
        '  - paragraph: p2',
        '    action: merge',
        `    before: '"Why?'`,
        '    after: Because."',
      ].join('\n'),
    );
    expect(
      await within(sentences).findByText('The treasurer wrote "Why? Because." and left.', {}, SAVE),
    ).toBeVisible();
    expect(within(sentences).getByText(/Merged at “"Why\? \| Because\."”/)).toBeVisible();
  });

  it('splits a sentence at a word chosen by keyboard', async () => {
    const user = userEvent.setup();
    const { server } = installArticleServer();
    await openEditor();
    const sentences = screen.getByRole('region', { name: 'Sentences' });
    await user.click(
      within(sentences).getByRole('button', { name: 'Split sentence 1 of paragraph 1' }),
    );
    const choice = within(sentences).getByRole('combobox', {
      name: 'Start a new sentence between',
    });
    expect(choice).toHaveFocus();
    await user.selectOptions(choice, 'a.m. | Nobody');
    await user.click(within(sentences).getByRole('button', { name: 'Split here' }));
    await waitFor(() => expect(server.requestsTo(`PUT ${articlePath}`)).toHaveLength(1), SAVE);
    expect(await within(sentences).findByText('Nobody came to watch.', {}, SAVE)).toBeVisible();
    expect(within(sentences).getByText('The council voted at 3 a.m.')).toBeVisible();
  });

  it('lists the problems of a refused publication, then publishes and names the questions to fix', async () => {
    const user = userEvent.setup();
    const { server } = installArticleServer();
    server.on(`POST ${articlePath}/publish`, () =>
      apiError(422, 'article-has-problems', 'Fix the article before publishing it:', {
        problems: [
          {
            file: `${ARTICLE_ID}/article.md`,
            line: 14,
            column: 1,
            message: 'Write the heading as "## " and its text.',
          },
        ],
      }),
    );
    await openEditor();
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const refused = await screen.findByRole('region', { name: 'Not published: 1 problem to fix' });
    await waitFor(() => expect(refused).toHaveFocus());
    expect(refused).toHaveTextContent('Text, line 3: Write the heading as "## " and its text.');

    server.on(`POST ${articlePath}/publish`, () => ({
      version: 2,
      publishedAt: '2026-03-02T09:00:00.000Z',
      banksToFix: [
        {
          bankId: 'bridge-quiz-x1',
          questions: [
            {
              questionId: 'cost',
              questionIndex: 1,
              quotes: [
                { quoteIndex: 0, message: 'No sentence of the article has this quote.', path: [] },
              ],
            },
          ],
        },
      ],
    }));
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const published = await screen.findByRole('region', { name: 'Published as version 2' });
    expect(screen.queryByRole('region', { name: /Not published/ })).not.toBeInTheDocument();
    expect(within(published).getByRole('link', { name: 'Quiz bridge-quiz-x1' })).toHaveAttribute(
      'href',
      '/teacher/banks/bridge-quiz-x1',
    );
    expect(published).toHaveTextContent(
      'Question 2, quote 1: No sentence of the article has this quote.',
    );
    expect(screen.getByRole('region', { name: 'Versions' })).toHaveTextContent('Version 2');
  });
});
