import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeServer } from './fake-server';
import {
  ASSIGNMENT_ID,
  makeAssignment,
  makeStatistics,
  PAGE_LOAD,
  renderAt,
  TEACHER,
} from './teacher-fixtures';

const STATISTICS = `GET /api/teacher/assignments/${ASSIGNMENT_ID}/statistics`;

function serve(changes: Parameters<typeof makeStatistics>[0] = {}) {
  return installFakeServer({
    'GET /api/teacher/me': () => TEACHER,
    [`GET /api/teacher/assignments/${ASSIGNMENT_ID}`]: () => makeAssignment(),
    [STATISTICS]: (request) => ({
      ...makeStatistics(changes),
      include: request.query.get('include') ?? 'all',
    }),
  });
}

async function openStatistics() {
  renderAt(`/teacher/assignments/${ASSIGNMENT_ID}/statistics`);
  await screen.findByRole('heading', { name: 'Question by question' }, PAGE_LOAD);
}

describe('the statistics page', () => {
  it('draws the score histogram as a named figure whose numbers screen readers can read', async () => {
    serve();
    await openStatistics();

    const figure = screen.getByRole('figure', {
      name: 'Score distribution: attempts by percent (3 attempts)',
    });
    const table = within(figure).getByRole('table');
    expect(within(table).getByRole('row', { name: '40% to under 50% 1' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: '80% to under 90% 2' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: '90% to 100% 0' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    // The bars repeat the table for the eye only.
    expect(figure.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(figure.querySelectorAll('svg rect.histogram-bar')).toHaveLength(10);
  });

  it('gives the test figures, the skill averages and each question’s analysis', async () => {
    serve();
    await openStatistics();

    expect(screen.getByText('Mean').nextElementSibling).toHaveTextContent('70%');
    expect(screen.getByText('Median').nextElementSibling).toHaveTextContent('80%');
    expect(screen.getByText('Cronbach’s alpha').nextElementSibling).toHaveTextContent('0.64');
    expect(screen.getByRole('row', { name: 'Who said it 1 75%' })).toBeInTheDocument();

    const first = screen.getByRole('article', { name: 'Question 1' });
    expect(within(first).getByText('Facility').nextElementSibling).toHaveTextContent(
      '33% (moderate)',
    );
    expect(first).toHaveTextContent('The wrong answer chosen most: “Friday”, by 2 students (67%).');
    const options = within(first).getByRole('table', {
      name: 'How often each option was chosen in question 1',
    });
    expect(
      within(options).getByRole('row', { name: /^Monday \(right answer\) 1 33%/ }),
    ).toBeInTheDocument();
    expect(within(options).getByRole('row', { name: /^Friday 2 67%/ })).toBeInTheDocument();

    const second = screen.getByRole('article', { name: 'Question 2' });
    expect(within(second).queryByRole('table')).not.toBeInTheDocument();
    expect(within(second).getByText('Discrimination').nextElementSibling).toHaveTextContent(
      'not enough answers to tell',
    );
  });

  it('says there are not enough attempts for alpha yet, rather than a number or a dash', async () => {
    serve({ cronbachAlpha: null, attemptCount: 3 });
    await openStatistics();

    const alpha = screen.getByText('Cronbach’s alpha').nextElementSibling;
    expect(alpha).toHaveTextContent(
      'Not enough attempts yet (reliability is worked out from 10 submitted attempts that answered every question; there are 3 so far)',
    );
    expect(alpha).not.toHaveTextContent('0.7 or more is good');
  });

  it('explains a negative alpha instead of putting it on a 0-to-1 scale', async () => {
    serve({ cronbachAlpha: -0.42, attemptCount: 12 });
    await openStatistics();

    const alpha = screen.getByText('Cronbach’s alpha').nextElementSibling;
    expect(alpha).toHaveTextContent('-0.42');
    expect(alpha).toHaveTextContent(/below 0: the questions disagree about who read well/);
    expect(alpha).not.toHaveTextContent('0 to 1');
  });

  it('can analyse only the attempts that count', async () => {
    const user = userEvent.setup();
    const server = serve();
    await openStatistics();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Attempts analysed' }),
      'Only each student’s counted attempt',
    );

    await screen.findByRole('heading', { name: 'Question by question' });
    expect(server.requestsTo(STATISTICS).map((request) => request.query.get('include'))).toContain(
      'counted',
    );
  });
});
