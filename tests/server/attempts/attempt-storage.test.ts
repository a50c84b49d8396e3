import { describe, expect, it } from 'vitest';
import {
  PRACTICE_ATTEMPT_EXPIRY_DAYS,
  compactStoredResults,
  expireAbandonedPracticeAttempts,
} from '../../../src/server/attempts/attempt-lifecycle';
import { getAttempt, toStoredResult } from '../../../src/server/attempts/attempt-queries';
import { buildSomeResponse, jsonRequest, startAttempt, withToken } from '../test-app';
import {
  createAssignment,
  createTeacherTestApp,
  joinAs,
  signUpTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';

const DAY_MS = 24 * 60 * 60 * 1000;

async function submitPractice(testApp: TeacherTestApp, answered: boolean) {
  const attempt = await startAttempt(testApp);
  if (answered) {
    for (const question of attempt.questions) {
      const saved = await testApp.app.request(
        `/api/attempts/${attempt.attemptId}/responses/${question.id}`,
        jsonRequest('PUT', { response: buildSomeResponse(question) }, attempt.token),
      );
      expect(saved.status).toBe(200);
    }
  }
  const submitted = await testApp.app.request(
    `/api/attempts/${attempt.attemptId}/submit`,
    withToken(attempt.token, { method: 'POST' }),
  );
  expect(submitted.status).toBe(200);
  return attempt;
}

describe('storing results', () => {
  it('keeps a submitted result compressed, with its score and marks in columns of their own', async () => {
    const testApp = await createTeacherTestApp();
    const attempt = await submitPractice(testApp, true);
    const readRow = () =>
      testApp.db
        .selectFrom('attempts')
        .select([
          'result_deflated',
          'result_pending_json',
          'score_total',
          'score_max_points',
          'score_percent',
          'marks_json',
        ])
        .where('id', '=', attempt.attemptId)
        .executeTakeFirstOrThrow();
    const result = (await getAttempt(testApp.db, attempt.attemptId))?.result;
    if (!result) throw new Error('No result');

    // Committed whole at submission, as JSON; compressed later, off the submit's path.
    const submitted = await readRow();
    expect(submitted.result_deflated).toBeNull();
    expect(JSON.parse(submitted.result_pending_json ?? 'null')).toEqual(result);
    expect(await compactStoredResults(testApp.db)).toBe(1);
    expect(await compactStoredResults(testApp.db)).toBe(0);

    const row = await readRow();
    expect(row.result_pending_json).toBeNull();
    // A blank practice submission stored about 17 KB of JSON (issue 10, item 7).
    const json = JSON.stringify(result).length;
    expect(row.result_deflated?.byteLength).toBeLessThan(json / 3);
    expect((await getAttempt(testApp.db, attempt.attemptId))?.result).toEqual(result);
    expect(row).toMatchObject({
      score_total: result.total,
      score_max_points: result.maxPoints,
      score_percent: result.percent,
    });
    const marks = JSON.parse(row.marks_json ?? '{}') as Record<string, unknown>;
    expect(Object.keys(marks)).toEqual(result.questions.map((review) => review.question.id));

    // The review the student reads is the one stored, whole.
    const review = await testApp.app.request(
      `/api/attempts/${attempt.attemptId}/review`,
      withToken(attempt.token),
    );
    const body = (await review.json()) as { result: { total: number; questions: unknown[] } };
    expect(body.result).toEqual(result);
  });

  it('keeps a result a regrade stored before the compaction reached it', async () => {
    const testApp = await createTeacherTestApp();
    const attempt = await submitPractice(testApp, true);
    const submitted = (await getAttempt(testApp.db, attempt.attemptId))?.result;
    if (!submitted) throw new Error('No result');
    const regraded = { ...submitted, total: submitted.total + 1 };
    await testApp.db
      .updateTable('attempts')
      .set(toStoredResult(regraded))
      .where('id', '=', attempt.attemptId)
      .execute();
    expect(await compactStoredResults(testApp.db)).toBe(0);
    expect((await getAttempt(testApp.db, attempt.attemptId))?.result).toEqual(regraded);
  });

  it('answers a submit with the result it stored, and the same again once compressed', async () => {
    const testApp = await createTeacherTestApp();
    const attempt = await startAttempt(testApp);
    const submit = () =>
      testApp.app.request(
        `/api/attempts/${attempt.attemptId}/submit`,
        withToken(attempt.token, { method: 'POST' }),
      );
    const first = await submit();
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    const firstBody = (await first.json()) as { result: unknown };
    expect(firstBody.result).toEqual((await getAttempt(testApp.db, attempt.attemptId))?.result);
    await compactStoredResults(testApp.db);
    expect(await (await submit()).json()).toEqual(firstBody);
  });
});

describe('expiring abandoned practice attempts', () => {
  it(`deletes practice attempts left unsubmitted for ${PRACTICE_ATTEMPT_EXPIRY_DAYS} days, and nothing else`, async () => {
    const testApp = await createTeacherTestApp();
    const abandoned = await startAttempt(testApp);
    const question = abandoned.questions[0];
    if (!question) throw new Error('No question');
    await testApp.app.request(
      `/api/attempts/${abandoned.attemptId}/responses/${question.id}`,
      jsonRequest('PUT', { response: buildSomeResponse(question) }, abandoned.token),
    );
    const finished = await submitPractice(testApp, false);
    const teacher = await signUpTeacher(testApp);
    const assignment = await createAssignment(testApp, teacher);
    const student = await joinAs(testApp, assignment.joinCode, 'Ann');
    const start = testApp.clock.now().getTime();

    testApp.clock.set(new Date(start + PRACTICE_ATTEMPT_EXPIRY_DAYS * DAY_MS - 60_000));
    const recent = await startAttempt(testApp);
    expect(await expireAbandonedPracticeAttempts(testApp.db, testApp.clock.now())).toBe(0);

    testApp.clock.set(new Date(start + PRACTICE_ATTEMPT_EXPIRY_DAYS * DAY_MS + 60_000));
    expect(await expireAbandonedPracticeAttempts(testApp.db, testApp.clock.now())).toBe(1);
    const left = await testApp.db.selectFrom('attempts').select('id').execute();
    expect(left.map((row) => row.id).sort()).toEqual(
      [finished.attemptId, student.attemptId, recent.attemptId].sort(),
    );
    // Its answers went with it, and its student is told it no longer exists.
    const answers = await testApp.db
      .selectFrom('responses')
      .select('attempt_id')
      .where('attempt_id', '=', abandoned.attemptId)
      .execute();
    expect(answers).toEqual([]);
    const gone = await testApp.app.request(
      `/api/attempts/${abandoned.attemptId}`,
      withToken(abandoned.token),
    );
    expect(gone.status).toBe(404);
  });
});
