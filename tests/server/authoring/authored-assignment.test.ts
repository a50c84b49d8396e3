import { describe, expect, it } from 'vitest';
import {
  createTeacherTestApp,
  joinAs,
  send,
  studentRequest,
  submit,
  type AssignmentBody,
} from '../teacher-test-app';
import { bankText, expectJson, publishedBank, type Draft } from './authoring-fixtures';

describe('an authored bank in an assignment', () => {
  it('is taken by students through the API, and keeps its version when the bank is published again', async () => {
    const testApp = await createTeacherTestApp();
    const { teacher, article, bank } = await publishedBank(testApp);
    const assignment = await expectJson<AssignmentBody>(
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
    expect(assignment).toMatchObject({ bankId: bank.id, questionCount: 2, maxPoints: 2 });

    const ada = await joinAs(testApp, assignment.joinCode, 'Ada');
    const answers: Record<string, unknown> = {
      [`${bank.id}-cost`]: { value: 40000 },
      [`${bank.id}-days`]: { choice: 'nine-days' },
    };
    for (const question of ada.questions) {
      const saved = await studentRequest(
        testApp,
        'PUT',
        `/api/attempts/${ada.attemptId}/responses/${question.id}`,
        ada.token,
        { response: answers[question.id] },
      );
      expect(saved.status).toBe(200);
    }
    const submitted = await expectJson<{ result: { total: number; maxPoints: number } }>(
      await submit(testApp, ada),
      200,
    );
    expect(submitted.result).toMatchObject({ total: 2, maxPoints: 2 });
    // Not in the library, so the results page offers neither practice nor the reader.
    const review = await expectJson<{ inLibrary: boolean }>(
      await studentRequest(testApp, 'GET', `/api/attempts/${ada.attemptId}/review`, ada.token),
      200,
    );
    expect(review.inLibrary).toBe(false);

    // A new version with a changed prompt: the assignment keeps the version it was made with.
    const current = await expectJson<Draft>(
      await send(testApp, 'GET', `/api/teacher/banks/${bank.id}`, { cookie: teacher.cookie }),
      200,
    );
    await expectJson(
      await send(testApp, 'PUT', `/api/teacher/banks/${bank.id}`, {
        cookie: teacher.cookie,
        body: {
          revision: current.revision,
          text: bankText(bank.id, article.id).replace('How long could', 'For how long could'),
        },
      }),
      200,
    );
    const second = await expectJson<{ version: number }>(
      await send(testApp, 'POST', `/api/teacher/banks/${bank.id}/publish`, {
        cookie: teacher.cookie,
      }),
      200,
    );
    expect(second.version).toBe(2);
    const ben = await joinAs(testApp, assignment.joinCode, 'Ben');
    const prompts = ben.questions.map((question) => question.prompt);
    expect(prompts).toContain('How long could the boats not leave the harbour?');

    const later = await expectJson<AssignmentBody>(
      await send(testApp, 'POST', '/api/teacher/assignments', {
        cookie: teacher.cookie,
        body: { bankId: bank.id, title: 'Harbour, period 3' },
      }),
      201,
    );
    const cy = await joinAs(testApp, later.joinCode, 'Cy');
    expect(cy.questions.map((question) => question.prompt)).toContain(
      'For how long could the boats not leave the harbour?',
    );
    for (const view of ['gradebook', 'statistics']) {
      const response = await send(
        testApp,
        'GET',
        `/api/teacher/assignments/${assignment.id}/${view}`,
        {
          cookie: teacher.cookie,
        },
      );
      expect(response.status, view).toBe(200);
      expect(JSON.stringify(await response.json()), view).toContain('Ada');
    }
  });
});
