import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnswerView } from '../../src/components/answer-view';
import { sampleArticle, sampleCloze } from '../features/fixtures/sample-quiz';

describe('a cloze answer in a review', () => {
  it('reads as the passage with each gap as filled, each marked in words', () => {
    const { container } = render(
      <AnswerView
        item={sampleCloze}
        response={{ gaps: { day: 'Friday', thing: 'Bridge ' } }}
        article={sampleArticle}
        gaps={[
          { gapId: 'day', given: 'Friday', correct: false, rightAnswer: 'Monday' },
          { gapId: 'thing', given: 'Bridge ', correct: true, rightAnswer: 'bridge' },
        ]}
      />,
    );
    expect(container).toHaveTextContent(
      'The council voted on Friday ✗ Wrong to repair the harbour Bridge ✓ Right.',
    );
  });

  it('says which gap was left empty, and shows the right answer unmarked', () => {
    const { container, rerender } = render(
      <AnswerView
        item={sampleCloze}
        response={{ gaps: { thing: 'bridge' } }}
        article={sampleArticle}
      />,
    );
    expect(container).toHaveTextContent('voted on (empty) to repair the harbour bridge.');
    rerender(
      <AnswerView
        item={sampleCloze}
        response={{ gaps: { day: 'Monday', thing: 'bridge' } }}
        article={sampleArticle}
      />,
    );
    expect(screen.queryByText(/Right|Wrong/)).not.toBeInTheDocument();
  });
});
