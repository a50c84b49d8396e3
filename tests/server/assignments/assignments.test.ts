import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_DEFAULTS } from '../../../src/domain/assignment-choices';
import { JOIN_CODE_ALPHABET } from '../../../src/domain/assignment-rules';
import {
  assignmentRoutes,
  createAssignment,
  createTeacherTestApp,
  createTeacherWithAssignment,
  firstBankId,
  join,
  joinAs,
  send,
  signUpTeacher,
  studentRequest,
  type AssignmentBody,
} from '../teacher-test-app';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** A random source that yields `sequence` (indexes into the code alphabet) over and over. */
function fixedRandom(sequence: number[]) {
  let call = 0;
  return (max: number) => (sequence[call++ % sequence.length] ?? 0) % max;
}

describe('creating an assignment', () => {
  it('takes the whole bank with classroom defaults and a join code without look-alikes', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const bankId = firstBankId(testApp);
    const assignment = await createAssignment(testApp, teacher);
    const bank = testApp.content.banks.get(bankId)?.bank;
    expect(assignment).toMatchObject({
      title: 'Kursk visit, period 3',
      bankId,
      questionIds: bank?.questions.map((question) => question.id),
      questionCount: bank?.questions.length,
      opensAt: '2026-03-02T09:00:00.000Z',
      ...ASSIGNMENT_DEFAULTS,
      status: 'open',
      attemptCount: 0,
    });
    expect(assignment.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(assignment.joinPath).toBe(`/join/${assignment.joinCode}`);
    expect(assignment.joinUrl).toBe(`http://localhost/join/${assignment.joinCode}`);
    expect(assignment.maxPoints).toBeGreaterThan(0);
  });

  it('keeps a chosen subset of questions in bank order, with every setting', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const bank = testApp.content.banks.get(firstBankId(testApp))?.bank;
    const ids = bank?.questions.map((question) => question.id) ?? [];
    const chosen = [ids[4], ids[0], ids[2]];
    // Kept as sent, but for these four: normalised, or sorted into bank order.
    const keptAsSent = {
      timeLimitMinutes: 10,
      attemptsAllowed: null,
      countedAttempt: 'average',
      shuffleQuestions: false,
      shuffleOptions: false,
      reviewPolicy: { when: 'immediately', show: 'score' },
    };
    const assignment = await createAssignment(testApp, teacher, {
      ...keptAsSent,
      questionIds: chosen,
      opensAt: '2026-03-02T10:00:00+01:00',
      dueAt: '2026-03-09T17:00:00Z',
      extraTime: { '  ann   LEE ': 5 },
    });
    expect(assignment).toMatchObject({
      ...keptAsSent,
      questionIds: [ids[0], ids[2], ids[4]],
      questionCount: 3,
      opensAt: '2026-03-02T09:00:00.000Z',
      dueAt: '2026-03-09T17:00:00.000Z',
      extraTime: { 'ann LEE': 5 },
    });
  });

  it('refuses unknown questions, a due time before the opening, unknown fields and banks', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const bankId = firstBankId(testApp);
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ questionIds: ['no-such-question'] }, 400, 'invalid-assignment'],
      [{ questionIds: [] }, 400, 'invalid-request'],
      [{ dueAt: '2026-03-01T09:00:00Z' }, 400, 'invalid-assignment'],
      [{ extraTime: { Ann: 5, ' ann ': 10 } }, 400, 'invalid-assignment'],
      [{ attemptsAllowed: 0 }, 400, 'invalid-request'],
      [{ timeLimit: 10 }, 400, 'invalid-request'],
      [{ reviewPolicy: { when: 'later', show: 'full' } }, 400, 'invalid-request'],
      [{ bankId: 'no-such-bank' }, 404, 'bank-not-found'],
    ];
    for (const [settings, status, code] of refusals) {
      const response = await send(testApp, 'POST', '/api/teacher/assignments', {
        cookie: teacher.cookie,
        body: { bankId, title: 'T', ...settings },
      });
      expect(response.status, JSON.stringify(settings)).toBe(status);
      expect(((await response.json()) as ErrorBody).error.code).toBe(code);
    }
  });
});

describe('join codes', () => {
  it('are unique among open assignments: a collision is retried with a fresh code', async () => {
    // The first code drawn is AAAAAA both times, then BBBBBB.
    const testApp = await createTeacherTestApp({
      randomIndex: fixedRandom([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]),
    });
    const teacher = await signUpTeacher(testApp);
    const first = await createAssignment(testApp, teacher);
    const second = await createAssignment(testApp, teacher);
    expect(first.joinCode).toBe('AAAAAA');
    expect(second.joinCode).toBe('BBBBBB');
  });

  it('are freed when an assignment closes, and reopening finds a new one if taken', async () => {
    const draws = (letterIndex: number) => Array<number>(6).fill(letterIndex);
    const testApp = await createTeacherTestApp({
      randomIndex: fixedRandom([...draws(0), ...draws(2), ...draws(0), ...draws(3)]),
    });
    const teacher = await signUpTeacher(testApp);
    const first = await createAssignment(testApp, teacher);
    expect(first.joinCode).toBe('AAAAAA');
    const closed = await send(testApp, 'POST', `/api/teacher/assignments/${first.id}/close`, {
      cookie: teacher.cookie,
    });
    expect(await closed.json()).toMatchObject({
      status: 'closed',
      closedAt: '2026-03-02T09:00:00.000Z',
    });
    // CCCCCC is drawn first for the second assignment, then AAAAAA is free again.
    const second = await createAssignment(testApp, teacher);
    expect(second.joinCode).toBe('CCCCCC');
    const third = await createAssignment(testApp, teacher);
    expect(third.joinCode).toBe('AAAAAA');
    const reopened = await send(testApp, 'POST', `/api/teacher/assignments/${first.id}/reopen`, {
      cookie: teacher.cookie,
    });
    const body = (await reopened.json()) as AssignmentBody;
    expect(body.status).toBe('open');
    expect(body.joinCode).toBe('DDDDDD');
  });

  it('are shown as a QR code of the join link', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const response = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignment.id}/qr.svg`,
      {
        cookie: teacher.cookie,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^image\/svg\+xml/);
    const svg = await response.text();
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toMatch(/<path[^>]+d="M/);
  });

  it('link to the public origin when one is configured', async () => {
    const { assignment } = await createTeacherWithAssignment(
      {},
      { publicOrigin: 'https://quiz.school.example' },
    );
    expect(assignment.joinUrl).toBe(`https://quiz.school.example/join/${assignment.joinCode}`);
  });
});

describe('managing assignments', () => {
  it('lists only the teacher’s own, newest first, with attempt counts', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const other = await signUpTeacher(testApp, 'Mr Okafor');
    const older = await createAssignment(testApp, teacher, { title: 'Older' });
    testApp.clock.advanceMinutes(1);
    await createAssignment(testApp, teacher, { title: 'Newer' });
    await createAssignment(testApp, other, { title: 'Someone else’s' });
    await joinAs(testApp, older.joinCode, 'Sam');
    const response = await send(testApp, 'GET', '/api/teacher/assignments', {
      cookie: teacher.cookie,
    });
    const list = (await response.json()) as AssignmentBody[];
    expect(list.map((assignment) => assignment.title)).toEqual(['Newer', 'Older']);
    expect(list[1]).toMatchObject({ attemptCount: 1, submittedCount: 0, studentCount: 1 });
  });

  it('changes settings, and refuses to change the questions once students started', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const path = `/api/teacher/assignments/${assignment.id}`;
    const renamed = await send(testApp, 'PATCH', path, {
      cookie: teacher.cookie,
      body: {
        title: 'Renamed',
        questionIds: assignment.questionIds.slice(0, 2),
        dueAt: '2026-03-03T09:00:00Z',
      },
    });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({
      title: 'Renamed',
      questionCount: 2,
      dueAt: '2026-03-03T09:00:00.000Z',
      bankId: assignment.bankId,
      joinCode: assignment.joinCode,
    });
    await joinAs(testApp, assignment.joinCode, 'Sam');
    const refused = await send(testApp, 'PATCH', path, {
      cookie: teacher.cookie,
      body: { questionIds: assignment.questionIds.slice(0, 3) },
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('assignment-has-attempts');
    const bankChange = await send(testApp, 'PATCH', path, {
      cookie: teacher.cookie,
      body: { bankId: 'another-bank' },
    });
    expect(bankChange.status).toBe(400);
  });

  it('moves the deadline of attempts in progress when the timing changes', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment({
      timeLimitMinutes: 10,
    });
    const student = await joinAs(testApp, assignment.joinCode, 'Ann Lee');
    expect(student.deadline).toBe('2026-03-02T09:10:00.000Z');
    testApp.clock.advanceMinutes(5);
    await send(testApp, 'PATCH', `/api/teacher/assignments/${assignment.id}`, {
      cookie: teacher.cookie,
      body: { timeLimitMinutes: 20, extraTime: { 'ANN LEE': 5 } },
    });
    const view = await studentRequest(
      testApp,
      'GET',
      `/api/attempts/${student.attemptId}`,
      student.token,
    );
    expect(await view.json()).toMatchObject({ deadline: '2026-03-02T09:25:00.000Z' });
  });

  it('deletes an assignment with its attempts', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const student = await joinAs(testApp, assignment.joinCode, 'Sam');
    const path = `/api/teacher/assignments/${assignment.id}`;
    expect((await send(testApp, 'DELETE', path, { cookie: teacher.cookie })).status).toBe(204);
    expect((await send(testApp, 'GET', path, { cookie: teacher.cookie })).status).toBe(404);
    const attempt = await studentRequest(
      testApp,
      'GET',
      `/api/attempts/${student.attemptId}`,
      student.token,
    );
    expect(attempt.status).toBe(404);
    expect((await join(testApp, assignment.joinCode, 'Sam')).status).toBe(404);
  });
});

describe('duplicating an assignment', () => {
  it('copies the quiz and settings under a new code, opening now, due as long after', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const bank = testApp.content.banks.get(firstBankId(testApp))?.bank;
    const ids = bank?.questions.map((question) => question.id) ?? [];
    const copiedAsTheyAre = {
      questionIds: [ids[0], ids[1]],
      timeLimitMinutes: 20,
      attemptsAllowed: 2,
      reviewPolicy: { when: 'immediately', show: 'score' },
      extraTime: { 'Ann Lee': 10 },
    };
    const original = await createAssignment(testApp, teacher, {
      ...copiedAsTheyAre,
      opensAt: '2026-03-01T09:00:00Z',
      dueAt: '2026-03-08T09:00:00Z',
    });
    await joinAs(testApp, original.joinCode, 'Sam');
    testApp.clock.set('2026-03-05T12:00:00Z');

    const response = await send(
      testApp,
      'POST',
      `/api/teacher/assignments/${original.id}/duplicate`,
      { cookie: teacher.cookie },
    );
    expect(response.status).toBe(201);
    const copy = (await response.json()) as AssignmentBody;
    expect(copy.id).not.toBe(original.id);
    expect(copy.joinCode).not.toBe(original.joinCode);
    expect(copy).toMatchObject({
      ...copiedAsTheyAre,
      title: 'Kursk visit, period 3 (copy)',
      opensAt: '2026-03-05T12:00:00.000Z',
      dueAt: '2026-03-12T12:00:00.000Z',
      status: 'open',
      attemptCount: 0,
    });
    // Both are listed, and students can join the copy with its own code.
    const list = await send(testApp, 'GET', '/api/teacher/assignments', { cookie: teacher.cookie });
    expect(((await list.json()) as AssignmentBody[]).map((item) => item.id)).toEqual([
      copy.id,
      original.id,
    ]);
    expect((await join(testApp, copy.joinCode, 'Sam')).status).toBe(201);
  });
});

describe('removing a stray attempt', () => {
  interface Removal {
    attemptId: string;
    removedBy: string;
    removedAt: string;
    studentName: string;
    status: string;
    score: number | null;
  }

  it('takes it out of the gradebook, statistics and CSV, and keeps who removed it when', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment({
      reviewPolicy: { when: 'immediately', show: 'full' },
    });
    const stray = await joinAs(testApp, assignment.joinCode, 'Test Student');
    await studentRequest(testApp, 'POST', `/api/attempts/${stray.attemptId}/submit`, stray.token);
    const sam = await joinAs(testApp, assignment.joinCode, 'Sam');
    await studentRequest(testApp, 'POST', `/api/attempts/${sam.attemptId}/submit`, sam.token);
    const base = `/api/teacher/assignments/${assignment.id}`;
    const get = (path: string) =>
      send(testApp, 'GET', `${base}${path}`, { cookie: teacher.cookie });

    testApp.clock.set('2026-03-02T09:30:00.000Z');
    const removed = await send(testApp, 'DELETE', `${base}/attempts/${stray.attemptId}`, {
      cookie: teacher.cookie,
    });
    expect(removed.status).toBe(204);

    const gradebook = (await (await get('/gradebook')).json()) as {
      attempts: { studentName: string }[];
    };
    expect(gradebook.attempts.map((row) => row.studentName)).toEqual(['Sam']);
    const statistics = (await (await get('/statistics')).json()) as { attemptCount: number };
    expect(statistics.attemptCount).toBe(1);
    const csv = await (await get('/export/summary.csv')).text();
    expect(csv).toContain('Sam');
    expect(csv).not.toContain('Test Student');
    // Its student may start again: the removed attempt no longer uses up their one attempt.
    expect((await join(testApp, assignment.joinCode, 'Test Student')).status).toBe(201);

    const audit = await get('/removed-attempts');
    expect(audit.status).toBe(200);
    expect((await audit.json()) as Removal[]).toEqual([
      expect.objectContaining({
        attemptId: stray.attemptId,
        removedBy: 'Ms Rivera',
        removedAt: '2026-03-02T09:30:00.000Z',
        studentName: 'Test Student',
        status: 'submitted',
        score: 0,
      }),
    ]);
    // Removing it again finds nothing, and records nothing more.
    const again = await send(testApp, 'DELETE', `${base}/attempts/${stray.attemptId}`, {
      cookie: teacher.cookie,
    });
    expect(again.status).toBe(404);
    expect(((await (await get('/removed-attempts')).json()) as Removal[]).length).toBe(1);
  });
});

describe('"after the due time" without a due time (issue 10.6)', () => {
  async function submittedStudent(settings: Record<string, unknown> = {}) {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment(settings);
    const student = await joinAs(testApp, assignment.joinCode, 'Sam');
    const base = `/api/attempts/${student.attemptId}`;
    const submission = await studentRequest(testApp, 'POST', `${base}/submit`, student.token);
    const review = () => studentRequest(testApp, 'GET', `${base}/review`, student.token);
    const patch = (body: unknown) =>
      send(testApp, 'PATCH', `/api/teacher/assignments/${assignment.id}`, {
        cookie: teacher.cookie,
        body,
      });
    const close = () =>
      send(testApp, 'POST', `/api/teacher/assignments/${assignment.id}/close`, {
        cookie: teacher.cookie,
      });
    return { submission, review, patch, close };
  }

  it('is the default, and shows nothing until the teacher closes the assignment', async () => {
    const { submission, review, close } = await submittedStudent();
    expect(await submission.json()).toMatchObject({ result: null, reviewAccess: 'none' });
    expect((await review()).status).toBe(403);
    expect((await close()).status).toBe(200);
    expect((await review()).status).toBe(200);
  });

  it('is what a PATCH of dueAt: null leaves: the review no longer opens at once', async () => {
    const { review, patch, close } = await submittedStudent({
      dueAt: '2026-03-02T10:00:00Z',
      reviewPolicy: { when: 'after-due', show: 'full' },
    });
    expect((await review()).status).toBe(403);
    expect((await patch({ dueAt: null })).status).toBe(200);
    const held = await review();
    expect(held.status).toBe(403);
    expect(((await held.json()) as ErrorBody).error).toMatchObject({
      code: 'review-not-available',
      details: { opensAt: null },
    });
    await close();
    expect((await review()).status).toBe(200);
  });
});

describe('a score-only review (issue 10.12)', () => {
  it('shows the total but no skill or difficulty holding fewer than 3 questions', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const bank = testApp.content.banks.get(firstBankId(testApp))?.bank;
    const [first, second] = bank?.questions ?? [];
    if (!first || !second) throw new Error('The first bank has fewer than two questions');
    const assignment = await createAssignment(testApp, teacher, {
      questionIds: [first.id, second.id],
      reviewPolicy: { when: 'immediately', show: 'score' },
    });
    const student = await joinAs(testApp, assignment.joinCode, 'Sam');
    const base = `/api/attempts/${student.attemptId}`;
    await studentRequest(testApp, 'POST', `${base}/submit`, student.token);
    const review = await studentRequest(testApp, 'GET', `${base}/review`, student.token);
    const body = (await review.json()) as { reviewAccess: string; result: Record<string, unknown> };
    expect(body.reviewAccess).toBe('score');
    expect(body.result).toMatchObject({ total: 0, percent: 0, questions: [] });
    // Two questions: any group would hold one or two of them, so no group is shown.
    expect(body.result.bySkill).toEqual({});
    expect(body.result.byDifficulty).toEqual({});
  });
});

describe('another teacher’s assignment', () => {
  it('is a 404 on every route, and stays unchanged', async () => {
    const testApp = await createTeacherTestApp();
    const owner = await signUpTeacher(testApp);
    const intruder = await signUpTeacher(testApp, 'Mr Okafor');
    const assignment = await createAssignment(testApp, owner);
    const student = await joinAs(testApp, assignment.joinCode, 'Sam');
    const base = `/api/teacher/assignments/${assignment.id}`;
    for (const [method, path] of assignmentRoutes(assignment.id, student.attemptId)) {
      const body = method === 'PATCH' ? { title: 'Taken over' } : undefined;
      const response = await send(testApp, method, path, { cookie: intruder.cookie, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('assignment-not-found');
    }
    const list = await send(testApp, 'GET', '/api/teacher/assignments', {
      cookie: intruder.cookie,
    });
    expect(await list.json()).toEqual([]);
    const unchanged = await send(testApp, 'GET', base, { cookie: owner.cookie });
    expect(await unchanged.json()).toMatchObject({
      title: assignment.title,
      closedAt: null,
      attemptCount: 1,
    });
  });

  it('does not lend its attempts to another assignment’s routes', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const other = await signUpTeacher(testApp, 'Mr Okafor');
    const own = await createAssignment(testApp, teacher);
    const theirs = await createAssignment(testApp, other);
    const student = await joinAs(testApp, theirs.joinCode, 'Sam');
    const response = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${own.id}/attempts/${student.attemptId}`,
      { cookie: teacher.cookie },
    );
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('attempt-not-found');
  });
});
