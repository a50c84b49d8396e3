import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JudgementControl } from '../../../src/features/quiz/components/judgement-control';
import { sampleQuestion } from '../fixtures/sample-quiz';

describe('the true / false / not given control', () => {
  it('shows the statement first, then how to judge it, then the choices', () => {
    const question = sampleQuestion('vote-unanimous', 'judgement');
    render(
      <JudgementControl
        question={question}
        label={question.prompt}
        response={undefined}
        onChange={() => undefined}
      />,
    );
    const group = screen.getByRole('group', { name: question.prompt });
    const statement = within(group).getByText(question.statement);
    const hint = within(group).getByText(/^True: the article says so\./);
    const firstChoice = within(group).getAllByRole('radio')[0];
    expect(statement.compareDocumentPosition(hint) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      firstChoice && hint.compareDocumentPosition(firstChoice) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    // Read with the question: the statement, then the hint.
    expect(group).toHaveAccessibleDescription(
      `${question.statement} True: the article says so. False: the article says otherwise. Not given: the article does not say.`,
    );
  });
});
