import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, installFakeServer } from '../../teacher/fake-server';
import { PAGE_LOAD, renderAt, TEACHER } from '../../teacher/teacher-fixtures';
import { ARTICLE_ID } from './authoring-page-fixtures';

const SHIPPED = { id: 'shipped-article', title: 'The visit', summary: 'A visit.' };

const IMPORTED = {
  bankId: 'week-3-x1y2z3',
  articleId: SHIPPED.id,
  title: 'Week 3',
  format: 'gift',
  questionCount: 2,
  report: [
    { kind: 'unsupported', name: 'Essay', line: 8, message: 'An essay is not scored.' },
    { kind: 'lossy', questionId: 'capital-x1y2z3', message: 'Its HTML became plain text.' },
  ],
};

function serve(routes: Parameters<typeof installFakeServer>[0] = {}) {
  return installFakeServer({
    'GET /api/teacher/me': () => TEACHER,
    'GET /api/articles': () => [SHIPPED],
    'GET /api/teacher/articles': () => [
      { id: ARTICLE_ID, title: 'The harbour bridge', revision: 1, updatedAt: '', latestVersion: 1 },
    ],
    ...routes,
  });
}

async function openImportPage() {
  renderAt('/teacher/import');
  await screen.findByRole('heading', { name: 'Import questions', level: 1 }, PAGE_LOAD);
  return screen.findByRole('combobox', { name: 'Article the questions are on' }, PAGE_LOAD);
}

const giftFile = () => new File(['::Q:: A? {T}'], 'week3.gift', { type: 'text/plain' });

describe('the import page', () => {
  it('imports a GIFT file onto the chosen article, shows the report and links to the draft', async () => {
    const user = userEvent.setup();
    const server = serve({ 'POST /api/teacher/banks/import-lms': () => IMPORTED });
    const articles = await openImportPage();
    expect(
      within(articles)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['The harbour bridge', 'The visit (shipped)']);
    await user.selectOptions(articles, SHIPPED.id);
    await user.upload(screen.getByLabelText('File'), giftFile());
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const result = await screen.findByRole('region', { name: 'Imported 2 questions' });
    await waitFor(() => expect(result).toHaveFocus());
    expect(result).toHaveTextContent('Essay (line 8): An essay is not scored.');
    expect(result).toHaveTextContent('capital-x1y2z3: Its HTML became plain text.');
    expect(within(result).getByRole('link', { name: 'Open the draft quiz' })).toHaveAttribute(
      'href',
      `/teacher/banks/${IMPORTED.bankId}`,
    );
    // (jsdom's File does not reach undici's form body, so the file itself is checked end to end.)
    const [sent] = server.requestsTo('POST /api/teacher/banks/import-lms');
    expect(sent?.body).toMatch(/name="articleId"\r\n\r\nshipped-article/);
  });

  it('asks for a file first, and says why the server refused one', async () => {
    const user = userEvent.setup();
    serve({
      'POST /api/teacher/banks/import-lms': () =>
        apiError(422, 'import-refused', 'week3.gift, line 2: An unterminated "{".'),
    });
    await openImportPage();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const file = screen.getByLabelText('File');
    expect(file).toHaveFocus();
    expect(file).toHaveAccessibleDescription(/Choose the file to import\./);

    await user.upload(file, giftFile());
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'week3.gift, line 2: An unterminated "{".',
    );
    expect(screen.queryByRole('link', { name: 'Open the draft quiz' })).not.toBeInTheDocument();
  });

  it("sends Readproof's own files to the repository import, with the article for a bank file", async () => {
    const user = userEvent.setup();
    const server = serve({
      'POST /api/teacher/articles/import': () => ({ articleIds: [], bankIds: ['walls-k9'] }),
    });
    const articles = await openImportPage();
    await user.click(screen.getByRole('radio', { name: /^Readproof files/ }));
    await user.selectOptions(articles, ARTICLE_ID);
    await user.upload(
      screen.getByLabelText('File'),
      new File(['id: walls-k9'], 'walls-k9.yaml', { type: 'application/yaml' }),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const result = await screen.findByRole('region', { name: 'Imported as drafts' });
    expect(within(result).getByRole('link', { name: 'walls-k9' })).toHaveAttribute(
      'href',
      '/teacher/banks/walls-k9',
    );
    expect(server.requestsTo('POST /api/teacher/articles/import')[0]?.query.get('articleId')).toBe(
      ARTICLE_ID,
    );
  });
});
