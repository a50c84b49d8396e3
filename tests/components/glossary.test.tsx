import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ArticleView } from '../../src/components/article-view';
import type { SpeechEngine } from '../../src/components/read-aloud-engine';
import { ReadAloudPlayer } from '../../src/components/read-aloud-player';
import { sampleArticleWithGlossary } from '../features/fixtures/sample-quiz';

const article = sampleArticleWithGlossary;

function sentence(container: HTMLElement, id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`[data-sentence-id="${id}"]`);
  if (!element) throw new Error(`no sentence ${id}`);
  return element;
}

describe('glossary terms in the article', () => {
  it('marks each term as a collapsed button inside its sentence, keeping the sentence whole', () => {
    const { container } = render(<ArticleView article={article} headingLevel={1} />);
    const term = screen.getByRole('button', { name: 'treasurer' });
    expect(term).toHaveAttribute('aria-expanded', 'false');
    expect(term).not.toHaveAttribute('aria-controls');
    const p2s1 = sentence(container, 'p2.s1');
    expect(p2s1).toContainElement(term);
    expect(p2s1).toHaveTextContent(/^Repairs will cost 1,200,000 pounds, the treasurer said\.$/);
    expect(within(sentence(container, 'p3.s1')).getByRole('button')).toHaveTextContent(
      'harbour master',
    );
    expect(screen.queryByRole('definition')).not.toBeInTheDocument();
  });

  it('opens a definition on click, beside the term and named by it, and closes it on a second click', async () => {
    const user = userEvent.setup();
    const { container } = render(<ArticleView article={article} headingLevel={1} />);
    const term = screen.getByRole('button', { name: 'treasurer' });
    await user.click(term);
    const definition = await screen.findByRole('definition');
    expect(definition).toHaveTextContent(
      'treasurer: The person who looks after the money of a council or club.',
    );
    expect(term).toHaveAttribute('aria-expanded', 'true');
    expect(term).toHaveAttribute('aria-controls', definition.id);
    // Right after the term, in the same sentence.
    expect(sentence(container, 'p2.s1')).toContainElement(definition);
    expect(term.nextElementSibling).toBe(definition);
    await user.click(term);
    expect(screen.queryByRole('definition')).not.toBeInTheDocument();
    expect(term).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens by keyboard (Enter or Space) and closes on Escape with the focus back on the term', async () => {
    const user = userEvent.setup();
    render(<ArticleView article={article} headingLevel={1} />);
    const term = screen.getByRole('button', { name: 'treasurer' });
    term.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('definition')).toBeInTheDocument();
    // The definition's Close button comes next in the tab order; Escape there closes too.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close the definition of treasurer' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('definition')).not.toBeInTheDocument();
    expect(term).toHaveFocus();

    await user.keyboard(' ');
    expect(await screen.findByRole('definition')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('definition')).not.toBeInTheDocument();
    expect(term).toHaveFocus();
    expect(term).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes with its Close button (focus back on the term), and on a click elsewhere', async () => {
    const user = userEvent.setup();
    render(<ArticleView article={article} headingLevel={1} />);
    const term = screen.getByRole('button', { name: 'harbour master' });
    await user.click(term);
    await user.click(
      await screen.findByRole('button', { name: 'Close the definition of harbour master' }),
    );
    expect(screen.queryByRole('definition')).not.toBeInTheDocument();
    expect(term).toHaveFocus();

    await user.click(term);
    expect(await screen.findByRole('definition')).toBeInTheDocument();
    await user.click(screen.getByRole('heading', { level: 1 }));
    expect(screen.queryByRole('definition')).not.toBeInTheDocument();
  });

  it('shows one definition at a time', async () => {
    const user = userEvent.setup();
    render(<ArticleView article={article} headingLevel={1} />);
    await user.click(screen.getByRole('button', { name: 'treasurer' }));
    await screen.findByRole('definition');
    await user.click(screen.getByRole('button', { name: 'harbour master' }));
    expect(await screen.findByRole('definition')).toHaveTextContent(/^harbour master: /);
    expect(screen.getAllByRole('definition')).toHaveLength(1);
  });

  it('keeps terms plain text inside sentences that are evidence toggles (no button in a button)', () => {
    render(
      <ArticleView
        article={article}
        headingLevel={2}
        selection={{ selected: new Set(), onToggle: vi.fn() }}
      />,
    );
    expect(screen.queryByRole('button', { name: 'treasurer' })).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Repairs will cost 1,200,000 pounds, the treasurer said.',
      }),
    ).toBeInTheDocument();
  });

  it('marks terms in highlighted (evidence) sentences too', () => {
    const { container } = render(
      <ArticleView article={article} headingLevel={2} highlighted={new Set(['p2.s1'])} />,
    );
    const mark = sentence(container, 'p2.s1');
    expect(mark.tagName).toBe('MARK');
    expect(within(mark).getByRole('button', { name: 'treasurer' })).toBeInTheDocument();
  });

  it('opens a definition without starting read-aloud from the term’s sentence', async () => {
    const user = userEvent.setup();
    const speak = vi.fn();
    const engine: SpeechEngine = {
      getVoices: () => [{ id: 'uk', name: 'Daniel', lang: 'en-GB', isDefault: true }],
      onVoicesChanged: () => () => {},
      speak,
      cancel: () => {},
      pause: () => {},
      resume: () => {},
    };
    render(
      <>
        <ReadAloudPlayer article={article} engine={engine} />
        <ArticleView article={article} headingLevel={1} />
      </>,
    );
    await screen.findByRole('button', { name: 'Read the article' });
    await user.click(screen.getByRole('button', { name: 'treasurer' }));
    await user.click(await screen.findByRole('definition'));
    expect(speak).not.toHaveBeenCalled();
  });
});
