import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { listSentences } from '../../../src/domain/article';
import { newQuestion } from '../../../src/features/authoring/draft-bank';
import { draftBank, EditorHarness, shippedArticle } from './authoring-fixtures';

const firstSentence = listSentences(shippedArticle)[0]?.text ?? '';

describe('the bank editor’s announcement of a question’s problems', () => {
  it('says a question has no problems only once it has been checked', async () => {
    const user = userEvent.setup();
    const sound = {
      ...newQuestion('single', []),
      prompt: 'Where did Putin go?',
      options: [
        { id: 'a', text: 'Kursk', correct: true },
        { id: 'b', text: 'Moscow', feedback: 'He went to Kursk, not Moscow.' },
      ],
      explanation: 'The first sentence says he visited Kursk.',
      evidence: [firstSentence],
    };
    render(<EditorHarness initial={draftBank([sound])} onBank={vi.fn()} />);
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Question 1 has no problems.'));

    await user.click(screen.getByRole('button', { name: 'Add question' }));
    // The empty question is on screen before its check: nothing is said of it yet.
    expect(screen.getByRole('region', { name: 'Editing question 2' })).toBeInTheDocument();
    expect(screen.getByRole('status')).not.toHaveTextContent('Question 2 has no problems.');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/^Question 2 has \d+ problems\.$/),
    );
  });
});
