import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { countReportedQuestions, InteropReport } from '../../src/components/interop-report';
import type { InteropNote } from '../../src/lib/authoring-api-client';

const notes: InteropNote[] = [
  { kind: 'lossy', message: 'QTI 3.0 has no place for skills.' },
  { kind: 'lossy', questionId: 'order-1', message: 'The order has no partial credit.' },
  { kind: 'lossy', questionId: 'order-1', message: 'Its feedback is left out.' },
];

describe('InteropReport', () => {
  it('lists the notes about the whole quiz apart from the questions with a loss', () => {
    render(<InteropReport notes={notes} headingLevel={3} />);
    const quizWide = screen.getByRole('heading', { level: 3, name: 'About the whole quiz' })
      .parentElement as HTMLElement;
    expect(within(quizWide).getByRole('listitem')).toHaveTextContent(
      'QTI 3.0 has no place for skills.',
    );
    const lossy = screen.getByRole('heading', { level: 3, name: 'With a loss' })
      .parentElement as HTMLElement;
    expect(
      within(lossy)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['order-1: The order has no partial credit.', 'order-1: Its feedback is left out.']);
  });

  it('counts one question, not the note about the whole quiz', () => {
    expect(countReportedQuestions(notes)).toBe(1);
  });
});
