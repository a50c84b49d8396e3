import { describe, expect, it } from 'vitest';
import type { AttemptResult } from '../../../src/domain/results';
import {
  createAssignment,
  createTeacherTestApp,
  joinAs,
  saveAnswer,
  send,
  signUpTeacher,
  studentRequest,
  submit,
  type JoinedAttempt,
  type SignedInTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';

/** The short question of the first shipped bank: "North Korea", "North Korean", "DPRK". */
const SHORT = 'context-north-korea';

async function setUp() {
  const testApp = await createTeacherTestApp();
  const teacher = await signUpTeacher(testApp);
  const assignment = await createAssignment(testApp, teacher, {
    questionIds: [SHORT],
    attemptsAllowed: null,
    reviewPolicy: { when: 'immediately', show: 'full' },
  });
  return { testApp, teacher, assignment };
}

async function submitShort(
  testApp: TeacherTestApp,
  code: string,
  name: string,
  text: string,
): Promise<JoinedAttempt> {
  const student = await joinAs(testApp, code, name);
  expect((await saveAnswer(testApp, student, SHORT, { text })).status).toBe(200);
  expect((await submit(testApp, student)).status).toBe(200);
  return student;
}

function accept(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  assignmentId: string,
  answer: string,
) {
  return send(testApp, 'POST', `/api/teacher/assignments/${assignmentId}/accepted-answers`, {
    cookie: teacher.cookie,
    body: { questionId: SHORT, answer },
  });
}

async function scoresOf(testApp: TeacherTestApp, teacher: SignedInTeacher, assignmentId: string) {
  const response = await send(
    testApp,
    'GET',
    `/api/teacher/assignments/${assignmentId}/gradebook`,
    {
      cookie: teacher.cookie,
    },
  );
  const body = (await response.json()) as { attempts: { studentName: string; score: number }[] };
  return Object.fromEntries(body.attempts.map((attempt) => [attempt.studentName, attempt.score]));
}

async function reviewOf(testApp: TeacherTestApp, student: JoinedAttempt) {
  const response = await studentRequest(
    testApp,
    'GET',
    `/api/attempts/${student.attemptId}/review`,
    student.token,
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: AttemptResult }).result;
}

describe('accepting a typed answer (regrade)', () => {
  it('regrades every attempt with the same normalised answer, once however often accepted', async () => {
    const { testApp, teacher, assignment } = await setUp();
    await submitShort(testApp, assignment.joinCode, 'Ann', 'Pyongyang troops');
    await submitShort(testApp, assignment.joinCode, 'Bo', 'pyongyang  TROOPS!');
    await submitShort(testApp, assignment.joinCode, 'Cy', 'China');
    expect(await scoresOf(testApp, teacher, assignment.id)).toEqual({ Ann: 0, Bo: 0, Cy: 0 });

    const first = await accept(testApp, teacher, assignment.id, 'Pyongyang troops');
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ created: true, attemptsRegraded: 2 });
    expect(await scoresOf(testApp, teacher, assignment.id)).toEqual({ Ann: 1, Bo: 1, Cy: 0 });

    const again = await accept(testApp, teacher, assignment.id, '“PYONGYANG troops.”');
    expect(await again.json()).toMatchObject({ created: false, attemptsRegraded: 0 });
    const history = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignment.id}/accepted-answers`,
      { cookie: teacher.cookie },
    );
    expect(await history.json()).toMatchObject([
      { questionId: SHORT, exampleAnswer: 'Pyongyang troops', acceptedBy: 'Ms Rivera' },
    ]);
  });

  it('undoes an acceptance, restores the scores and keeps who undid it in the history', async () => {
    const { testApp, teacher, assignment } = await setUp();
    await submitShort(testApp, assignment.joinCode, 'Ann', 'Pyongyang troops');
    const accepted = (await (
      await accept(testApp, teacher, assignment.id, 'pyongyang troops')
    ).json()) as { acceptance: { id: string } };
    testApp.clock.advanceMinutes(5);
    const revoke = await send(
      testApp,
      'POST',
      `/api/teacher/assignments/${assignment.id}/accepted-answers/${accepted.acceptance.id}/revoke`,
      { cookie: teacher.cookie },
    );
    expect(revoke.status).toBe(200);
    expect(await revoke.json()).toMatchObject({
      attemptsRegraded: 1,
      acceptance: { revokedBy: 'Ms Rivera', revokedAt: '2026-03-02T09:05:00.000Z' },
    });
    expect(await scoresOf(testApp, teacher, assignment.id)).toEqual({ Ann: 0 });
  });

  it('scores attempts submitted later with the acceptance, and the review says so', async () => {
    const { testApp, teacher, assignment } = await setUp();
    await accept(testApp, teacher, assignment.id, 'Pyongyang troops');
    const dee = await submitShort(testApp, assignment.joinCode, 'Dee', 'Pyongyang Troops');
    expect(await scoresOf(testApp, teacher, assignment.id)).toEqual({ Dee: 1 });
    const review = await reviewOf(testApp, dee);
    expect(review.questions[0]).toMatchObject({ status: 'correct', acceptedByTeacher: true });
  });

  it('answers 404 to another teacher', async () => {
    const { testApp, teacher, assignment } = await setUp();
    // The owner may: so the 404 below is about ownership, not a missing route.
    expect((await accept(testApp, teacher, assignment.id, 'Pyongyang troops')).status).toBe(200);
    const other = await signUpTeacher(testApp, 'Mr Other');
    expect((await accept(testApp, other, assignment.id, 'anything')).status).toBe(404);
    const history = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignment.id}/accepted-answers`,
      { cookie: other.cookie },
    );
    expect(history.status).toBe(404);
  });

  it('refuses a blank answer with a plain error', async () => {
    const { testApp, teacher, assignment } = await setUp();
    const response = await accept(testApp, teacher, assignment.id, '   ');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('Type the answer to accept.');
  });
});
