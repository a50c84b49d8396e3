import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { HighlightToolbar } from '../../src/components/highlight-toolbar';
import { HIGHLIGHT_LIMITS, type Highlight, type HighlightSpan } from '../../src/domain/highlights';

const sentence = { id: 'p1.s2', text: 'The vote was seven to two.' };

/** The toolbar over a list of highlights it changes, as the quiz and the reader keep them. */
function Harness({
  initial = [],
  span = null,
  crossed = false,
  total,
}: {
  initial?: Highlight[];
  span?: HighlightSpan | null;
  crossed?: boolean;
  total?: number;
}) {
  const [highlights, setHighlights] = useState(initial);
  return (
    <>
      <HighlightToolbar
        sentence={sentence}
        highlights={highlights}
        span={span}
        crossed={crossed}
        total={total ?? highlights.length}
        onSave={(highlight) =>
          setHighlights([...highlights.filter(({ key }) => key !== highlight.key), highlight])
        }
        onRemove={(key) => setHighlights(highlights.filter((other) => other.key !== key))}
        onDone={() => undefined}
      />
      <output aria-label="Saved">{JSON.stringify(highlights)}</output>
    </>
  );
}

const saved = () =>
  JSON.parse(screen.getByRole('status', { name: 'Saved' }).textContent) as Highlight[];

/** Selects `words` in the read-only copy of the sentence, as Shift and the arrow keys would. */
function selectWords(field: HTMLElement, words: string) {
  const start = sentence.text.indexOf(words);
  (field as HTMLTextAreaElement).setSelectionRange(start, start + words.length);
  fireEvent.select(field);
}

describe('the highlight toolbar', () => {
  it('highlights only the words selected in the text when it opened', async () => {
    const user = userEvent.setup();
    render(<Harness span={{ start: 13, end: 25 }} />);
    const tools = screen.getByRole('group', { name: 'Highlight and note for “seven to two”' });
    expect(within(tools).getByText('Only the words “seven to two”')).toBeInTheDocument();
    expect(within(tools).getByRole('button', { name: 'Yellow' })).toHaveFocus();
    await user.click(within(tools).getByRole('button', { name: 'Blue' }));
    expect(saved()).toEqual([
      {
        key: 'p1.s2_13-25',
        sentenceId: 'p1.s2',
        span: { start: 13, end: 25 },
        colour: 'blue',
        note: null,
      },
    ]);
  });

  it('says when a selection ran on past the sentence and was cut at its end', () => {
    render(<Harness span={{ start: 13, end: 26 }} crossed />);
    expect(screen.getByText(/a highlight stays within one sentence/)).toBeInTheDocument();
  });

  it('lets a keyboard user choose words in a copy of the sentence, then back to the whole', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const tools = screen.getByRole('group', {
      name: 'Highlight and note for “The vote was seven to two.”',
    });
    const choose = within(tools).getByRole('button', { name: 'Choose words' });
    await user.click(choose);
    expect(choose).toHaveAttribute('aria-expanded', 'true');
    const field = within(tools).getByRole('textbox', { name: 'Words to highlight' });
    expect(field).toHaveAttribute('aria-readonly', 'true');
    expect(field).toHaveAccessibleDescription(/Shift and the arrow keys/);
    // Part of a word counts as the whole word.
    selectWords(field, 'ote was');
    expect(
      screen.getByRole('group', { name: 'Highlight and note for “vote was”' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await user.keyboard('Who voted <i>no</i>?');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(saved()).toEqual([
      {
        key: 'p1.s2_4-12',
        sentenceId: 'p1.s2',
        span: { start: 4, end: 12 },
        colour: 'yellow',
        note: 'Who voted <i>no</i>?',
      },
    ]);

    selectWords(field, '');
    expect(within(tools).getByText('The whole sentence')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change “vote was” (Yellow)' })).toBeInTheDocument();
  });

  it('refuses words that overlap another highlight, saying which, and changes that one instead', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        span={{ start: 13, end: 18 }}
        initial={[
          {
            key: 'p1.s2_13-25',
            sentenceId: 'p1.s2',
            span: { start: 13, end: 25 },
            colour: 'green',
            note: 'Count',
          },
        ]}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Pink' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'These words overlap your green highlight “seven to two”: change or remove that one first.',
    );
    expect(saved()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Change “seven to two” (Green)' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Green' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Edit note' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(saved()).toEqual([]);
    // Back to the whole sentence, focus kept in the tools.
    expect(screen.getByText('The whole sentence')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Yellow' })).toHaveFocus();
  });

  it('refuses a new highlight past the limit', async () => {
    const user = userEvent.setup();
    render(<Harness total={HIGHLIGHT_LIMITS.perAttempt} />);
    await user.click(screen.getByRole('button', { name: 'Green' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      `You have ${HIGHLIGHT_LIMITS.perAttempt} highlights, the most there can be`,
    );
    expect(saved()).toEqual([]);
  });
});
