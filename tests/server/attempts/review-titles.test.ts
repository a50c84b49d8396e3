import { describe, expect, it } from 'vitest';
import {
  createTeacherTestApp,
  createTeacherWithAssignment,
  joinAs,
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
});
