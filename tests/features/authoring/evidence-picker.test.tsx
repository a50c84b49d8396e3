import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { listSentences, parseArticle } from '../../../src/domain/article';
import { resolveEvidence } from '../../../src/domain/evidence';
import { EvidencePicker } from '../../../src/features/authoring/components/evidence-picker';
import type { EvidenceQuoteDraft } from '../../../src/features/authoring/draft-bank';
import {
  listQuotedSentenceIds,
  toggleSentence,
} from '../../../src/features/authoring/evidence-selection';
import { shippedArticle } from './authoring-fixtures';

const sentences = listSentences(shippedArticle);
const [first, second, third] = sentences;
if (!first || !second || !third) throw new Error('The shipped article has fewer than 3 sentences.');
const last = sentences[sentences.length - 1] ?? third;

function Picker({
  initial = [],
  onQuotes,
}: {
  initial?: EvidenceQuoteDraft[];
  onQuotes: (quotes: EvidenceQuoteDraft[]) => void;
}) {
  const [quotes, setQuotes] = useState(initial);
  return (
    <EvidencePicker
      article={shippedArticle}
      path={['questions', 0, 'evidence']}
      value={quotes}
      onChange={(next) => {
        setQuotes(next);
        onQuotes(next);
      }}
    />
  );
}

const listbox = () => screen.getByRole('listbox', { name: /sentences of/i });
const option = (text: string) => within(listbox()).getByRole('option', { name: text });

describe('the evidence picker', () => {
  it('chooses and unchooses a sentence by click, storing the quote the bank file holds', async () => {
    const user = userEvent.setup();
    const onQuotes = vi.fn();
    render(<Picker onQuotes={onQuotes} />);
    expect(listbox()).toHaveAttribute('aria-multiselectable', 'true');

    await user.click(option(second.text));
    expect(onQuotes).toHaveBeenLastCalledWith([second.text]);
    expect(option(second.text)).toHaveAttribute('aria-selected', 'true');
    expect(option(second.text)).toHaveTextContent(/^✓/);
    expect(screen.getByText(/1 sentence chosen/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Remove quote 1' })).toBeVisible();

    await user.click(option(second.text));
    expect(onQuotes).toHaveBeenLastCalledWith([]);
    expect(option(second.text)).toHaveAttribute('aria-selected', 'false');
  });

  it('is one tab stop, moved through with the arrow keys and chosen with Space or Enter', async () => {
    const user = userEvent.setup();
    const onQuotes = vi.fn();
    render(<Picker onQuotes={onQuotes} />);
    await user.tab();
    expect(listbox()).toHaveFocus();
    expect(listbox()).toHaveAttribute('aria-activedescendant', option(first.text).id);

    await user.keyboard('{ArrowDown}{ArrowDown} ');
    expect(listbox()).toHaveAttribute('aria-activedescendant', option(third.text).id);
    expect(onQuotes).toHaveBeenLastCalledWith([third.text]);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(onQuotes).toHaveBeenLastCalledWith([third.text, second.text]);
    await user.keyboard('{End}');
    expect(listbox()).toHaveAttribute('aria-activedescendant', option(last.text).id);

    // Focus leaves the article in one tab, to the quotes' remove buttons.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove quote 1' })).toHaveFocus();
  });

  it('shows the sentences a hand-written part quote touches as chosen', () => {
    const quote = 'a surprise Ukrainian incursion last year';
    render(<Picker initial={[quote]} onQuotes={vi.fn()} />);
    const resolution = resolveEvidence(shippedArticle, quote);
    expect(resolution.ok).toBe(true);
    const chosen = within(listbox())
      .getAllByRole('option', { selected: true })
      .map((element) => element.id);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]).toMatch(/p2-s1$/);
  });
});

describe('toggleSentence', () => {
  it('unchoosing one sentence of a quote that spans two keeps the other, quoted whole', () => {
    const paragraph = shippedArticle.paragraphs.find((candidate) => candidate.sentences.length > 1);
    const [a, b] = paragraph?.sentences ?? [];
    if (!paragraph || !a || !b) throw new Error('The article has no paragraph of two sentences.');
    const across = paragraph.text.slice(a.end - 15, b.start + 15);
    expect(toggleSentence(shippedArticle, [across], a.id)).toEqual([b.text]);
  });
});

describe('choosing a sentence whose words the article repeats', () => {
  it('quotes it with the words before it, so the quote names that sentence only', () => {
    const meta = { ...shippedArticle.meta, glossary: undefined };
    const { article } = parseArticle(
      meta,
      'Troops left. Talks began.\n\nTalks stalled. Troops left.',
    );
    const quotes = toggleSentence(article, [], 'p2.s2');
    expect(quotes).toEqual([{ quote: 'Troops left.', after: 'Talks stalled.' }]);
    expect(listQuotedSentenceIds(article, quotes)).toEqual(['p2.s2']);
  });
});
