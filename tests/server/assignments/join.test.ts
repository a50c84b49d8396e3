import { describe, expect, it } from 'vitest';
import { findKeyFields } from '../key-leaks';
import {
  createAssignment,
  createTeacherTestApp,
  createTeacherWithAssignment,
  join,
  joinAs,
  send,
  signUpTeacher,
  type AssignmentBody,
} from '../teacher-test-app';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

async function errorOf(response: Response): Promise<ErrorBody['error']> {
  return ((await response.json()) as ErrorBody).error;
}

describe('GET /api/join/:code', () => {
  it('tells a student what the code opens, typed in any case and with a dash', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment({
      timeLimitMinutes: 10,
      dueAt: '2026-03-02T15:00:00Z',
    });
    const typed = `${assignment.joinCode.slice(0, 3).toLowerCase()}-${assignment.joinCode.slice(3)}`;
    const response = await send(testApp, 'GET', `/api/join/${typed}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      code: assignment.joinCode,
      title: assignment.title,
      bankId: assignment.bankId,
      bankTitle: expect.any(String) as string,
      articleId: 'putin-kursk-visit',
      articleTitle: expect.any(String) as string,
      questionCount: assignment.questionCount,
      opensAt: assignment.opensAt,
      dueAt: '2026-03-02T15:00:00.000Z',
      timeLimitMinutes: 10,
      attemptsAllowed: 1,
      reviewPolicy: { when: 'after-due', show: 'full' },
      allowHighlights: true,
      status: 'open',
      roster: 'none',
    });
    expect(findKeyFields(body, 'join')).toEqual([]);
  });

  it('answers 404 for a code no assignment has, or that cannot be a code', async () => {
    const { testApp } = await createTeacherWithAssignment();
    for (const code of ['ZZZZZZ', 'O0O0O0', 'short', 'x'.repeat(20)]) {
      const response = await send(testApp, 'GET', `/api/join/${code}`);
      expect(response.status, code).toBe(404);
      expect((await errorOf(response)).code).toBe('assignment-not-found');
    }
  });
});

describe('POST /api/join/:code', () => {
  it('starts an attempt at the assignment’s questions with a deadline from its time limit', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment({ timeLimitMinutes: 10 });
    const response = await join(testApp, assignment.joinCode, '  Sam   Ortiz ');
    expect(response.status).toBe(201);
    const attempt = (await response.json()) as {
      attemptId: string;
      token: string;
      questions: { id: string }[];
      responses: object;
      status: string;
      startedAt: string;
      deadline: string;
      studentName: string;
      assignment: { title: string; code: string };
    };
    expect(attempt).toMatchObject({
      status: 'in-progress',
      responses: {},
      startedAt: '2026-03-02T09:00:00.000Z',
      deadline: '2026-03-02T09:10:00.000Z',
      studentName: 'Sam Ortiz',
      assignment: { title: assignment.title, code: assignment.joinCode },
    });
    expect(attempt.token.length).toBeGreaterThan(30);
    expect(attempt.questions.map((question) => question.id).sort()).toEqual(
      [...assignment.questionIds].sort(),
    );
    expect(findKeyFields(attempt.questions, 'questions')).toEqual([]);
  });

  it('asks only the chosen questions, in bank order when shuffling is off', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const whole = await createAssignment(testApp, teacher);
    const chosen = [whole.questionIds[1], whole.questionIds[3], whole.questionIds[6]];
    const assignment = await createAssignment(testApp, teacher, {
      questionIds: chosen,
      shuffleQuestions: false,
      shuffleOptions: false,
    });
    // Not the printed copy: paper shuffles options with the assignment's print seed.
    const bank = testApp.content.banks.get(assignment.bankId)?.bank;
    const listsOf = (question: object) =>
      (['options', 'left', 'right'] as const).map((list) =>
        list in question
          ? (question as Record<typeof list, { id: string }[]>)[list].map((choice) => choice.id)
          : [],
      );
    const first = await joinAs(testApp, assignment.joinCode, 'Ann');
    expect(first.questions.map((question) => question.id)).toEqual(chosen);
    for (const question of first.questions) {
      const inBank = bank?.questions.find((candidate) => candidate.id === question.id);
      expect(listsOf(question), question.id).toEqual(listsOf(inBank ?? {}));
    }
    for (const name of ['Bo', 'Cy']) {
      const attempt = await joinAs(testApp, assignment.joinCode, name);
      expect(attempt.questions).toEqual(first.questions);
    }
  });

  it('gives each student an order of their own when shuffling is on', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment({ attemptsAllowed: null });
    const orders = new Set<string>();
    for (let student = 0; student < 5; student += 1) {
      const attempt = await joinAs(testApp, assignment.joinCode, `Student ${student}`);
      orders.add(attempt.questions.map((question) => question.id).join());
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('adds a student’s extra time, matching the name ignoring case and spacing', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment({
      timeLimitMinutes: 10,
      extraTime: { 'Ann Lee': 15 },
      attemptsAllowed: null,
    });
    const ann = await joinAs(testApp, assignment.joinCode, '  ann   LEE ');
    expect(ann.deadline).toBe('2026-03-02T09:25:00.000Z');
    const other = await joinAs(testApp, assignment.joinCode, 'Annie Lee');
    expect(other.deadline).toBe('2026-03-02T09:10:00.000Z');
  });

  it('ends an attempt at the due time when that comes before the time limit', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment({
      timeLimitMinutes: 30,
      dueAt: '2026-03-02T09:20:00Z',
    });
    const attempt = await joinAs(testApp, assignment.joinCode, 'Sam');
    expect(attempt.deadline).toBe('2026-03-02T09:20:00.000Z');
  });

  it('refuses before the opening time, after the due time, and once closed', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment({
      opensAt: '2026-03-02T10:00:00Z',
      dueAt: '2026-03-02T11:00:00Z',
    });
    const early = await join(testApp, assignment.joinCode, 'Sam');
    expect(early.status).toBe(409);
    expect(await errorOf(early)).toMatchObject({
      code: 'assignment-not-open-yet',
      details: { opensAt: '2026-03-02T10:00:00.000Z' },
    });
    const info = await send(testApp, 'GET', `/api/join/${assignment.joinCode}`);
    expect(await info.json()).toMatchObject({ status: 'scheduled' });

    testApp.clock.set('2026-03-02T10:30:00Z');
    expect((await join(testApp, assignment.joinCode, 'Sam')).status).toBe(201);

    testApp.clock.set('2026-03-02T11:00:01Z');
    const late = await join(testApp, assignment.joinCode, 'Bo');
    expect(late.status).toBe(409);
    expect(await errorOf(late)).toMatchObject({
      code: 'assignment-past-due',
      details: { dueAt: '2026-03-02T11:00:00.000Z' },
    });

    await send(testApp, 'PATCH', `/api/teacher/assignments/${assignment.id}`, {
      cookie: teacher.cookie,
      body: { dueAt: null },
    });
    expect((await join(testApp, assignment.joinCode, 'Bo')).status).toBe(201);
    await send(testApp, 'POST', `/api/teacher/assignments/${assignment.id}/close`, {
      cookie: teacher.cookie,
    });
    const closed = await join(testApp, assignment.joinCode, 'Cy');
    expect(closed.status).toBe(409);
    expect((await errorOf(closed)).code).toBe('assignment-closed');
  });

  it('counts the attempts allowed per student name, ignoring case and spacing', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment({ attemptsAllowed: 2 });
    expect((await join(testApp, assignment.joinCode, 'Ann Lee')).status).toBe(201);
    expect((await join(testApp, assignment.joinCode, 'ann lee')).status).toBe(201);
    const third = await join(testApp, assignment.joinCode, ' ANN  LEE');
    expect(third.status).toBe(409);
    expect(await errorOf(third)).toMatchObject({
      code: 'attempts-used-up',
      details: { attemptsAllowed: 2 },
    });
    expect((await join(testApp, assignment.joinCode, 'Bo')).status).toBe(201);
  });

  it('lets a student join as often as they like when attempts are unlimited', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment({ attemptsAllowed: null });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await join(testApp, assignment.joinCode, 'Ann')).status).toBe(201);
    }
  });

  it('refuses a blank name, and a join posted from another site', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment();
    expect((await join(testApp, assignment.joinCode, '   ')).status).toBe(400);
    const forged = await send(testApp, 'POST', `/api/join/${assignment.joinCode}`, {
      origin: 'https://evil.example',
      body: { name: 'Sam' },
    });
    expect(forged.status).toBe(403);
    expect(await countAttempts(testApp, assignment)).toBe(0);
  });
});

describe('a student name', () => {
  /** One name typed seven ways that look the same: the attack of the trust issue (10.5). */
  const VARIANTS = [
    'Ann Lee',
    'A\u200Bnn Lee', // zero-width space
    'An\u00ADn Lee', // soft hyphen
    '\u0410nn Lee', // Cyrillic capital A
    'Ann L\u0435\u0435', // Cyrillic small ie, twice
    'Ann\u2060 Lee\u200D', // word joiner, zero-width joiner
    '\u202BAnn Lee\u202C', // right-to-left embedding
  ];

  it('typed seven look-alike ways gets the one attempt allowed, not seven', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment({ attemptsAllowed: 1 });
    const statuses = [];
    for (const name of VARIANTS)
      statuses.push((await join(testApp, assignment.joinCode, name)).status);
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409]);
    expect(await countAttempts(testApp, assignment)).toBe(1);
  });

  it('is stored without invisible or direction-changing characters', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment({ attemptsAllowed: null });
    const attempt = await joinAs(testApp, assignment.joinCode, '\u202Enimda');
    expect(attempt.studentName).toBe('nimda');
    const spaced = await joinAs(testApp, assignment.joinCode, 'Bo\u200B\u200B  Chen\u00AD');
    expect(spaced.studentName).toBe('Bo Chen');
  });

  it('is refused, naming the field, when nothing visible is left', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment();
    for (const name of ['\u200B\u200B', '\u202E', '\u00AD \u2060', '\u2800']) {
      const response = await join(testApp, assignment.joinCode, name);
      expect(response.status, JSON.stringify(name)).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('invalid-name');
      expect(error.message).toMatch(/“Your name”/);
    }
    expect(await countAttempts(testApp, assignment)).toBe(0);
  });
});

async function countAttempts(
  testApp: Awaited<ReturnType<typeof createTeacherTestApp>>,
  assignment: AssignmentBody,
): Promise<number> {
  const rows = await testApp.db
    .selectFrom('attempts')
    .select('id')
    .where('assignment_id', '=', assignment.id)
    .execute();
  return rows.length;
}
