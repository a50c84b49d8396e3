import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { HighlightMap } from '../../../src/features/teacher/components/highlight-map';
import { installFakeServer } from './fake-server';
import {
  ASSIGNMENT_ID,
  makeAssignment,
  makeHighlightMap,
  makeStatistics,
  PAGE_LOAD,
  renderAt,
  TEACHER,
} from './teacher-fixtures';

function renderMap(changes: Parameters<typeof makeHighlightMap>[0] = {}) {
  return render(
    <MemoryRouter>
      <HighlightMap map={makeHighlightMap(changes)} assignmentId={ASSIGNMENT_ID} />
    </MemoryRouter>,
  );
}

describe('the heat map of the class’s highlights', () => {
  it('is on the statistics page, from the statistics the server sends', async () => {
    installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}`]: () => makeAssignment(),
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}/statistics`]: () => makeStatistics(),
    });
    renderAt(`/teacher/assignments/${ASSIGNMENT_ID}/statistics`);

    const section = await screen.findByRole(
      'region',
      { name: 'What the class highlighted' },
      PAGE_LOAD,
    );
    expect(
      within(section).getByRole('region', { name: 'The article, sentence by sentence' }),
    ).toBeInTheDocument();
  });

  it('says each sentence’s counts in words, so no one needs to tell the shades apart', () => {
    renderMap();

    const map = screen.getByRole('region', { name: 'The article, sentence by sentence' });
    expect(map).toHaveTextContent(
      '(p1.s1: 2 of 3 students highlighted it · evidence for question 1)',
    );
    expect(map).toHaveTextContent('(p1.s2: nobody highlighted it · evidence for question 2)');
    expect(map).toHaveTextContent('(p2.s1: 1 of 3 students highlighted it)');
    expect(within(map).getByRole('heading', { name: 'Reactions' })).toBeInTheDocument();
    // The shading follows the share of the class: two of three is the third step of four.
    const voted = within(map).getByText(/^The council voted/);
    expect(voted).toHaveClass('heat-sentence', 'heat-level-3', 'is-evidence');
    expect(screen.getByRole('list', { name: 'How to read the map' })).toBeInTheDocument();
  });

  it('names the evidence nobody highlighted, and what the class highlighted most', () => {
    renderMap();

    const missed = screen.getByRole('heading', { name: 'Evidence nobody highlighted' })
      .nextElementSibling as HTMLElement;
    expect(within(missed).getAllByRole('listitem')).toHaveLength(1);
    expect(missed).toHaveTextContent('p1.s2 (question 2): “The repairs will cost £2 million.”');
    const most = screen.getByRole('heading', { name: 'Most highlighted' })
      .nextElementSibling as HTMLElement;
    expect(
      within(most)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'p1.s1: 2 of 3 students highlighted it · evidence for question 1. “The council voted on Monday to repair the bridge.”',
      'p2.s1: 1 of 3 students highlighted it · no question needs it. ““It is long overdue,” said the mayor.”',
    ]);
  });

  it('is one tab stop, and a summary link takes focus to its sentence', async () => {
    const user = userEvent.setup();
    renderMap();

    const map = screen.getByRole('region', { name: 'The article, sentence by sentence' });
    expect(map).toHaveAttribute('tabindex', '0');
    for (const sentence of map.querySelectorAll('.heat-sentence')) {
      expect(sentence).toHaveAttribute('tabindex', '-1');
    }
    await user.click(screen.getByRole('link', { name: 'p1.s2' }));
    expect(within(map).getByText(/^The repairs will cost/)).toHaveFocus();
  });

  it('says highlights are off instead of drawing an empty map', () => {
    renderMap({ allowHighlights: false, highlighterCount: 0 });

    const section = screen.getByRole('region', { name: 'What the class highlighted' });
    expect(section).toHaveTextContent(
      'Highlights are turned off for this assignment, so students cannot highlight the article.',
    );
    expect(
      within(section).getByRole('link', { name: 'Change the assignment’s settings' }),
    ).toHaveAttribute('href', `/teacher/assignments/${ASSIGNMENT_ID}/edit`);
    expect(
      screen.queryByRole('region', { name: 'The article, sentence by sentence' }),
    ).not.toBeInTheDocument();
  });

  it('says when nobody has highlighted anything yet, rather than listing every sentence as missed', () => {
    renderMap({ highlighterCount: 0 });

    expect(
      screen.queryByRole('heading', { name: 'Evidence nobody highlighted' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'What the class highlighted' })).toHaveTextContent(
      'Of the 3 students with a submitted attempt analysed, none highlighted anything.',
    );
  });
});
