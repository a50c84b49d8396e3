import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ArticleView } from '../../src/components/article-view';
import { listSentences } from '../../src/domain/article';
import { sampleArticle } from '../features/fixtures/sample-quiz';

describe('the article view', () => {
  it('says where the text comes from above it, linking only to a web address', () => {
    const origin = {
      publication: 'The Harbour Times',
      date: '2024-05-02',
      licence: 'CC BY 4.0',
      url: 'https://example.org/harbour',
    };
    const { rerender } = render(
      <ArticleView
        article={{ ...sampleArticle, meta: { ...sampleArticle.meta, origin } }}
        headingLevel={1}
      />,
    );
    expect(
      screen.getByText(/From The Harbour Times, 2024-05-02\. Licence: CC BY 4\.0\./),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'The original' })).toHaveAttribute('href', origin.url);

    const hostile = { ...origin, url: 'javascript:alert(1)' };
    rerender(
      <ArticleView
        article={{ ...sampleArticle, meta: { ...sampleArticle.meta, origin: hostile } }}
        headingLevel={1}
      />,
    );
    expect(screen.queryByRole('link', { name: 'The original' })).not.toBeInTheDocument();
  });

  it('shows the title, reading time, named sources and section headings', () => {
    render(<ArticleView article={sampleArticle} headingLevel={1} />);
    const article = screen.getByRole('article', { name: sampleArticle.meta.title });
    expect(within(article).getByRole('heading', { level: 1 })).toHaveTextContent(
      sampleArticle.meta.title,
    );
    expect(within(article).getByText(/1 minute to read/)).toBeInTheDocument();
    expect(within(article).getByText('The town council minutes')).toBeInTheDocument();
    expect(
      within(article).getByRole('heading', { level: 2, name: 'The cost' }),
    ).toBeInTheDocument();
  });

  it('gives every sentence an element of its own, addressable by its id', () => {
    const { container } = render(<ArticleView article={sampleArticle} headingLevel={1} />);
    for (const sentence of listSentences(sampleArticle)) {
      const element = container.querySelector(`[data-sentence-id="${sentence.id}"]`);
      expect(element).toHaveTextContent(sentence.text);
      expect(element).toHaveAttribute('id', `sentence-${sentence.id}`);
    }
  });

  it('hides the sentences a cloze question is copied from, and only those', () => {
    render(<ArticleView article={sampleArticle} headingLevel={2} masked={new Set(['p1.s1'])} />);
    const article = screen.getByRole('article', { name: sampleArticle.meta.title });
    expect(article).not.toHaveTextContent('The council voted on Monday');
    expect(
      within(article).getByText('[A sentence is hidden here while you fill the gaps.]'),
    ).toBeInTheDocument();
    expect(article).toHaveTextContent('The vote was seven to two.');
  });

  it('turns sentences into toggle buttons when selecting evidence', async () => {
    const onToggle = vi.fn();
    render(
      <ArticleView
        article={sampleArticle}
        headingLevel={2}
        selection={{ selected: new Set(['p1.s2']), onToggle }}
      />,
    );
    expect(screen.getByRole('button', { name: 'The vote was seven to two.' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Work starts in May.' }));
    expect(onToggle).toHaveBeenCalledWith('p2.s2');
  });

  it('marks highlighted sentences, and only those', () => {
    const { container } = render(
      <ArticleView article={sampleArticle} headingLevel={2} highlighted={new Set(['p2.s1'])} />,
    );
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'Repairs will cost 1,200,000 pounds, the treasurer said.',
    ]);
  });
});
