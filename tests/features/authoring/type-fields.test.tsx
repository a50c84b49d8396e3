import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { QuestionType } from '../../../src/domain/question-kinds';
import { bankWith, EditorHarness, lastBank } from './authoring-fixtures';

interface Case {
  type: QuestionType;
  edit: (user: UserEvent) => Promise<void>;
  expected: Record<string, unknown>;
}

const field = (name: string | RegExp) => screen.getByLabelText(name);

/** For each type, edits of its own fields and the YAML-shaped question they make. */
const CASES: Case[] = [
  {
    type: 'single',
    edit: async (user) => {
      await user.type(field('Option 1 text'), 'Last August');
      await user.type(field('Option 2 text'), 'On Monday');
      await user.click(field('Option 2 is right'));
      await user.type(field('Feedback for option 1'), 'That is when the incursion began.');
    },
    expected: {
      type: 'single',
      options: [
        { id: 'a', text: 'Last August', feedback: 'That is when the incursion began.' },
        { id: 'b', text: 'On Monday', correct: true },
      ],
    },
  },
  {
    type: 'multiple',
    edit: async (user) => {
      await user.click(screen.getByRole('button', { name: 'Add option' }));
      await user.type(field('Option 4 text'), 'rapid');
      await user.click(field('Option 4 is right'));
      await user.click(field('Option 1 is right'));
      await user.selectOptions(field('Scoring'), 'Full marks or none');
    },
    expected: {
      type: 'multiple',
      scoring: 'all-or-nothing',
      options: [
        { id: 'a', text: '', correct: true },
        { id: 'b', text: '' },
        { id: 'c', text: '' },
        { id: 'd', text: 'rapid', correct: true },
      ],
    },
  },
  {
    type: 'judgement',
    edit: async (user) => {
      await user.type(field('Statement to judge'), 'Putin wore a suit.');
      await user.selectOptions(field('Right judgement'), 'False');
      await user.type(field('Feedback for “True”'), 'He wore military uniform.');
      await user.type(field('Feedback for “Not given”'), 'The article says what he wore.');
    },
    expected: {
      type: 'judgement',
      statement: 'Putin wore a suit.',
      answer: 'false',
      feedback: {
        true: 'He wore military uniform.',
        'not-given': 'The article says what he wore.',
      },
    },
  },
  {
    type: 'numeric',
    edit: async (user) => {
      await user.clear(field('Right number'));
      await user.type(field('Right number'), '76');
      await user.type(field('Tolerance'), '2');
      await user.type(field('Unit'), 'drones');
    },
    expected: { type: 'numeric', answer: 76, tolerance: 2, unit: 'drones' },
  },
  {
    type: 'short',
    edit: async (user) => {
      await user.type(field('Accepted answer 1'), 'Kursk');
      await user.click(screen.getByRole('button', { name: 'Add answer' }));
      await user.type(field('Accepted answer 2'), 'the Kursk region');
    },
    expected: { type: 'short', answers: ['Kursk', 'the Kursk region'] },
  },
  {
    type: 'match',
    edit: async (user) => {
      await user.type(field('Item 1 text'), 'Zelensky');
      await user.type(field('Partner 2 text'), 'Kyiv');
      await user.selectOptions(field('Item 1 pairs with'), 'Kyiv');
      await user.selectOptions(field('Scoring'), 'Full marks or none');
    },
    expected: {
      type: 'match',
      left: [
        { id: 'a', text: 'Zelensky', match: 'b' },
        { id: 'b', text: '', match: 'b' },
        { id: 'c', text: '', match: 'c' },
      ],
      right: [
        { id: 'a', text: '' },
        { id: 'b', text: 'Kyiv' },
        { id: 'c', text: '' },
      ],
      scoring: 'all-or-nothing',
    },
  },
  {
    type: 'order',
    edit: async (user) => {
      await user.type(field('Item 1 text'), 'The call');
      await user.click(screen.getByRole('button', { name: 'Move item 1 down' }));
      await user.click(screen.getByRole('button', { name: 'Add item' }));
      await user.click(screen.getByRole('button', { name: 'Remove item 3' }));
    },
    expected: {
      type: 'order',
      items: [
        { id: 'b', text: '' },
        { id: 'a', text: 'The call' },
        { id: 'd', text: '' },
      ],
    },
  },
  {
    type: 'evidence',
    edit: async (user) => {
      await user.type(field('Claim to back up'), 'Putin wore military uniform.');
      await user.selectOptions(field('Scoring'), 'Full marks or none');
    },
    expected: {
      type: 'evidence',
      claim: 'Putin wore military uniform.',
      scoring: 'all-or-nothing',
    },
  },
  {
    type: 'two-part',
    edit: async (user) => {
      await user.selectOptions(field('Part A kind'), 'Short answer');
      await user.type(field('Part A prompt'), 'Which region?');
      await user.type(field('Accepted answer 1'), 'Kursk');
      await user.type(field('Part B prompt'), 'Which sentences show it?');
      await user.type(field('Part B points'), '2');
    },
    expected: {
      type: 'two-part',
      partA: { type: 'short', prompt: 'Which region?', answers: ['Kursk'] },
      partB: { type: 'evidence', prompt: 'Which sentences show it?', points: 2 },
    },
  },
  {
    type: 'cloze',
    edit: async (user) => {
      await user.type(field('Text with gaps'), 'Putin visited {{{{gap-1}}');
      await user.selectOptions(field('Gap 1 is answered by'), 'Choosing from a drop-down');
      await user.type(field('Gap 1 choice 1'), 'Kursk');
      await user.type(field('Gap 1 choice 2'), 'Moscow');
      await user.selectOptions(field('Gap 1 right choice'), 'Kursk');
    },
    expected: {
      type: 'cloze',
      text: 'Putin visited {{gap-1}}',
      gaps: [{ id: 'gap-1', choices: ['Kursk', 'Moscow'], answer: 'Kursk' }],
    },
  },
];

// Typing whole questions with user-event takes seconds on a busy machine.
describe('the question editor of each type', { timeout: 30_000 }, () => {
  it('covers every question type', async () => {
    const { QUESTION_TYPES } = await import('../../../src/domain/question-kinds');
    expect(CASES.map((test) => test.type).sort()).toEqual([...QUESTION_TYPES].sort());
  });

  it.each(CASES)(
    'edits a $type question into its bank fields',
    async ({ type, edit, expected }) => {
      const user = userEvent.setup();
      const onBank = vi.fn();
      render(<EditorHarness initial={bankWith(type)} onBank={onBank} />);
      const workspace = screen.getByRole('region', { name: 'Editing question 1' });
      expect(within(workspace).getByText(/./, { selector: '.question-editor-type' })).toBeVisible();
      await edit(user);
      const question = lastBank(onBank).questions[0];
      expect(question).toMatchObject(expected);
      expect(question).toMatchObject({ id: 'question-1', skill: 'literal', difficulty: 1 });
    },
  );

  it('edits the fields every question has', async () => {
    const user = userEvent.setup();
    const onBank = vi.fn();
    render(<EditorHarness initial={bankWith('short')} onBank={onBank} />);
    await user.type(field('Prompt'), 'Where did Putin go?');
    await user.type(field('Explanation'), 'The first sentence says so.');
    await user.selectOptions(field('Skill'), 'Vocabulary');
    await user.selectOptions(field('Difficulty'), '3 – hard');
    await user.type(field('Points'), '2');
    await user.clear(field('Question id'));
    await user.type(field('Question id'), 'where-putin-went');
    expect(lastBank(onBank).questions[0]).toMatchObject({
      id: 'where-putin-went',
      prompt: 'Where did Putin go?',
      explanation: 'The first sentence says so.',
      skill: 'vocabulary',
      difficulty: 3,
      points: 2,
    });
  });

  it('reorders, adds and removes options from the keyboard, focus following the option', async () => {
    const user = userEvent.setup();
    const onBank = vi.fn();
    render(<EditorHarness initial={bankWith('multiple')} onBank={onBank} />);
    const ids = () => {
      const question = lastBank(onBank).questions[0];
      return question?.type === 'multiple' ? question.options.map((option) => option.id) : [];
    };
    screen.getByRole('button', { name: 'Move option 1 down' }).focus();
    await user.keyboard('{Enter}');
    expect(ids()).toEqual(['b', 'a', 'c']);
    expect(screen.getByRole('button', { name: 'Move option 2 down' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(ids()).toEqual(['b', 'c', 'a']);
    // The last option cannot move down: focus goes to its other move button.
    expect(screen.getByRole('button', { name: 'Move option 3 up' })).toHaveFocus();

    screen.getByRole('button', { name: 'Add option' }).focus();
    await user.keyboard('{Enter}');
    expect(ids()).toEqual(['b', 'c', 'a', 'd']);
    expect(screen.getByLabelText('Option 4 text')).toHaveFocus();
    screen.getByRole('button', { name: 'Remove option 1' }).focus();
    await user.keyboard(' ');
    expect(ids()).toEqual(['c', 'a', 'd']);
    expect(screen.getByRole('button', { name: 'Add option' })).toHaveFocus();
  });
});
