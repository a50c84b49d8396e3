import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { splitArticleText } from '../../../../src/features/authoring/pages/article-text';
import { installFakeServer, type FakeRequest } from '../../teacher/fake-server';
import { PAGE_LOAD, renderAt, TEACHER } from '../../teacher/teacher-fixtures';
import { ARTICLE_ID, articleDraft, articleText } from './authoring-page-fixtures';

const SAVE = { timeout: 4000 };
const articlePath = `/api/teacher/articles/${ARTICLE_ID}`;

const TWO_TERMS = [
  'glossary:',
  '  - term: treasurer',
  '    definition: The person who looks after an organisation’s money.',
  '  - term: council',
  '    definition: The people elected to run a town.',
].join('\n');

function installArticleServer(text = articleText()) {
  let current = articleDraft(text);
  return installFakeServer({
    'GET /api/teacher/me': () => TEACHER,
    'GET /api/teacher/banks': () => [],
    [`GET ${articlePath}`]: () => current,
    [`PUT ${articlePath}`]: ({ body }: FakeRequest) => {
      const { text: saved } = body as { revision: number; text: string };
      current = articleDraft(saved, { revision: current.revision + 1 });
      return current;
    },
  });
}

/** The front matter of the text the last save sent. */
function lastSavedFrontMatter(server: ReturnType<typeof installFakeServer>) {
  const saves = server.requestsTo(`PUT ${articlePath}`);
  const { text } = saves[saves.length - 1]?.body as { text: string };
  return parse(splitArticleText(text).frontMatter) as Record<string, unknown>;
}

async function openGlossary() {
  renderAt(`/teacher/articles/${ARTICLE_ID}`);
  await screen.findByRole(
    'heading',
    { level: 1, name: 'Town votes to repair the harbour bridge' },
    PAGE_LOAD,
  );
  return screen.getByRole('group', { name: 'Glossary' });
}

describe('the article editor’s glossary', () => {
  beforeEach(() => {
    localStorage.clear();
  });

  it('adds a term and its definition from the keyboard, saving them in the front matter', async () => {
    const user = userEvent.setup();
    const server = installArticleServer();
    const glossary = await openGlossary();
    const add = within(glossary).getByRole('button', { name: 'Add a term' });
    add.focus();
    await user.keyboard('{Enter}');

    const entry = within(glossary).getByRole('group', { name: 'Entry 1' });
    const term = within(entry).getByRole('textbox', { name: 'Term' });
    expect(term).toHaveFocus();
    await user.keyboard('treasurer');
    await user.tab();
    const definition = within(entry).getByRole('textbox', { name: 'Definition' });
    expect(definition).toHaveFocus();
    await user.keyboard('The person who looks after the money.');
    expect(definition).toHaveAccessibleDescription('37 of 300 characters');
    expect(within(entry).getByRole('button', { name: 'Remove treasurer' })).toBeInTheDocument();

    await waitFor(
      () =>
        expect(lastSavedFrontMatter(server).glossary).toEqual([
          { term: 'treasurer', definition: 'The person who looks after the money.' },
        ]),
      SAVE,
    );
    // The other fields are kept as they were.
    expect(lastSavedFrontMatter(server)).toMatchObject({ genre: 'news report', language: 'en' });
  });

  it('removes an entry, moving focus to the next one, and drops the field when none is left', async () => {
    const user = userEvent.setup();
    const server = installArticleServer(articleText({ extra: TWO_TERMS }));
    const glossary = await openGlossary();
    expect(within(glossary).getAllByRole('listitem')).toHaveLength(2);

    await user.click(within(glossary).getByRole('button', { name: 'Remove treasurer' }));
    const next = within(glossary).getByRole('group', { name: 'Entry 1' });
    expect(within(next).getByRole('textbox', { name: 'Term' })).toHaveValue('council');
    expect(within(next).getByRole('textbox', { name: 'Term' })).toHaveFocus();
    await waitFor(
      () =>
        expect(lastSavedFrontMatter(server).glossary).toEqual([
          { term: 'council', definition: 'The people elected to run a town.' },
        ]),
      SAVE,
    );

    await user.click(within(glossary).getByRole('button', { name: 'Remove council' }));
    expect(within(glossary).queryByRole('listitem')).not.toBeInTheDocument();
    expect(within(glossary).getByRole('button', { name: 'Add a term' })).toHaveFocus();
    await waitFor(() => expect(lastSavedFrontMatter(server)).not.toHaveProperty('glossary'), SAVE);
    expect(lastSavedFrontMatter(server)).toMatchObject({ title: expect.any(String) as string });
  });

  it('says beside an entry when its term is not in the text, and when it is given twice', async () => {
    const user = userEvent.setup();
    installArticleServer(articleText({ extra: TWO_TERMS }));
    const glossary = await openGlossary();
    const first = within(glossary).getByRole('group', { name: 'Entry 1' });
    const term = within(first).getByRole('textbox', { name: 'Term' });
    expect(term).not.toHaveAttribute('aria-invalid');

    await user.clear(term);
    await user.type(term, 'incursion');
    expect(term).toHaveAttribute('aria-invalid', 'true');
    expect(term).toHaveAccessibleDescription(
      expect.stringContaining(
        'The term "incursion" is not in the article\'s text as a whole word or phrase',
      ) as string,
    );
    expect(within(first).getByText(/"incursion" is not in the article's text/)).toBeVisible();

    // Checked against the text as it is now, not as last saved.
    const body = screen.getByRole('textbox', { name: 'The text' });
    fireEvent.change(body, {
      target: { value: `${(body as HTMLTextAreaElement).value} An incursion.` },
    });
    await waitFor(() =>
      expect(within(first).queryByText(/is not in the article's text/)).not.toBeInTheDocument(),
    );
    fireEvent.change(body, {
      target: { value: (body as HTMLTextAreaElement).value.replace(' An incursion.', '') },
    });
    expect(
      await within(first).findByText(/"incursion" is not in the article's text/),
    ).toBeVisible();

    // Found in any case.
    await user.clear(term);
    await user.type(term, 'COUNCIL');
    expect(within(first).queryByText(/is not in the article's text/)).not.toBeInTheDocument();
    const second = within(glossary).getByRole('group', { name: 'Entry 2' });
    expect(within(second).getByText(/is in the glossary twice/)).toBeVisible();
    expect(within(first).queryByText(/twice/)).not.toBeInTheDocument();
  });

  it('counts the characters of a term and a definition against their limits', async () => {
    installArticleServer(articleText({ extra: TWO_TERMS }));
    const glossary = await openGlossary();
    const entry = within(glossary).getByRole('group', { name: 'Entry 1' });
    const term = within(entry).getByRole('textbox', { name: 'Term' });
    const definition = within(entry).getByRole('textbox', { name: 'Definition' });
    expect(term).toHaveAccessibleDescription('9 of 60 characters');

    fireEvent.change(term, { target: { value: 't'.repeat(61) } });
    expect(term).toHaveAttribute('aria-invalid', 'true');
    expect(within(entry).getByText('61 of 60 characters: 1 too many')).toBeVisible();

    fireEvent.change(definition, { target: { value: 'd'.repeat(300) } });
    expect(definition).not.toHaveAttribute('aria-invalid');
    expect(definition).toHaveAccessibleDescription('300 of 300 characters');
    fireEvent.change(definition, { target: { value: 'd'.repeat(302) } });
    expect(definition).toHaveAttribute('aria-invalid', 'true');
    expect(definition).toHaveAccessibleDescription('302 of 300 characters: 2 too many');
  });

  // axe-core on jsdom: no layout, so no colour contrast (that needs the page in Chromium).
  it('has no axe violations with a problem and an over-long term shown', async () => {
    installArticleServer(articleText({ extra: TWO_TERMS }));
    const glossary = await openGlossary();
    const terms = within(glossary).getAllByRole('textbox', { name: 'Term' });
    terms.forEach((term, index) => {
      fireEvent.change(term, { target: { value: index === 0 ? 'incursion' : 't'.repeat(61) } });
    });
    expect(within(glossary).getAllByText(/is not in the article's text/)).toHaveLength(2);
    const results = await axe.run(glossary, { resultTypes: ['violations'] });
    expect(
      results.violations.map((violation) => ({
        id: violation.id,
        nodes: violation.nodes.map((node) => node.html.slice(0, 120)),
      })),
    ).toEqual([]);
  });
});
