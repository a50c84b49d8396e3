import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GRADEBOOK_POLL_MS } from '../../../src/features/teacher/assignment-page';
import type { GradebookAttempt } from '../../../src/lib/assignment-api-client';
import { sampleArticle, sampleQuestions } from '../fixtures/sample-quiz';
import { sampleResult } from '../fixtures/sample-result';
import { installFakeServer } from './fake-server';
import {
  ASSIGNMENT_ID,
  inProgressRow,
  makeAssignment,
  makeGradebook,
  PAGE_LOAD,
  renderAt,
  submittedRow,
  TEACHER,
} from './teacher-fixtures';

const GRADEBOOK = `GET /api/teacher/assignments/${ASSIGNMENT_ID}/gradebook`;

function serve(rows: () => GradebookAttempt[]) {
  return installFakeServer({
    'GET /api/teacher/me': () => TEACHER,
    [GRADEBOOK]: () => makeGradebook(rows()),
  });
}

async function openAssignment() {
  renderAt(`/teacher/assignments/${ASSIGNMENT_ID}`);
  await screen.findByRole('heading', { level: 1, name: 'Year 9: the bridge vote' }, PAGE_LOAD);
}

/** The student names down the gradebook, top to bottom. */
function studentOrder(): string[] {
  const table = screen.getByRole('table', { name: /^Gradebook/ });
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

function columnHeader(name: string) {
  return screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
}

describe('the assignment page', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the join code, the join link and a QR code of it, and the two downloads', async () => {
    serve(() => []);
    await openAssignment();

    const join = screen.getByRole('region', { name: 'How students join' });
    expect(within(join).getByText('K7MPQ2')).toBeInTheDocument();
    expect(
      within(join).getByRole('link', { name: 'http://localhost:3000/join/K7MPQ2' }),
    ).toHaveAttribute('href', '/join/K7MPQ2');
    expect(
      within(join).getByRole('img', {
        name: 'QR code that opens http://localhost:3000/join/K7MPQ2',
      }),
    ).toHaveAttribute('src', `/api/teacher/assignments/${ASSIGNMENT_ID}/qr.svg`);
    expect(within(join).getByRole('link', { name: 'Project the code' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Scores \(CSV\)/ })).toHaveAttribute(
      'href',
      `/api/teacher/assignments/${ASSIGNMENT_ID}/export/summary.csv`,
    );
    expect(screen.getByRole('link', { name: /^Answers \(CSV\)/ })).toHaveAttribute(
      'href',
      `/api/teacher/assignments/${ASSIGNMENT_ID}/export/responses.csv`,
    );
    expect(screen.getByText('No one has joined yet.', { exact: false })).toBeInTheDocument();
  });

  it('sorts the gradebook by the column heading pressed, telling screen readers how', async () => {
    const user = userEvent.setup();
    serve(() => [
      submittedRow('Ann Lee', 6, 7),
      submittedRow('Bo Chen', 9, 5),
      inProgressRow('Cy Diaz', 3),
    ]);
    await openAssignment();

    expect(studentOrder()).toEqual(['Ann Lee', 'Bo Chen', 'Cy Diaz']);
    expect(columnHeader('Student')).toHaveAttribute('aria-sort', 'ascending');
    expect(
      within(screen.getByRole('row', { name: /Cy Diaz/ })).getByText('3 of 9 answered'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^Percent/ }));
    expect(columnHeader('Percent')).toHaveAttribute('aria-sort', 'descending');
    expect(columnHeader('Student')).not.toHaveAttribute('aria-sort');
    // Best first; an attempt in progress has no percent yet and stays last.
    expect(studentOrder()).toEqual(['Bo Chen', 'Ann Lee', 'Cy Diaz']);

    await user.click(screen.getByRole('button', { name: /^Percent/ }));
    expect(columnHeader('Percent')).toHaveAttribute('aria-sort', 'ascending');
    expect(studentOrder()).toEqual(['Ann Lee', 'Bo Chen', 'Cy Diaz']);

    await user.click(screen.getByRole('button', { name: /^Time taken/ }));
    expect(studentOrder()).toEqual(['Bo Chen', 'Ann Lee', 'Cy Diaz']);
    expect(screen.getByRole('row', { name: /Bo Chen/ })).toHaveTextContent('9 / 9');
    expect(screen.getByRole('row', { name: /Bo Chen/ })).toHaveTextContent('100%');
    expect(screen.getByRole('row', { name: /Bo Chen/ })).toHaveTextContent('5 min');
  });

  it('polls while visible and announces new results once, not on every poll', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const ann = submittedRow('Ann Lee', 6, 7);
    let rows: GradebookAttempt[] = [ann, inProgressRow('Bo Chen', 4)];
    const server = serve(() => rows);
    await openAssignment();
    const liveRegion = screen.getByRole('status');
    expect(liveRegion).toHaveTextContent('');
    const pollsAtStart = server.requestsTo(GRADEBOOK).length;

    await act(() => vi.advanceTimersByTimeAsync(GRADEBOOK_POLL_MS));
    expect(server.requestsTo(GRADEBOOK)).toHaveLength(pollsAtStart + 1);
    expect(liveRegion).toHaveTextContent('');

    rows = [ann, submittedRow('Bo Chen', 9, 6)];
    await act(() => vi.advanceTimersByTimeAsync(GRADEBOOK_POLL_MS));
    expect(liveRegion).toHaveTextContent('New result: Bo Chen 100%.');
    expect(screen.getByRole('row', { name: /Bo Chen/ })).toHaveTextContent('Submitted');

    await act(() => vi.advanceTimersByTimeAsync(GRADEBOOK_POLL_MS));
    expect(server.requestsTo(GRADEBOOK)).toHaveLength(pollsAtStart + 3);
    expect(liveRegion).toHaveTextContent('New result: Bo Chen 100%.');
  });

  it('stops polling while the page is hidden', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = serve(() => []);
    await openAssignment();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    const pollsWhenHidden = server.requestsTo(GRADEBOOK).length;

    await act(() => vi.advanceTimersByTimeAsync(GRADEBOOK_POLL_MS * 3));
    expect(server.requestsTo(GRADEBOOK)).toHaveLength(pollsWhenHidden);

    visibility.mockReturnValue('visible');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(server.requestsTo(GRADEBOOK)).toHaveLength(pollsWhenHidden + 1);
  });

  it('closes the assignment once the teacher confirms', async () => {
    const user = userEvent.setup();
    let closed = false;
    const server = installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [GRADEBOOK]: () => ({
        ...makeGradebook([]),
        assignment: makeAssignment(closed ? { status: 'closed' } : {}),
      }),
      [`POST /api/teacher/assignments/${ASSIGNMENT_ID}/close`]: () => {
        closed = true;
        return makeAssignment({ status: 'closed' });
      },
    });
    await openAssignment();

    await user.click(screen.getByRole('button', { name: 'Close the assignment' }));
    const dialog = screen.getByRole('dialog', { name: 'Close this assignment?' });
    expect(dialog).toHaveTextContent('No one can join with the code K7MPQ2 any more.');
    await user.click(within(dialog).getByRole('button', { name: 'Close it' }));

    expect(
      await screen.findByRole('button', { name: 'Reopen the assignment' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Closed').length).toBeGreaterThan(0);
    expect(server.requestsTo(`POST /api/teacher/assignments/${ASSIGNMENT_ID}/close`)).toHaveLength(
      1,
    );
  });

  it('opens a student’s full review from their row', async () => {
    const user = userEvent.setup();
    const ann = submittedRow('Ann Lee', 1.5, 7);
    installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [GRADEBOOK]: () => makeGradebook([ann]),
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}/attempts/${ann.attemptId}`]: () => ({
        attemptId: ann.attemptId,
        studentName: 'Ann Lee',
        status: 'submitted',
        startedAt: ann.startedAt,
        deadline: ann.deadline,
        submittedAt: ann.submittedAt,
        questions: sampleQuestions,
        responses: {},
        savedAt: {},
        result: sampleResult,
        article: sampleArticle,
      }),
    });
    await openAssignment();

    await user.click(screen.getByRole('link', { name: 'Ann Lee' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Ann Lee' })).toBeInTheDocument();
    expect(screen.getByText('1.5 of 4 points (37.5%)')).toBeInTheDocument();
    const judgement = screen.getByRole('article', { name: 'Question 3' });
    expect(within(judgement).getByText('Answer given').nextElementSibling).toHaveTextContent(
      'True',
    );
    expect(within(judgement).getByText('Right answer').nextElementSibling).toHaveTextContent(
      'False',
    );
    expect(judgement).toHaveTextContent('Seven to two means two voted against.');
    expect(
      within(judgement).getByText('Evidence in the article').nextElementSibling,
    ).toHaveTextContent('The vote was seven to two.');
  });
});
