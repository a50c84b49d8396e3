import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { QUESTION_TYPES } from '../../../src/domain/question-kinds';
import { newQuestion, type QuestionDraft } from '../../../src/features/authoring/draft-bank';
import { draftBank, EditorHarness } from './authoring-fixtures';

/** One question of each type, so the list shows them all; each is opened in turn. */
function everyType(): QuestionDraft[] {
  const questions: QuestionDraft[] = [];
  for (const type of QUESTION_TYPES) questions.push(newQuestion(type, questions));
  return questions;
}

// axe-core on jsdom: no layout, so no colour contrast (that needs the page in Chromium).
describe('the bank editor’s accessibility', { timeout: 30_000 }, () => {
  it.each(QUESTION_TYPES.map((type, index) => [type, index] as const))(
    'has no axe violations with a %s question open and its problems shown',
    async (_type, index) => {
      const { container } = render(
        <EditorHarness initial={draftBank(everyType())} onBank={vi.fn()} />,
      );
      await userEvent
        .setup()
        .click(screen.getByRole('button', { name: new RegExp(`^Question ${index + 1}:`) }));
      await waitFor(() =>
        expect(screen.getByRole('listbox', { name: /sentences of/i })).toHaveAttribute(
          'aria-invalid',
          'true',
        ),
      );
      const results = await axe.run(container, { resultTypes: ['violations'] });
      expect(
        results.violations.map((violation) => ({
          id: violation.id,
          nodes: violation.nodes.map((node) => node.html.slice(0, 120)),
        })),
      ).toEqual([]);
    },
  );
});
