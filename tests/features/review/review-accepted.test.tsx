import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { QuestionReview } from '../../../src/domain/results';
import { ReviewItem } from '../../../src/features/review/components/review-item';
import { sampleArticle, sampleQuestion } from '../fixtures/sample-quiz';

function shortReview(extra: Partial<QuestionReview>): QuestionReview {
  return {
    explanation: 'Why.',
    optionFeedback: {},
    feedback: [],
    evidence: [],
    question: sampleQuestion('work-month', 'short'),
    response: { text: 'the harbour office' },
    correctResponse: { text: 'harbour master' },
    points: 1,
    maxPoints: 1,
    status: 'correct',
    ...extra,
  };
}

describe('a typed answer the teacher accepted', () => {
  it('says "Accepted by your teacher"', () => {
    render(
      <ReviewItem review={shortReview({ acceptedByTeacher: true })} article={sampleArticle} />,
    );
    expect(screen.getByText('Accepted by your teacher')).toBeInTheDocument();
  });

  it('says nothing of the kind for an answer the bank accepts', () => {
    render(<ReviewItem review={shortReview({})} article={sampleArticle} />);
    expect(screen.queryByText('Accepted by your teacher')).not.toBeInTheDocument();
  });
});
