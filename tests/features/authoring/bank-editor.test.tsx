import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { listSentences } from '../../../src/domain/article';
import { newQuestion } from '../../../src/features/authoring/draft-bank';
import { validateDraftBank } from '../../../src/features/authoring/validate-draft-bank';
import { bankWith, draftBank, EditorHarness, lastBank, shippedArticle } from './authoring-fixtures';

const firstSentence = listSentences(shippedArticle)[0]?.text ?? '';

/** Tabs (forwards) until `target` has focus: how a keyboard user reaches a field. */
async function tabTo(user: UserEvent, target: HTMLElement) {
  for (let presses = 0; presses < 300 && document.activeElement !== target; presses += 1) {
    await user.tab();
  }
  expect(target).toHaveFocus();
}

// Typing whole questions with user-event takes seconds on a busy machine.
describe('the bank editor', { timeout: 30_000 }, () => {
  it('shows a problem beside its field as the teacher types, and drops it once fixed', async () => {
    const user = userEvent.setup();
    render(<EditorHarness initial={bankWith('single')} onBank={vi.fn()} />);
    const prompt = screen.getByLabelText('Prompt');
    await waitFor(() => expect(prompt).toHaveAccessibleDescription(/Write some text here/));
    expect(prompt).toHaveAttribute('aria-invalid', 'true');

    await user.type(prompt, 'When did the incursion begin?');
    await waitFor(() => expect(prompt).not.toHaveAttribute('aria-invalid'));
    expect(prompt).toHaveAccessibleDescription('What the student is asked.');
  });

  it('flags a question without evidence, as an imported one arrives, until a sentence is chosen', async () => {
    const user = userEvent.setup();
    render(<EditorHarness initial={bankWith('single')} onBank={vi.fn()} />);
    const questions = screen.getByRole('navigation', { name: 'Questions' });
    const first = within(questions).getByRole('button', { name: /^Question 1:/ });
    expect(first).toHaveAccessibleName(/Needs evidence$/);
    const listbox = screen.getByRole('listbox', { name: /sentences of/i });
    await user.click(within(listbox).getByRole('option', { name: firstSentence }));
    expect(first).not.toHaveAccessibleName(/Needs evidence/);
  });

  it('shows the quiz id the server gave it, which the teacher cannot change', () => {
    const initial = bankWith('single');
    render(<EditorHarness initial={initial} onBank={vi.fn()} />);
    expect(screen.getByText(`Quiz id: ${initial.id}`)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /^(bank|quiz) id$/i })).not.toBeInTheDocument();
  });

  it('places each rule’s problem at its field: the evidence, a wrong option without feedback', async () => {
    const user = userEvent.setup();
    render(<EditorHarness initial={bankWith('single')} onBank={vi.fn()} />);
    const listbox = screen.getByRole('listbox', { name: /sentences of/i });
    await waitFor(() =>
      expect(listbox).toHaveAccessibleDescription(/^.*Needs evidence: choose the sentences/),
    );
    await user.type(screen.getByLabelText('Prompt'), 'Where did Putin go?');
    await user.type(screen.getByLabelText('Option 1 text'), 'Kursk');
    await user.type(screen.getByLabelText('Option 2 text'), 'Moscow');
    await user.type(screen.getByLabelText('Explanation'), 'The first sentence says so.');
    await user.click(within(listbox).getByRole('option', { name: firstSentence }));
    await user.click(screen.getByLabelText('Option 1 is right'));

    // The rules between fields run once every field is filled in.
    const option2 = screen.getByRole('group', { name: 'Option 2' });
    await waitFor(() => expect(option2).toHaveAccessibleDescription(/wrong but has no feedback/));
    expect(listbox).not.toHaveAttribute('aria-invalid');
    await user.type(screen.getByLabelText('Feedback for option 2'), 'Monday is the phone call.');
    await waitFor(() => expect(option2).not.toHaveAccessibleDescription(/no feedback/));
  });

  it('lists problems of questions not on screen in a summary that leads to them', async () => {
    const user = userEvent.setup();
    const bank = draftBank([
      newQuestion('short', []),
      newQuestion('numeric', [{ id: 'question-1' }]),
    ]);
    render(<EditorHarness initial={bank} onBank={vi.fn()} />);
    const summary = await screen.findByRole('region', { name: /to fix elsewhere in the bank/ });
    expect(within(summary).getByText(/^Question 2 has \d+ problems?\./)).toBeVisible();
    expect(
      screen.getByRole('button', { name: /^Question 2: Number \(\d+ problems?\)/ }),
    ).toBeVisible();

    await user.click(within(summary).getByRole('button', { name: 'Go to question 2' }));
    expect(screen.getByRole('region', { name: 'Editing question 2' })).toBeVisible();
    expect(screen.getByLabelText('Right number')).toBeVisible();
  });

  it('adds, moves and deletes questions, deleting only once confirmed', async () => {
    const user = userEvent.setup();
    const onBank = vi.fn();
    render(<EditorHarness initial={bankWith('single')} onBank={onBank} />);
    await user.selectOptions(screen.getByLabelText('Kind of question to add'), 'Put in order');
    await user.click(screen.getByRole('button', { name: 'Add question' }));
    expect(lastBank(onBank).questions.map((question) => question.type)).toEqual([
      'single',
      'order',
    ]);
    expect(screen.getByRole('region', { name: 'Editing question 2' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Move question 2 up' }));
    expect(lastBank(onBank).questions.map((question) => question.type)).toEqual([
      'order',
      'single',
    ]);

    await user.click(screen.getByRole('button', { name: 'Delete question 1' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete question 1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(lastBank(onBank).questions).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Delete question 1' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete question 1?' })).getByRole('button', {
        name: 'Delete question',
      }),
    );
    expect(lastBank(onBank).questions.map((question) => question.type)).toEqual(['single']);
  });

  it('previews which typed answers the accepted answers let through', async () => {
    const user = userEvent.setup();
    render(<EditorHarness initial={bankWith('short')} onBank={vi.fn()} />);
    await user.type(screen.getByLabelText('Accepted answer 1'), 'nuclear power plant');
    const preview = screen.getByRole('region', { name: 'Which answers would be accepted' });
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'NUCLEAR POWER PLANTAccepted (as “nuclear power plant”)',
      'the nuclear power plant.Accepted (as “nuclear power plant”)',
      'power plantNot accepted',
      'nuclear power planNot accepted',
    ]);

    await user.type(within(preview).getByLabelText('Try an answer'), 'Nuclear power-plant!');
    expect(within(preview).getByRole('status')).toHaveTextContent(
      'Accepted (as “nuclear power plant”)',
    );
    await user.clear(within(preview).getByLabelText('Try an answer'));
    await user.type(within(preview).getByLabelText('Try an answer'), 'a dam');
    expect(within(preview).getByRole('status')).toHaveTextContent('Not accepted');
  });

  it('writes a whole question with the keyboard alone, into a bank with no problems', async () => {
    const user = userEvent.setup();
    const onBank = vi.fn();
    render(<EditorHarness initial={bankWith('single')} onBank={onBank} />);

    await tabTo(user, screen.getByLabelText('Prompt'));
    await user.keyboard('Where did Putin go?');
    await tabTo(user, screen.getByLabelText('Option 1 text'));
    await user.keyboard('Kursk');
    await tabTo(user, screen.getByLabelText('Option 1 is right'));
    await user.keyboard(' ');
    await tabTo(user, screen.getByLabelText('Option 2 text'));
    await user.keyboard('Moscow');
    await tabTo(user, screen.getByLabelText('Feedback for option 2'));
    await user.keyboard('He went to Kursk, not Moscow.');
    await tabTo(user, screen.getByLabelText('Explanation'));
    await user.keyboard('The first sentence says he visited Kursk.');
    await tabTo(user, screen.getByRole('listbox', { name: /sentences of/i }));
    await user.keyboard(' ');

    const bank = lastBank(onBank);
    expect(bank.questions[0]).toMatchObject({
      prompt: 'Where did Putin go?',
      options: [
        { id: 'a', text: 'Kursk', correct: true },
        { id: 'b', text: 'Moscow', feedback: 'He went to Kursk, not Moscow.' },
      ],
      explanation: 'The first sentence says he visited Kursk.',
      evidence: [firstSentence],
    });
    expect(validateDraftBank(bank, shippedArticle)).toEqual([]);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: /to fix elsewhere/ })).not.toBeInTheDocument(),
    );
    expect(
      await screen.findByRole('button', { name: 'Question 1: Where did Putin go?' }),
    ).toBeVisible();
    // The editor says so once the question is checked, which happens after the last keystroke.
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Question 1 has no problems.'),
    );
  });
});
