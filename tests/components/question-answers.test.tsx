import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuestionAnswers } from '../../src/components/question-answers';
import type { QuestionReview } from '../../src/domain/results';
import { sampleArticle, sampleQuestion } from '../features/fixtures/sample-quiz';

function shortReview(text: string, matchedAnswer: string): QuestionReview {
  return {
    question: sampleQuestion('work-month', 'short'),
    response: { text },
    correctResponse: { text: 'March' },
    points: 1,
    maxPoints: 1,
    status: 'correct',
    feedback: [],
    matchedAnswer,
    explanation: 'Work starts in March.',
    optionFeedback: {},
    evidence: [],
  };
}

describe('a right typed answer in a review', () => {
  it('says which accepted answer it counted as when it reads differently', () => {
    render(
      <QuestionAnswers
        review={shortReview('in early March', 'March')}
        article={sampleArticle}
        reader="student"
      />,
    );
    expect(screen.getByText('Accepted as “March”')).toBeInTheDocument();
  });

  it('says nothing more when it is the accepted answer but for case and punctuation', () => {
    render(
      <QuestionAnswers
        review={shortReview('march.', 'March')}
        article={sampleArticle}
        reader="student"
      />,
    );
    expect(screen.queryByText(/Accepted as/)).not.toBeInTheDocument();
  });
});
