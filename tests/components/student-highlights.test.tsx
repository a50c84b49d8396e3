import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ArticleView } from '../../src/components/article-view';
import { groupHighlights, highlightWords } from '../../src/components/student-highlights';
import type { Highlight } from '../../src/domain/highlights';
import { sampleArticleWithGlossary } from '../features/fixtures/sample-quiz';

/** The article as the review draws it, with a student's highlights. */
function renderWithHighlights(highlights: Highlight[]) {
  const bySentence = groupHighlights(highlights);
  const { container } = render(
    <ArticleView
      article={sampleArticleWithGlossary}
      headingLevel={2}
      renderWords={(sentence, words) =>
        highlightWords(sentence, words, bySentence.get(sentence.id))
      }
    />,
  );
  const sentence = (id: string) => {
    const element = container.querySelector<HTMLElement>(`[data-sentence-id="${id}"]`);
    if (!element) throw new Error(`No sentence ${id}`);
    return element;
  };
  return { sentence };
}

const span = (key: string, start: number, end: number, colour: Highlight['colour']): Highlight => ({
  key,
  sentenceId: key.split('_')[0] ?? '',
  span: { start, end },
  colour,
  note: null,
});

describe('a student’s highlights in the article', () => {
  it('mark just the words of a span, named by colour, and keep the glossary term a button', () => {
    // "Repairs will cost 1,200,000 pounds, the treasurer said.": "Repairs will cost", "said".
    const { sentence } = renderWithHighlights([
      span('p2.s1_0-17', 0, 17, 'green'),
      span('p2.s1_50-54', 50, 54, 'pink'),
    ]);
    const p2s1 = sentence('p2.s1');
    const marks = p2s1.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual([
      'Your green highlight: Repairs will cost',
      'Your pink highlight: said',
    ]);
    expect(within(p2s1).getByRole('button', { name: 'treasurer' })).toBeInTheDocument();
    expect(p2s1).toHaveTextContent(
      'Your green highlight: Repairs will cost 1,200,000 pounds, the treasurer Your pink highlight: said.',
    );
  });

  it('mark a glossary term inside a span with it, and a whole sentence as one mark', () => {
    const { sentence } = renderWithHighlights([
      span('p2.s1_36-54', 36, 54, 'blue'),
      { key: 'p3.s1', sentenceId: 'p3.s1', span: null, colour: 'yellow', note: null },
    ]);
    const mark = sentence('p2.s1').querySelector('mark');
    expect(mark).toHaveTextContent('Your blue highlight: the treasurer said');
    expect(within(mark as HTMLElement).getByRole('button', { name: 'treasurer' })).toBeVisible();
    const whole = sentence('p3.s1').querySelectorAll('mark');
    expect(whole).toHaveLength(1);
    expect(
      within(whole[0] as HTMLElement).getByRole('button', { name: 'harbour master' }),
    ).toBeVisible();
    expect(screen.getAllByText(/highlight:/)).toHaveLength(2);
  });
});
