import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { GradebookTable } from '../../../src/features/teacher/components/gradebook-table';
import { inProgressRow, submittedRow } from './teacher-fixtures';

const QUESTIONS = [
  { id: 'visit-city', number: 1, prompt: 'Which city did Putin travel to?' },
  { id: 'visit-when', number: 2, prompt: 'When did the visit happen?' },
  { id: 'visit-who', number: 3, prompt: 'Who disclosed the visit?' },
];

function renderGradebook(rows: Parameters<typeof GradebookTable>[0]['rows']) {
  render(
    <MemoryRouter>
      <GradebookTable assignmentId="assignment-1" rows={rows} questions={QUESTIONS} />
    </MemoryRouter>,
  );
}

/** The students named in a table's body, top to bottom. */
function studentsIn(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

describe('the gradebook table', () => {
  it(
    'shows a year group a page at a time, with the rows shown announced',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const rows = Array.from({ length: 120 }, (_, index) =>
        submittedRow(`Student ${String(index + 1).padStart(3, '0')}`, 5, 6),
      );
      renderGradebook(rows);
      const table = screen.getByRole('table', { name: /^Gradebook/ });
      expect(studentsIn(table)).toHaveLength(50);
      expect(studentsIn(table)[0]).toBe('Student 001');
      expect(screen.getByRole('status')).toHaveTextContent('Rows 1–50 of 120 (page 1 of 3)');
      expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();

      await user.click(screen.getByRole('button', { name: 'Next page' }));
      await user.click(screen.getByRole('button', { name: 'Next page' }));
      expect(studentsIn(screen.getByRole('table', { name: /^Gradebook/ }))).toEqual(
        rows.slice(100).map((row) => row.studentName),
      );
      expect(screen.getByRole('status')).toHaveTextContent('Rows 101–120 of 120 (page 3 of 3)');
      expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

      // Sorting starts again at the first page, in the new order.
      await user.click(screen.getByRole('button', { name: /Student/ }));
      expect(studentsIn(screen.getByRole('table', { name: /^Gradebook/ }))[0]).toBe('Student 120');
    },
  );

  it('needs no pages for a class', () => {
    renderGradebook([submittedRow('Ann Lee', 6, 7)]);
    expect(screen.queryByRole('navigation', { name: 'Gradebook pages' })).toBeNull();
  });

  it('shows a student × question grid whose cells say their result in words, not colour alone', async () => {
    const user = userEvent.setup();
    renderGradebook([
      submittedRow('Ann Lee', 6, 7, { results: ['correct', 'partial', 'incorrect'] }),
      submittedRow('Bo Chen', 3, 5, { results: ['unanswered', 'correct', 'correct'] }),
      inProgressRow('Cy Diaz', 2),
    ]);
    await user.click(screen.getByRole('button', { name: 'Results by question' }));
    expect(screen.getByRole('button', { name: 'Results by question' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const grid = screen.getByRole('table', { name: /^Results by question/ });
    const headings = within(grid)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headings).toEqual(['Student', 'Q1', 'Q2', 'Q3', 'Percent']);
    expect(within(grid).getByTitle('Which city did Putin travel to?')).toHaveTextContent('Q1');

    const rowOf = (name: string) => {
      const row = within(grid).getByRole('rowheader', { name }).closest('tr');
      if (!row) throw new Error(`No row for ${name}`);
      return within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    };
    expect(rowOf('Ann Lee')).toEqual(['✓Right', '½Partly right', '✗Wrong', '66.7%']);
    expect(rowOf('Bo Chen').slice(0, 3)).toEqual(['–Not answered', '✓Right', '✓Right']);
    expect(rowOf('Cy Diaz')[0]).toBe('In progress: 2 of 9 answered');
    const right = within(grid).getAllByText('Right')[0]?.closest('td');
    expect(right).toHaveClass('result-correct');
  });

  it('marks a score a regrade changed, in words a screen reader reads, in both views', async () => {
    const user = userEvent.setup();
    renderGradebook([
      submittedRow('Ann Lee', 6, 7, {
        results: ['correct', 'correct', 'incorrect'],
        regradedQuestions: [2],
      }),
      submittedRow('Bo Chen', 3, 5, {
        results: ['correct', 'correct', 'correct'],
        regradedQuestions: [1, 2, 3],
      }),
      submittedRow('Cy Diaz', 3, 5, { results: ['correct', 'incorrect', 'correct'] }),
    ]);
    const scores = screen.getByRole('table', { name: /^Gradebook/ });
    const scoreCell = (name: string) =>
      within(scores).getByRole('rowheader', { name }).closest('tr')?.querySelectorAll('td')[1];
    expect(scoreCell('Ann Lee')).toHaveTextContent(
      '6 / 9Regraded: you accepted the typed answer to question 2 (Q2)',
    );
    expect(scoreCell('Bo Chen')).toHaveTextContent(
      'Regraded: you accepted the typed answer to questions 1, 2 and 3',
    );
    expect(scoreCell('Cy Diaz')).not.toHaveTextContent('Regraded');

    await user.click(screen.getByRole('button', { name: 'Results by question' }));
    const grid = screen.getByRole('table', { name: /^Results by question/ });
    const row = within(grid).getByRole('rowheader', { name: 'Ann Lee' }).closest('tr');
    if (!row) throw new Error('No row for Ann Lee');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['✓Right', '✓Right*, regraded: an answer you accepted', '✗Wrong', '66.7%']);
    expect(screen.getByText(/\* regraded: a typed answer you accepted/)).toBeInTheDocument();
  });
});
