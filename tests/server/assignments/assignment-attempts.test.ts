import { describe, expect, it } from 'vitest';
import type { AttemptResult } from '../../../src/domain/results';
import { submitOverdueAttempts } from '../../../src/server/attempts/attempt-lifecycle';
import { createContentStore } from '../../../src/server/content/content-store';
import { getAttempt as readAttempt } from '../../../src/server/attempts/attempt-queries';
import { findKeyFields, findSecretProse } from '../key-leaks';
import { buildSomeResponse } from '../test-app';
import {
  createTeacherTestApp,
  createTeacherWithAssignment,
  joinAs,
  readAnswerKey,
  saveAnswer,
  send,
  studentRequest,
  submit,
  type JoinedAttempt,
  type TeacherTestApp,
} from '../teacher-test-app';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

interface SubmissionBody {
  status: string;
  submittedAt: string;
  result: AttemptResult | null;
  reviewAccess: string;
  reviewAvailable: boolean;
  reviewOpensAt: string | null;
}

async function setUp(settings: Record<string, unknown>) {
  const { testApp, teacher, assignment } = await createTeacherWithAssignment(settings);
  const student = await joinAs(testApp, assignment.joinCode, 'Sam');
  return { testApp, teacher, assignment, student };
}

function getAttempt(testApp: TeacherTestApp, student: JoinedAttempt) {
  return studentRequest(testApp, 'GET', `/api/attempts/${student.attemptId}`, student.token);
}

function getReview(testApp: TeacherTestApp, student: JoinedAttempt) {
  return studentRequest(testApp, 'GET', `/api/attempts/${student.attemptId}/review`, student.token);
}

describe('deadlines', () => {
  it('accept answers until the deadline and its 30 s grace, then refuse them without change', async () => {
    const { testApp, student } = await setUp({ timeLimitMinutes: 10 });
    const [first, second] = student.questions;
    if (!first || !second) throw new Error('Too few questions');
    testApp.clock.advanceMinutes(9);
    expect((await saveAnswer(testApp, student, first.id, buildSomeResponse(first, 0))).status).toBe(
      200,
    );
    testApp.clock.advanceSeconds(60 + 30);
    expect(
      (await saveAnswer(testApp, student, second.id, buildSomeResponse(second, 0))).status,
    ).toBe(200);
    testApp.clock.advanceSeconds(1);
    const late = await saveAnswer(testApp, student, first.id, buildSomeResponse(first, 1));
    expect(late.status).toBe(409);
    expect(((await late.json()) as ErrorBody).error.code).toBe('deadline-passed');

    const attempt = (await (await getAttempt(testApp, student)).json()) as {
      status: string;
      responses: Record<string, unknown>;
      submittedAt: string;
    };
    expect(attempt.responses).toEqual({
      [first.id]: buildSomeResponse(first, 0),
      [second.id]: buildSomeResponse(second, 0),
    });
    // The late answer did not change it, and the attempt was submitted with what was saved.
    expect(attempt.status).toBe('submitted');
    expect(attempt.submittedAt).toBe('2026-03-02T09:10:00.000Z');
  });

  it('submit an overdue attempt with what was saved, when the student submits late', async () => {
    const { testApp, student, teacher, assignment } = await setUp({
      timeLimitMinutes: 10,
      reviewPolicy: { when: 'immediately', show: 'full' },
    });
    const key = await readAnswerKey(testApp, teacher, assignment.id);
    const [first] = student.questions;
    if (!first) throw new Error('No question');
    await saveAnswer(testApp, student, first.id, key.get(first.id));
    testApp.clock.advanceMinutes(30);
    const late = await submit(testApp, student);
    expect(late.status).toBe(200);
    const body = (await late.json()) as SubmissionBody;
    expect(body.submittedAt).toBe('2026-03-02T09:10:00.000Z');
    expect(body.result?.questions.find((item) => item.question.id === first.id)?.status).toBe(
      'correct',
    );
    expect(body.result?.total).toBe(
      body.result?.questions.find((item) => item.question.id === first.id)?.points,
    );
  });

  it('are enforced by a sweep even if nobody opens the attempt again', async () => {
    const { testApp, student } = await setUp({ timeLimitMinutes: 10 });
    const [first] = student.questions;
    if (!first) throw new Error('No question');
    await saveAnswer(testApp, student, first.id, buildSomeResponse(first));
    const store = createContentStore(testApp.db, testApp.content);
    await submitOverdueAttempts({ db: testApp.db, store }, new Date('2026-03-02T09:10:30.000Z'));
    const still = await testApp.db
      .selectFrom('attempts')
      .select('status')
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('in-progress');
    await submitOverdueAttempts({ db: testApp.db, store }, new Date('2026-03-02T09:10:31.000Z'));
    const row = await testApp.db
      .selectFrom('attempts')
      .select(['id', 'status', 'submitted_by', 'submitted_at'])
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'submitted',
      submitted_by: 'deadline',
      submitted_at: '2026-03-02T09:10:00.000Z',
    });
    const result = (await readAttempt(testApp.db, row.id))?.result;
    expect(result?.questions.find((item) => item.question.id === first.id)?.response).toEqual(
      buildSomeResponse(first),
    );
  });

  it('leave practice attempts untimed', async () => {
    const testApp = await createTeacherTestApp();
    const response = await testApp.app.request('/api/attempts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ bankId: [...testApp.content.banks.values()][0]?.bank.id }),
    });
    const attempt = (await response.json()) as JoinedAttempt;
    expect(attempt.deadline).toBeNull();
    testApp.clock.advanceMinutes(60 * 24 * 30);
    const [first] = attempt.questions;
    if (!first) throw new Error('No question');
    expect((await saveAnswer(testApp, attempt, first.id, buildSomeResponse(first))).status).toBe(
      200,
    );
  });
});

/** Every response a student can get for their attempt: attempt, answers, submission, review. */
async function collectStudentResponses(testApp: TeacherTestApp, student: JoinedAttempt) {
  const collected: { label: string; status: number; body: unknown }[] = [];
  const collect = async (label: string, response: Promise<Response>) => {
    const answered = await response;
    collected.push({ label, status: answered.status, body: await answered.json() });
  };
  for (const question of student.questions) {
    await collect(
      `save ${question.id}`,
      saveAnswer(testApp, student, question.id, buildSomeResponse(question)),
    );
  }
  await collect('attempt', getAttempt(testApp, student));
  await collect('review before submitting', getReview(testApp, student));
  await collect('submit', submit(testApp, student));
  await collect('submit again', submit(testApp, student));
  await collect('attempt after submitting', getAttempt(testApp, student));
  await collect('review', getReview(testApp, student));
  return collected;
}

function expectNoKey(testApp: TeacherTestApp, collected: { label: string; body: unknown }[]) {
  for (const { label, body } of collected) {
    expect(findKeyFields(body, label), label).toEqual([]);
    expect(findSecretProse(testApp.content, body), label).toEqual([]);
  }
}

describe('the review policy', () => {
  it('immediately, full: the submission and the review show every answer', async () => {
    const { testApp, student } = await setUp({
      reviewPolicy: { when: 'immediately', show: 'full' },
    });
    const submission = (await (await submit(testApp, student)).json()) as SubmissionBody;
    expect(submission).toMatchObject({
      reviewAccess: 'full',
      reviewAvailable: true,
      reviewOpensAt: null,
    });
    expect(submission.result?.questions).toHaveLength(student.questions.length);
    const review = await getReview(testApp, student);
    expect(review.status).toBe(200);
    const body = (await review.json()) as { result: AttemptResult; reviewAccess: string };
    expect(body.reviewAccess).toBe('full');
    expect(body.result.questions[0]?.explanation).toEqual(expect.any(String));
  });

  it('immediately, score only: the score, and never an answer, explanation or evidence', async () => {
    const { testApp, student } = await setUp({
      reviewPolicy: { when: 'immediately', show: 'score' },
    });
    const collected = await collectStudentResponses(testApp, student);
    expectNoKey(testApp, collected);
    const submission = collected.find((item) => item.label === 'submit')?.body as SubmissionBody;
    expect(submission).toMatchObject({ reviewAccess: 'score', reviewAvailable: true });
    expect(submission.result).toMatchObject({
      total: expect.any(Number) as number,
      maxPoints: expect.any(Number) as number,
      percent: expect.any(Number) as number,
      questions: [],
    });
    const review = collected.find((item) => item.label === 'review');
    expect(review?.status).toBe(200);
    expect(review?.body).toMatchObject({ reviewAccess: 'score', result: { questions: [] } });
  });

  it('after the due time: nothing until then, the full review after it and its grace', async () => {
    const { testApp, student } = await setUp({
      dueAt: '2026-03-02T10:00:00Z',
      reviewPolicy: { when: 'after-due', show: 'full' },
    });
    const collected = await collectStudentResponses(testApp, student);
    expectNoKey(testApp, collected);
    const submission = collected.find((item) => item.label === 'submit')?.body as SubmissionBody;
    expect(submission).toMatchObject({
      result: null,
      reviewAccess: 'none',
      reviewAvailable: false,
      reviewOpensAt: '2026-03-02T10:00:30.000Z',
    });
    const early = collected.find((item) => item.label === 'review');
    expect(early?.status).toBe(403);
    expect(early?.body).toMatchObject({
      error: { code: 'review-not-available', details: { opensAt: '2026-03-02T10:00:30.000Z' } },
    });

    testApp.clock.set('2026-03-02T10:00:29Z');
    expect((await getReview(testApp, student)).status).toBe(403);
    testApp.clock.set('2026-03-02T10:00:30Z');
    const review = await getReview(testApp, student);
    expect(review.status).toBe(200);
    const body = (await review.json()) as { result: AttemptResult };
    expect(body.result.questions).toHaveLength(student.questions.length);
  });

  it('never: no review at any time, not even the score', async () => {
    const { testApp, student } = await setUp({ reviewPolicy: { when: 'never', show: 'full' } });
    const collected = await collectStudentResponses(testApp, student);
    expectNoKey(testApp, collected);
    const submission = collected.find((item) => item.label === 'submit')?.body as SubmissionBody;
    expect(submission).toMatchObject({ result: null, reviewAccess: 'none', reviewOpensAt: null });
    testApp.clock.advanceMinutes(60 * 24 * 365);
    const review = await getReview(testApp, student);
    expect(review.status).toBe(403);
    const error = ((await review.json()) as ErrorBody).error;
    expect(error.code).toBe('review-not-available');
    expect(error.details?.opensAt ?? null).toBeNull();
  });

  it('follows the teacher’s later change of policy', async () => {
    const { testApp, teacher, assignment, student } = await setUp({
      reviewPolicy: { when: 'never', show: 'full' },
    });
    await submit(testApp, student);
    expect((await getReview(testApp, student)).status).toBe(403);
    await send(testApp, 'PATCH', `/api/teacher/assignments/${assignment.id}`, {
      cookie: teacher.cookie,
      body: { reviewPolicy: { when: 'immediately', show: 'full' } },
    });
    expect((await getReview(testApp, student)).status).toBe(200);
  });
});
