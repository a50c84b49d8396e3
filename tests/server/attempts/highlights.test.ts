import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_LIMITS } from '../../../src/domain/highlights';
import { jsonRequest, startAttempt, withToken, type StartedAttempt } from '../test-app';
import {
  createAssignment,
  createTeacherTestApp,
  joinAs,
  send,
  signUpTeacher,
  studentRequest,
  type TeacherTestApp,
} from '../teacher-test-app';

const path = (attemptId: string, key: string) => `/api/attempts/${attemptId}/highlights/${key}`;

function putHighlight(
  { app }: TeacherTestApp,
  attempt: { attemptId: string; token: string },
  key: string,
  body: unknown,
) {
  return app.request(path(attempt.attemptId, key), jsonRequest('PUT', body, attempt.token));
}

async function readAttempt({ app }: TeacherTestApp, attempt: StartedAttempt) {
  const response = await app.request(
    `/api/attempts/${attempt.attemptId}`,
    withToken(attempt.token),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as {
    highlights: unknown[];
    highlightsSavedAt: Record<string, string>;
  };
}

describe('highlights and notes on an attempt', () => {
  it('saves, replaces and removes a highlight, last write wins, and lists them in reading order', async () => {
    const testApp = await createTeacherTestApp();
    const attempt = await startAttempt(testApp);

    expect((await putHighlight(testApp, attempt, 'p3.s1', { colour: 'yellow' })).status).toBe(200);
    const span = await putHighlight(testApp, attempt, 'p1.s1_0-5', {
      colour: 'blue',
      note: 'Who said this?',
    });
    expect(span.status).toBe(200);
    expect(await span.json()).toEqual({
      highlightKey: 'p1.s1_0-5',
      savedAt: '2026-03-02T09:00:00.000Z',
    });
    testApp.clock.advanceSeconds(5);
    await putHighlight(testApp, attempt, 'p3.s1', { colour: 'green', note: 'Proof for Q2' });

    expect((await readAttempt(testApp, attempt)).highlights).toEqual([
      {
        key: 'p1.s1_0-5',
        sentenceId: 'p1.s1',
        span: { start: 0, end: 5 },
        colour: 'blue',
        note: 'Who said this?',
      },
      { key: 'p3.s1', sentenceId: 'p3.s1', span: null, colour: 'green', note: 'Proof for Q2' },
    ]);

    testApp.clock.advanceSeconds(5);
    const removed = await testApp.app.request(
      path(attempt.attemptId, 'p3.s1'),
      withToken(attempt.token, { method: 'DELETE' }),
    );
    expect(removed.status).toBe(200);
    const after = await readAttempt(testApp, attempt);
    expect(after.highlights).toHaveLength(1);
    // The removal keeps its time, so a device with an older change knows it lost.
    expect(after.highlightsSavedAt['p3.s1']).toBe('2026-03-02T09:00:10.000Z');
  });

  it('refuses a place not in the article, an unknown colour and an over-long note, in words for people', async () => {
    const testApp = await createTeacherTestApp();
    const attempt = await startAttempt(testApp);
    const noSentence = await putHighlight(testApp, attempt, 'p99.s1', { colour: 'yellow' });
    expect(noSentence.status).toBe(422);
    expect(await noSentence.json()).toMatchObject({
      error: { code: 'invalid-highlight', message: expect.stringMatching(/sentence/) },
    });
    expect(
      (await putHighlight(testApp, attempt, 'p1.s1_3-9999', { colour: 'yellow' })).status,
    ).toBe(422);
    expect((await putHighlight(testApp, attempt, 'not a key', { colour: 'yellow' })).status).toBe(
      400,
    );
    const colour = await putHighlight(testApp, attempt, 'p1.s1', { colour: 'red' });
    expect(colour.status).toBe(400);
    expect(JSON.stringify(await colour.json())).toMatch(/Choose a highlight colour/);
    const long = await putHighlight(testApp, attempt, 'p1.s1', {
      colour: 'pink',
      note: 'x'.repeat(HIGHLIGHT_LIMITS.noteLength + 1),
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(await long.json())).toMatch(/500 characters or fewer/);
    expect(
      (
        await putHighlight(testApp, attempt, 'p1.s1', {
          colour: 'pink',
          note: 'x'.repeat(HIGHLIGHT_LIMITS.noteLength),
        })
      ).status,
    ).toBe(200);
  });

  it('needs the attempt’s token', async () => {
    const testApp = await createTeacherTestApp();
    const attempt = await startAttempt(testApp);
    const other = await startAttempt(testApp);
    const anonymous = await testApp.app.request(path(attempt.attemptId, 'p1.s1'), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ colour: 'yellow' }),
    });
    expect(anonymous.status).toBe(401);
    const wrong = await putHighlight(
      testApp,
      { attemptId: attempt.attemptId, token: other.token },
      'p1.s1',
      { colour: 'yellow' },
    );
    expect(wrong.status).toBe(404);
  });

  it(`holds at most ${HIGHLIGHT_LIMITS.perAttempt} highlights an attempt, even sent all at once`, async () => {
    const testApp = await createTeacherTestApp();
    const attempt = await startAttempt(testApp);
    const sentence = testApp.content.articles.values().next().value?.paragraphs[0]?.sentences[0];
    if (!sentence) throw new Error('No sentence');
    const keys = Array.from(
      { length: HIGHLIGHT_LIMITS.perAttempt + 5 },
      (_, index) => `${sentence.id}_${index % 10}-${10 + Math.floor(index / 10)}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    const statuses = await Promise.all(
      keys.map(
        async (key) => (await putHighlight(testApp, attempt, key, { colour: 'blue' })).status,
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(HIGHLIGHT_LIMITS.perAttempt);
    expect(statuses.filter((status) => status === 422)).toHaveLength(5);
    expect((await readAttempt(testApp, attempt)).highlights).toHaveLength(
      HIGHLIGHT_LIMITS.perAttempt,
    );
    // Changing one it has is still allowed; removing one makes room.
    const [first] = keys;
    if (!first) throw new Error('No key');
    expect((await putHighlight(testApp, attempt, first, { colour: 'pink' })).status).toBe(200);
    const full = await putHighlight(testApp, attempt, keys.at(-1) ?? '', { colour: 'pink' });
    expect(await full.json()).toMatchObject({ error: { code: 'too-many-highlights' } });
    await testApp.app.request(
      path(attempt.attemptId, first),
      withToken(attempt.token, { method: 'DELETE' }),
    );
    expect(
      (await putHighlight(testApp, attempt, keys.at(-1) ?? '', { colour: 'pink' })).status,
    ).toBe(200);
  });

  it('takes highlights only while the attempt takes answers', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const assignment = await createAssignment(testApp, teacher, { timeLimitMinutes: 5 });
    const joined = await joinAs(testApp, assignment.joinCode, 'Ann Lee');
    expect((await putHighlight(testApp, joined, 'p1.s1', { colour: 'green' })).status).toBe(200);

    testApp.clock.advanceMinutes(6);
    const late = await putHighlight(testApp, joined, 'p2.s1', { colour: 'green' });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: { code: 'deadline-passed' } });

    const practice = await startAttempt(testApp);
    const submitted0 = await testApp.app.request(
      `/api/attempts/${practice.attemptId}/submit`,
      withToken(practice.token, { method: 'POST' }),
    );
    expect(submitted0.status).toBe(200);
    const submitted = await putHighlight(testApp, practice, 'p1.s1', { colour: 'green' });
    expect(submitted.status).toBe(409);
    expect(await submitted.json()).toMatchObject({ error: { code: 'attempt-submitted' } });
  });

  it('is refused, with a reason, when the assignment turns highlights off, and shown to the teacher', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const assignment = await createAssignment(testApp, teacher);
    expect(assignment).toMatchObject({ allowHighlights: true });
    const joined = await joinAs(testApp, assignment.joinCode, 'Ann Lee');
    expect(
      (await putHighlight(testApp, joined, 'p2.s1', { colour: 'yellow', note: '<b>mine</b>' }))
        .status,
    ).toBe(200);

    const detail = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignment.id}/attempts/${joined.attemptId}`,
      { cookie: teacher.cookie },
    );
    expect(await detail.json()).toMatchObject({
      highlights: [{ key: 'p2.s1', colour: 'yellow', note: '<b>mine</b>' }],
    });

    const changed = await send(testApp, 'PATCH', `/api/teacher/assignments/${assignment.id}`, {
      cookie: teacher.cookie,
      body: { allowHighlights: false },
    });
    expect(await changed.json()).toMatchObject({ allowHighlights: false });
    const refused = await putHighlight(testApp, joined, 'p2.s2', { colour: 'yellow' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { code: 'highlights-off', message: expect.stringMatching(/turned highlights/) },
    });
    const view = await studentRequest(
      testApp,
      'GET',
      `/api/attempts/${joined.attemptId}`,
      joined.token,
    );
    expect(await view.json()).toMatchObject({ assignment: { allowHighlights: false } });
  });

  it('shows the student’s highlights in the review', async () => {
    const testApp = await createTeacherTestApp();
    const attempt = await startAttempt(testApp);
    await putHighlight(testApp, attempt, 'p4.s1', { colour: 'pink', note: 'main idea' });
    await testApp.app.request(
      `/api/attempts/${attempt.attemptId}/submit`,
      withToken(attempt.token, { method: 'POST' }),
    );
    const review = await testApp.app.request(
      `/api/attempts/${attempt.attemptId}/review`,
      withToken(attempt.token),
    );
    expect(await review.json()).toMatchObject({
      highlights: [{ key: 'p4.s1', colour: 'pink', note: 'main idea' }],
    });
  });
});
