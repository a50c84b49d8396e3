import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StudentAssignment } from '../../../src/lib/assignment-api-client';
import { readAttemptRecord } from '../../../src/lib/attempt-records';
import { formatDateTime } from '../../../src/lib/format-date-time';
import { setScreenWide } from '../fixtures/fake-api';
import { sampleArticle, sampleQuestions } from '../fixtures/sample-quiz';
import { apiError, installFakeServer, json } from '../teacher/fake-server';
import { bankSummary, PAGE_LOAD, renderAt } from '../teacher/teacher-fixtures';

function studentAssignment(changes: Partial<StudentAssignment> = {}): StudentAssignment {
  return {
    code: 'K7MPQ2',
    title: 'Year 9: the bridge vote',
    bankId: bankSummary.id,
    bankTitle: bankSummary.title,
    articleId: sampleArticle.meta.id,
    articleTitle: sampleArticle.meta.title,
    questionCount: sampleQuestions.length,
    opensAt: '2026-03-02T09:00:00.000Z',
    dueAt: '2030-03-02T10:00:00.000Z',
    timeLimitMinutes: 10,
    attemptsAllowed: 1,
    reviewPolicy: { when: 'after-due', show: 'full' },
    allowHighlights: true,
    status: 'open',
    roster: 'none',
    ...changes,
  };
}

const attempt = {
  attemptId: 'joined-1',
  bankId: bankSummary.id,
  bankTitle: bankSummary.title,
  articleId: sampleArticle.meta.id,
  questions: sampleQuestions,
  responses: {},
  savedAt: {},
  status: 'in-progress',
  startedAt: '2026-03-02T09:05:00.000Z',
  deadline: '2030-03-02T09:15:00.000Z',
  submittedAt: null,
};

describe('joining an assignment', () => {
  beforeEach(() => {
    setScreenWide(true);
  });

  it('reads a typed code in any case and with spaces, and shows what the assignment is', async () => {
    installFakeServer({ 'GET /api/join/K7MPQ2': () => studentAssignment() });
    const user = userEvent.setup();
    renderAt('/join');

    await user.type(
      await screen.findByRole('textbox', { name: 'Code from your teacher' }, PAGE_LOAD),
      ' k7m pq2 ',
    );
    await user.click(screen.getByRole('button', { name: 'Join' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Year 9: the bridge vote' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Time limit').nextElementSibling).toHaveTextContent(
      '10 minutes, from when you start',
    );
    expect(screen.getByText('Results').nextElementSibling).toHaveTextContent(
      `You see your score and the right answers after ${formatDateTime('2030-03-02T10:00:00.000Z')}.`,
    );
    expect(screen.getByRole('textbox', { name: 'Your name' })).toBeInTheDocument();
  });

  it('says plainly when no assignment has the code, and offers to type it again', async () => {
    installFakeServer({
      'GET /api/join/ZZZZZZ': () =>
        apiError(404, 'assignment-not-found', 'No assignment has this code.'),
    });
    renderAt('/join/zzzzzz');

    expect(await screen.findByRole('alert', {}, PAGE_LOAD)).toHaveTextContent(
      'No assignment has the code ZZZZZZ. Check it with your teacher and type it again.',
    );
    expect(screen.getByRole('textbox', { name: 'Code from your teacher' })).toHaveValue('ZZZZZZ');
  });

  it('refuses a code that cannot be one before asking the server', async () => {
    const server = installFakeServer({});
    renderAt('/join/K0O1');

    expect(await screen.findByRole('alert', {}, PAGE_LOAD)).toHaveTextContent(
      '“K0O1” is not a join code.',
    );
    expect(server.requests).toEqual([]);
  });

  it.each([
    ['closed', 'Your teacher has closed this assignment'],
    ['past-due', `This assignment was due ${formatDateTime('2030-03-02T10:00:00.000Z')}`],
    ['scheduled', `This assignment opens ${formatDateTime('2026-03-02T09:00:00.000Z')}`],
  ] as const)('explains a %s assignment and offers no start', async (status, message) => {
    installFakeServer({ 'GET /api/join/K7MPQ2': () => studentAssignment({ status }) });
    renderAt('/join/K7MPQ2');

    expect(
      (await screen.findByText(message, { exact: false }, PAGE_LOAD)).closest('[role="status"]'),
    ).not.toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Your name' })).not.toBeInTheDocument();
  });

  it('asks for a name, starts the attempt, keeps its token here and opens the quiz', async () => {
    const server = installFakeServer({
      'GET /api/join/K7MPQ2': () => studentAssignment(),
      'POST /api/join/K7MPQ2': () =>
        new Response(JSON.stringify({ ...attempt, token: 'secret-token' }), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        }),
      'GET /api/attempts/joined-1': () => attempt,
      'GET /api/attempts/joined-1/article': () => sampleArticle,
    });
    const user = userEvent.setup();
    renderAt('/join/K7MPQ2');

    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }, PAGE_LOAD));
    const name = screen.getByRole('textbox', { name: 'Your name' });
    expect(name).toBeInvalid();
    expect(name).toHaveAccessibleDescription(/Type your name/);
    expect(server.requestsTo('POST /api/join/K7MPQ2')).toEqual([]);

    await user.type(name, '  Ann Lee ');
    await user.click(screen.getByRole('button', { name: 'Start the quiz' }));

    expect(await screen.findByRole('heading', { name: /Question 1 of 9/ })).toBeInTheDocument();
    expect(server.requestsTo('POST /api/join/K7MPQ2')[0]?.body).toEqual({ name: 'Ann Lee' });
    expect(readAttemptRecord('joined-1')).toMatchObject({
      token: 'secret-token',
      bankId: bankSummary.id,
      submitted: false,
    });
  });

  it('says when the student has used every attempt', async () => {
    installFakeServer({
      'GET /api/join/K7MPQ2': () => studentAssignment(),
      'POST /api/join/K7MPQ2': () =>
        apiError(409, 'attempts-used-up', 'Ann Lee has used all 1 attempt(s) at this assignment.', {
          attemptsAllowed: 1,
        }),
    });
    const user = userEvent.setup();
    renderAt('/join/K7MPQ2');

    await user.type(
      await screen.findByRole('textbox', { name: 'Your name' }, PAGE_LOAD),
      'Ann Lee',
    );
    await user.click(screen.getByRole('button', { name: 'Start the quiz' }));

    expect(
      await screen.findByText('Ann Lee has used all 1 attempt(s) at this assignment.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start the quiz' })).toBeEnabled();
  });
});

describe('a student name', () => {
  beforeEach(() => {
    setScreenWide(true);
  });

  it('made only of invisible characters is refused before asking the server, naming the field', async () => {
    const server = installFakeServer({ 'GET /api/join/K7MPQ2': () => studentAssignment() });
    const user = userEvent.setup();
    renderAt('/join/K7MPQ2');

    const name = await screen.findByRole('textbox', { name: 'Your name' }, PAGE_LOAD);
    await user.type(name, '\u200B\u200B\u202E');
    await user.click(screen.getByRole('button', { name: 'Start the quiz' }));

    expect(name).toBeInvalid();
    expect(name).toHaveAccessibleDescription(/“Your name” has no letters that can be shown/);
    expect(server.requestsTo('POST /api/join/K7MPQ2')).toEqual([]);
  });
});

describe('joining with a personal code', () => {
  beforeEach(() => {
    setScreenWide(true);
  });

  it('is the only way in when the class list is required, and reopens the unfinished quiz', async () => {
    const server = installFakeServer({
      'GET /api/join/K7MPQ2': () => studentAssignment({ roster: 'required' }),
      'POST /api/join/K7MPQ2/student': () => ({
        name: 'Ann Lee',
        attempts: [
          {
            attemptId: 'joined-1',
            token: 'derived-token',
            bankId: bankSummary.id,
            articleId: sampleArticle.meta.id,
            status: 'in-progress',
            startedAt: '2026-03-02T09:05:00.000Z',
            submittedAt: null,
          },
        ],
        attemptsLeft: 0,
      }),
      'GET /api/attempts/joined-1': () => attempt,
      'GET /api/attempts/joined-1/article': () => sampleArticle,
    });
    const user = userEvent.setup();
    renderAt('/join/K7MPQ2');

    const code = await screen.findByRole('textbox', { name: 'Your personal code' }, PAGE_LOAD);
    expect(screen.queryByRole('textbox', { name: 'Your name' })).not.toBeInTheDocument();

    await user.type(code, 'k7mp');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(code).toHaveAccessibleDescription(/A personal code has 8 letters and digits/);
    expect(server.requestsTo('POST /api/join/K7MPQ2/student')).toEqual([]);

    await user.clear(code);
    await user.type(code, 'k7mp-q2xa');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: /Question 1 of 9/ })).toBeInTheDocument();
    expect(server.requestsTo('POST /api/join/K7MPQ2/student')[0]?.body).toEqual({
      personalCode: 'K7MPQ2XA',
    });
    expect(readAttemptRecord('joined-1')).toMatchObject({
      token: 'derived-token',
      submitted: false,
    });
  });

  it('from a personal link, shows the student’s results on this device once the assignment closed', async () => {
    installFakeServer({
      'GET /api/join/K7MPQ2': () => studentAssignment({ roster: 'optional', status: 'closed' }),
      'POST /api/join/K7MPQ2/student': () => ({
        name: 'Ann Lee',
        attempts: [
          {
            attemptId: 'done-1',
            token: 'derived-token',
            bankId: bankSummary.id,
            articleId: sampleArticle.meta.id,
            status: 'submitted',
            startedAt: '2026-03-02T09:05:00.000Z',
            submittedAt: '2026-03-02T09:12:00.000Z',
          },
        ],
        attemptsLeft: 0,
      }),
    });
    const user = userEvent.setup();
    renderAt('/join/K7MPQ2/K7MPQ2XA');

    const code = await screen.findByRole('textbox', { name: 'Your personal code' }, PAGE_LOAD);
    expect(code).toHaveValue('K7MPQ2XA');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: 'Hello, Ann Lee' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'See your results' })).toHaveAttribute(
      'href',
      '/attempts/done-1/review',
    );
    expect(
      screen.getByText('You have used every attempt allowed at this assignment.'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: /Start/ })).not.toBeInTheDocument();
    expect(readAttemptRecord('done-1')).toMatchObject({ token: 'derived-token', submitted: true });
  });

  it('says plainly when no student has the code', async () => {
    installFakeServer({
      'GET /api/join/K7MPQ2': () => studentAssignment({ roster: 'required' }),
      'POST /api/join/K7MPQ2/student': () =>
        apiError(404, 'personal-code-not-found', 'No student on this class list has this code.'),
    });
    const user = userEvent.setup();
    renderAt('/join/K7MPQ2');

    const code = await screen.findByRole('textbox', { name: 'Your personal code' }, PAGE_LOAD);
    await user.type(code, 'AAAA-AAAA');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No student on the class list has this personal code. Check it with your teacher.',
    );
    expect(code).toBeInvalid();
  });
});

describe('the waiting page', () => {
  beforeEach(() => {
    setScreenWide(true);
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-03-02T08:58:00.000Z'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens by itself at the opening time and says so politely, without showing "Loading" again', async () => {
    const server = installFakeServer({
      'GET /api/join/K7MPQ2': () =>
        studentAssignment({ status: 'scheduled', opensAt: '2026-03-02T09:00:00.000Z' }),
    });
    renderAt('/join/K7MPQ2');

    const waiting = await screen.findByText(/Keep this page open/, {}, PAGE_LOAD);
    expect(waiting).toHaveTextContent(
      `This assignment opens ${formatDateTime('2026-03-02T09:00:00.000Z')}. Keep this page open: it updates by itself when the assignment opens.`,
    );
    expect(waiting).not.toHaveTextContent(/Come back/);
    expect(screen.queryByRole('textbox', { name: 'Your name' })).not.toBeInTheDocument();

    server.on('GET /api/join/K7MPQ2', () => json(studentAssignment({ status: 'open' })));
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(server.requestsTo('GET /api/join/K7MPQ2')).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(61_500));

    expect(await screen.findByRole('textbox', { name: 'Your name' })).toBeInTheDocument();
    expect(server.requestsTo('GET /api/join/K7MPQ2')).toHaveLength(2);
    expect(screen.queryByText('Looking up the code…')).not.toBeInTheDocument();
    expect(
      screen
        .getAllByRole('status')
        .some((region) =>
          region.textContent?.includes('The assignment is open now: you can start.'),
        ),
    ).toBe(true);
  });

  it('turns to "can no longer be started" by itself when the due time passes', async () => {
    const server = installFakeServer({
      'GET /api/join/K7MPQ2': () => studentAssignment({ dueAt: '2026-03-02T09:00:00.000Z' }),
    });
    renderAt('/join/K7MPQ2');
    expect(
      await screen.findByRole('textbox', { name: 'Your name' }, PAGE_LOAD),
    ).toBeInTheDocument();

    server.on('GET /api/join/K7MPQ2', () =>
      json(studentAssignment({ status: 'past-due', dueAt: '2026-03-02T09:00:00.000Z' })),
    );
    await act(() => vi.advanceTimersByTimeAsync(121_500));

    expect(
      await screen.findByText(/it can no longer be started/, { selector: '.notice p' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Your name' })).not.toBeInTheDocument();
  });
});
