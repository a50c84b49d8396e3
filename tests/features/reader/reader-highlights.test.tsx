import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getHref } from '../../../src/lib/paths';
import { readerHighlightsKey } from '../../../src/lib/reader-highlights-key';
import { loadReaderHighlights } from '../../../src/lib/reader-highlights';
import { installFakeApi, setScreenWide } from '../fixtures/fake-api';
import { sampleArticle, sampleQuestions } from '../fixtures/sample-quiz';
import { renderAt } from '../teacher/teacher-fixtures';

const LOAD = { timeout: 3000 };

async function openReader() {
  const view = renderAt(getHref.reader(sampleArticle.meta.id));
  await screen.findByRole('heading', { level: 1, name: sampleArticle.meta.title }, LOAD);
  return view;
}

const article = () => screen.getByRole('article', { name: sampleArticle.meta.title });

async function startHighlighting() {
  await userEvent.setup().click(screen.getByRole('button', { name: 'Highlight and take notes' }));
  const stop = await screen.findByRole('button', { name: 'Stop highlighting' }, LOAD);
  expect(stop).toHaveFocus();
}

describe('highlights in the reader', () => {
  beforeEach(() => {
    setScreenWide(true);
    installFakeApi({ article: sampleArticle, questions: sampleQuestions });
  });

  it('highlights a sentence with a note, keeps it on this device over a reload, and clears it', async () => {
    const user = userEvent.setup();
    const first = await openReader();
    await startHighlighting();
    await user.click(within(article()).getByRole('button', { name: 'The vote was seven to two.' }));
    const tools = await screen.findByRole(
      'group',
      { name: 'Highlight and note for “The vote was seven to two.”' },
      LOAD,
    );
    await user.click(within(tools).getByRole('button', { name: 'Green' }));
    await user.click(within(tools).getByRole('button', { name: 'Add note' }));
    await user.keyboard('<script>alert(1)</script>');
    await user.click(within(tools).getByRole('button', { name: 'Save note' }));
    await user.click(within(tools).getByRole('button', { name: 'Done' }));
    expect(
      within(article()).getByRole('button', { name: /The vote was seven to two/ }),
    ).toHaveFocus();
    expect(loadReaderHighlights(sampleArticle)).toEqual([
      {
        key: 'p1.s2',
        sentenceId: 'p1.s2',
        span: null,
        colour: 'green',
        note: '<script>alert(1)</script>',
      },
    ]);

    first.unmount();
    await openReader();
    expect(
      await within(article()).findByText('Your green highlight:', { exact: false }, LOAD),
    ).toBeInTheDocument();
    await user.click(within(article()).getByRole('button', { name: 'Note' }));
    expect(within(article()).getByText('<script>alert(1)</script>')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Clear highlights' }));
    const dialog = screen.getByRole('dialog', { name: 'Clear your highlights?' });
    expect(dialog).toHaveTextContent('This removes the highlight and notes you made');
    await user.click(within(dialog).getByRole('button', { name: 'Clear highlights' }));
    expect(within(article()).queryByText('Your green highlight:', { exact: false })).toBeNull();
    expect(localStorage.getItem(readerHighlightsKey(sampleArticle.meta.id))).toBeNull();
    expect(screen.getByRole('button', { name: 'Highlight and take notes' })).toHaveFocus();
  });

  it('highlights just the words selected in a sentence, as a mark around them', async () => {
    await openReader();
    await startHighlighting();
    const sentence = within(article()).getByRole('button', { name: 'The vote was seven to two.' });
    const text = sentence.firstChild;
    if (!text) throw new Error('The sentence has no text');
    const range = document.createRange();
    range.setStart(text, 'The vote was '.length);
    range.setEnd(text, 'The vote was sev'.length);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    // The press that ends a mouse selection: the words, widened to the whole word.
    fireEvent.click(sentence);
    const tools = await screen.findByRole(
      'group',
      { name: 'Highlight and note for “seven”' },
      LOAD,
    );
    await userEvent.setup().click(within(tools).getByRole('button', { name: 'Blue' }));
    const mark = within(article()).getByText('seven', { selector: 'mark' });
    expect(mark).toHaveTextContent('Your blue highlight: seven');
    expect(sentence).toHaveTextContent('The vote was Your blue highlight: seven to two.');
    expect(loadReaderHighlights(sampleArticle)).toMatchObject([
      { key: 'p1.s2_13-18', span: { start: 13, end: 18 }, colour: 'blue' },
    ]);
  });

  it('offers a selection over two sentences with a button of its own, cut at the first sentence’s end', async () => {
    const user = userEvent.setup();
    await openReader();
    await startHighlighting();
    const first = within(article()).getByRole('button', { name: /^The council voted on Monday/ });
    const second = within(article()).getByRole('button', { name: 'The vote was seven to two.' });
    const range = document.createRange();
    range.setStart(first.firstChild as Text, 'The council voted on '.length);
    range.setEnd(second.firstChild as Text, 'The vote'.length);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    fireEvent(document, new Event('selectionchange'));

    await user.click(await screen.findByRole('button', { name: 'Highlight the selected words' }));
    const tools = await screen.findByRole(
      'group',
      { name: 'Highlight and note for “Monday to repair the harbour bridge.”' },
      LOAD,
    );
    expect(tools).toHaveTextContent('a highlight stays within one sentence');
    expect(screen.queryByRole('button', { name: 'Highlight the selected words' })).toBeNull();
    await user.click(within(tools).getByRole('button', { name: 'Yellow' }));
    expect(loadReaderHighlights(sampleArticle)).toMatchObject([
      { sentenceId: 'p1.s1', span: { start: 'The council voted on '.length } },
    ]);
  });
});
