import { describe, expect, it } from 'vitest';
import { appWithPublishedBank, expectJson } from '../authoring/authoring-fixtures';
import {
  createTeacherTestApp,
  createTeacherWithAssignment,
  joinAs,
  send,
  studentRequest,
  submit,
  type JoinedAttempt,
  type TeacherTestApp,
} from '../teacher-test-app';

interface ReviewTitles {
  bankTitle: string;
  assignmentTitle: string | null;
  inLibrary: boolean;
}

async function reviewOf(testApp: TeacherTestApp, attempt: JoinedAttempt): Promise<ReviewTitles> {
  expect((await submit(testApp, attempt)).status).toBe(200);
  const response = await studentRequest(
    testApp,
    'GET',
    `/api/attempts/${attempt.attemptId}/review`,
    attempt.token,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as ReviewTitles;
}

describe('the titles a review carries, for the results page to say which quiz it was', () => {
  it('names the assignment and its quiz for an assigned attempt', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment({
      title: 'Kursk visit, period 3',
      reviewPolicy: { when: 'immediately', show: 'full' },
    });
    const student = await joinAs(testApp, assignment.joinCode, 'Sam');
    const bank = [...testApp.content.banks.values()][0]?.bank;
    expect(await reviewOf(testApp, student)).toMatchObject({
      assignmentTitle: 'Kursk visit, period 3',
      bankTitle: bank?.title,
      inLibrary: true,
    });
  });

  it('names the quiz alone, and no assignment, for practice', async () => {
    const testApp = await createTeacherTestApp();
    const bank = [...testApp.content.banks.values()][0]?.bank;
    const response = await testApp.app.request('/api/attempts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ bankId: bank?.id }),
    });
    const practice = (await response.json()) as JoinedAttempt;
    expect(await reviewOf(testApp, practice)).toMatchObject({
      assignmentTitle: null,
      bankTitle: bank?.title,
      inLibrary: true,
    });
  });

  it('says a teacher’s own quiz is not in the library, so the page offers no practice or reader', async () => {
    const { testApp, teacher, bank } = await appWithPublishedBank();
    const created = await expectJson<{ joinCode: string }>(
      await send(testApp, 'POST', '/api/teacher/assignments', {
        cookie: teacher.cookie,
        body: {
          bankId: bank.id,
          title: 'Harbour, period 2',
          reviewPolicy: { when: 'immediately', show: 'full' },
        },
      }),
      201,
    );
    const student = await joinAs(testApp, created.joinCode, 'Ada');
    expect(await reviewOf(testApp, student)).toMatchObject({
      assignmentTitle: 'Harbour, period 2',
      inLibrary: false,
    });
  });
});
