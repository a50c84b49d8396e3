import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GRADEBOOK_POLL_MS } from '../../../src/features/teacher/assignment-page';
import type { GradebookAttempt } from '../../../src/lib/assignment-api-client';
import { sampleArticle, sampleQuestions } from '../fixtures/sample-quiz';
import { sampleResult } from '../fixtures/sample-result';
import { installFakeServer, json } from './fake-server';
import {
  ASSIGNMENT_ID,
  bankSummary,
  inProgressRow,
  makeAssignment,
  makeGradebook,
  PAGE_LOAD,
  publicBank,
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
    // The downloads may carry query parameters (the time zone); their paths are what matter here.
    expect(screen.getByRole('link', { name: /^Scores \(CSV\)/ }).getAttribute('href')).toMatch(
      new RegExp(`^/api/teacher/assignments/${ASSIGNMENT_ID}/export/summary\\.csv(\\?|$)`),
    );
    expect(screen.getByRole('link', { name: /^Answers \(CSV\)/ }).getAttribute('href')).toMatch(
      new RegExp(`^/api/teacher/assignments/${ASSIGNMENT_ID}/export/responses\\.csv(\\?|$)`),
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
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}`]: () => makeAssignment(),
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
        highlights: [
          {
            key: 'p1.s2',
            sentenceId: 'p1.s2',
            span: null,
            colour: 'pink',
            note: '<script>alert(1)</script> close vote?',
          },
        ],
      }),
    });
    await openAssignment();

    await user.click(screen.getByRole('link', { name: 'Ann Lee' }));
    const highlights = await screen.findByRole(
      'region',
      { name: 'Highlights and notes' },
      PAGE_LOAD,
    );
    expect(within(highlights).getByText('“The vote was seven to two.”')).toBeInTheDocument();
    expect(within(highlights).getByText(/Pink highlight/)).toBeInTheDocument();
    // The student's note is their own text: shown as it was typed, never as markup.
    expect(
      within(highlights).getByText('<script>alert(1)</script> close vote?', { exact: false }),
    ).toBeInTheDocument();
    expect(highlights.querySelector('script')).toBeNull();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ann Lee' }, PAGE_LOAD),
    ).toBeInTheDocument();
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

  it('numbers an attempt’s answers in bank order, noting where the student saw each', async () => {
    // The student's shuffled order: the last of these four bank questions came first, and so on.
    const shuffled = [...sampleResult.questions].reverse().map((review, index) => ({
      ...review,
      question: { ...review.question, number: index + 1 },
    }));
    installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}`]: () => makeAssignment(),
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}/attempts/attempt-x`]: () => ({
        attemptId: 'attempt-x',
        studentName: 'Ann Lee',
        status: 'submitted',
        startedAt: '2026-03-02T09:05:00.000Z',
        deadline: null,
        submittedAt: '2026-03-02T09:12:00.000Z',
        questions: shuffled.map((review) => review.question),
        responses: {},
        savedAt: {},
        result: { ...sampleResult, questions: shuffled },
        article: sampleArticle,
        highlights: [],
      }),
    });
    renderAt(`/teacher/assignments/${ASSIGNMENT_ID}/attempts/attempt-x`);
    const answers = await screen.findByRole('region', { name: 'Answers' }, PAGE_LOAD);

    const bankNumber = (id: string) => sampleQuestions.findIndex((q) => q.id === id) + 1;
    // Each answer under its bank number, with where the student saw it as a note beside it.
    expect(
      within(answers)
        .getAllByRole('article')
        .map((card) => [
          within(card).getByRole('heading', { level: 3 }).textContent,
          within(card).queryByText(/^shown \d/)?.textContent,
        ]),
    ).toEqual([
      [`Question ${bankNumber('vote-day')}`, 'shown 4th'],
      [`Question ${bankNumber('vote-unanimous')}`, 'shown 2nd'],
      [`Question ${bankNumber('repair-cost')}`, 'shown 3rd'],
      [`Question ${bankNumber('waiting-evidence')}`, 'shown 1st'],
    ]);
  });
});

describe('the assignment page during class and after', () => {
  const BASE = `/api/teacher/assignments/${ASSIGNMENT_ID}`;

  /** The level-2 headings of the page, top to bottom. */
  function sectionOrder(): string[] {
    return screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent ?? '');
  }

  it('shows how to join first until students join, then the gradebook first', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let rows: GradebookAttempt[] = [];
    serve(() => rows);
    await openAssignment();
    expect(sectionOrder()).toEqual(['How students join', 'Settings', 'Results']);
    expect(screen.getByText('K7MPQ2')).toBeVisible();

    rows = [submittedRow('Ann Lee', 7, 6)];
    await act(() => vi.advanceTimersByTimeAsync(GRADEBOOK_POLL_MS));
    await screen.findByRole('link', { name: 'Ann Lee' });

    expect(sectionOrder()).toEqual(['Results', 'How students join', 'Settings']);
    // The join details and settings fold away, one click from view.
    expect(screen.getByText('K7MPQ2')).not.toBeVisible();
    const join = screen.getByRole('region', { name: 'How students join' });
    await userEvent
      .setup({ advanceTimers: vi.advanceTimersByTime })
      .click(within(join).getByText('Show the join code, link and QR code'));
    expect(within(join).getByText('K7MPQ2')).toBeVisible();
  });

  it('no longer shows the join code of a closed assignment', async () => {
    installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [GRADEBOOK]: () => ({
        ...makeGradebook([]),
        assignment: makeAssignment({ status: 'closed', closedAt: '2026-03-02T10:00:00.000Z' }),
      }),
    });
    await openAssignment();

    const join = screen.getByRole('region', { name: 'How students join' });
    expect(join).toHaveTextContent('The assignment is closed, so no one can join');
    expect(screen.queryByText('K7MPQ2')).not.toBeInTheDocument();
    expect(within(join).queryByRole('img')).not.toBeInTheDocument();
    expect(within(join).queryByRole('link', { name: 'Project the code' })).not.toBeInTheDocument();
  });

  it('duplicates the assignment and opens the copy', async () => {
    const user = userEvent.setup();
    const copy = makeAssignment({ id: 'assignment-2', title: 'Year 9: the bridge vote (copy)' });
    const server = installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [GRADEBOOK]: () => makeGradebook([]),
      [`POST ${BASE}/duplicate`]: () => json(copy, 201),
      'GET /api/teacher/assignments/assignment-2/gradebook': () => ({
        ...makeGradebook([]),
        assignment: copy,
      }),
    });
    await openAssignment();

    await user.click(screen.getByRole('button', { name: 'Duplicate' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Year 9: the bridge vote (copy)' }),
    ).toBeInTheDocument();
    expect(server.requestsTo(`POST ${BASE}/duplicate`)).toHaveLength(1);
  });

  it('deletes the assignment only once the teacher confirms', async () => {
    const user = userEvent.setup();
    const server = installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [GRADEBOOK]: () => makeGradebook([submittedRow('Ann Lee', 7, 6)]),
      [`DELETE ${BASE}`]: () => new Response(null, { status: 204 }),
      'GET /api/teacher/assignments': () => [],
    });
    await openAssignment();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this assignment?' });
    expect(dialog).toHaveTextContent('is deleted with its 1 attempt and every answer');
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(server.requestsTo(`DELETE ${BASE}`)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete it' }));

    expect(
      await screen.findByRole('heading', { name: 'Your assignments' }, PAGE_LOAD),
    ).toBeInTheDocument();
    expect(server.requestsTo(`DELETE ${BASE}`)).toHaveLength(1);
  });

  it('removes a stray attempt after confirming, and lists it under removed attempts', async () => {
    const user = userEvent.setup();
    const stray = submittedRow('Test Student', 0, 1);
    let removed = false;
    const server = installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [GRADEBOOK]: () => makeGradebook(removed ? [] : [stray]),
      [`GET ${BASE}`]: () => makeAssignment(),
      [`GET ${BASE}/attempts/${stray.attemptId}`]: () => ({
        attemptId: stray.attemptId,
        studentName: 'Test Student',
        status: 'submitted',
        startedAt: stray.startedAt,
        deadline: null,
        submittedAt: stray.submittedAt,
        questions: sampleQuestions,
        responses: {},
        savedAt: {},
        result: sampleResult,
        article: sampleArticle,
        highlights: [],
      }),
      [`DELETE ${BASE}/attempts/${stray.attemptId}`]: () => {
        removed = true;
        return new Response(null, { status: 204 });
      },
      [`GET ${BASE}/removed-attempts`]: () =>
        removed
          ? [
              {
                id: 'removal-1',
                attemptId: stray.attemptId,
                removedBy: 'Ms Rivera',
                removedAt: '2026-03-02T09:30:00.000Z',
                studentName: 'Test Student',
                status: 'submitted',
                startedAt: stray.startedAt,
                submittedAt: stray.submittedAt,
                score: 1.5,
                maxPoints: 4,
                percent: 37.5,
              },
            ]
          : [],
    });
    renderAt(`/teacher/assignments/${ASSIGNMENT_ID}/attempts/${stray.attemptId}`);
    await screen.findByRole('heading', { level: 1, name: 'Test Student' }, PAGE_LOAD);

    await user.click(screen.getByRole('button', { name: 'Remove this attempt' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Test Student’s attempt?' });
    expect(dialog).toHaveTextContent('A record of who removed it and when stays');
    await user.click(within(dialog).getByRole('button', { name: 'Remove it' }));

    await screen.findByRole('heading', { level: 1, name: 'Year 9: the bridge vote' });
    expect(server.requestsTo(`DELETE ${BASE}/attempts/${stray.attemptId}`)).toHaveLength(1);
    expect(screen.getByText('No one has joined yet.', { exact: false })).toBeInTheDocument();
    await user.click(await screen.findByText('Removed attempts (1)'));
    const audit = screen.getByRole('region', { name: 'Removed attempts' });
    expect(
      within(audit).getByRole('row', { name: /^Test Student Submitted 1\.5 \/ 4 \(37\.5%\)/ }),
    ).toHaveTextContent('Ms Rivera');
  });

  it(
    'edits the settings in the assignment form and saves only what a change may send',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      const server = installFakeServer({
        'GET /api/teacher/me': () => TEACHER,
        [`GET ${BASE}`]: () => makeAssignment(),
        'GET /api/banks': () => [bankSummary],
        [`GET /api/banks/${bankSummary.id}`]: () => publicBank,
        [`PATCH ${BASE}`]: (request) => ({
          ...makeAssignment(),
          ...(request.body as object),
        }),
        [GRADEBOOK]: () => ({
          ...makeGradebook([]),
          assignment: makeAssignment({ title: 'Year 9 set 2: the bridge vote' }),
        }),
      });
      renderAt(`/teacher/assignments/${ASSIGNMENT_ID}/edit`);

      const title = await screen.findByRole('textbox', { name: 'Title' }, PAGE_LOAD);
      expect(
        screen.getByRole('heading', { level: 1, name: 'Edit assignment' }),
      ).toBeInTheDocument();
      expect(title).toHaveValue('Year 9: the bridge vote');
      expect(screen.getByRole('combobox', { name: 'Quiz' })).toBeDisabled();
      await user.clear(title);
      await user.type(title, 'Year 9 set 2: the bridge vote');
      await user.click(screen.getByRole('button', { name: 'Save changes' }));

      await screen.findByRole('heading', { level: 1, name: 'Year 9 set 2: the bridge vote' });
      const [patch] = server.requestsTo(`PATCH ${BASE}`);
      expect(patch?.body).toMatchObject({
        title: 'Year 9 set 2: the bridge vote',
        questionIds: sampleQuestions.map((question) => question.id),
        timeLimitMinutes: 10,
        attemptsAllowed: 1,
      });
      expect(patch?.body).not.toHaveProperty('bankId');
    },
  );

  it('shows one name per student, however each attempt was typed', async () => {
    serve(() => [
      submittedRow('Ana Lopez', 5, 6),
      submittedRow('ana lopez', 8, 6, { studentKey: 'ana lopez', attemptNumber: 2 }),
    ]);
    await openAssignment();

    expect(studentOrder()).toEqual(['Ana Lopez (attempt 1)', 'Ana Lopez (attempt 2)']);
    expect(screen.queryByText('ana lopez')).not.toBeInTheDocument();
  });
});
