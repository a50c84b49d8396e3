import { describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, startAttempt } from '../test-app';

interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string } };
}

// The fuzz test found these on PostgreSQL, which cannot store U+0000 in text: a 500 there, a
// stored NUL on SQLite. Both databases now give the same clear 400 and store nothing.
describe('the character U+0000', () => {
  it('is refused in a JSON body, naming the field, and nothing is saved', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const path = `/api/attempts/${attempt.attemptId}/highlights/p1.s1`;
    const refused = await testApp.app.request(
      path,
      jsonRequest('PUT', { colour: 'yellow', note: 'see\u0000here' }, attempt.token),
    );
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid-text');
    expect(body.error.message).toMatch(/“note” holds the character U\+0000/);

    const reopened = await testApp.app.request(
      `/api/attempts/${attempt.attemptId}`,
      jsonRequest('GET', undefined, attempt.token),
    );
    expect(((await reopened.json()) as { highlights: unknown[] }).highlights).toEqual([]);
  });

  it('is refused in a sign-up name, and in an address', async () => {
    const testApp = await createTestApp();
    const signUp = await testApp.app.request('/api/teacher/signup', {
      ...jsonRequest('POST', {
        name: 'Ms\u0000Lee',
        email: 'lee@example.org',
        password: 'a long enough password',
      }),
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
    });
    expect(signUp.status).toBe(400);
    expect(((await signUp.json()) as ErrorBody).error.details?.field).toBe('name');

    const attempt = await startAttempt(testApp);
    const save = await testApp.app.request(
      `/api/attempts/${attempt.attemptId}/responses/q%00`,
      jsonRequest('PUT', { response: null }, attempt.token),
    );
    expect(save.status).toBe(400);
    expect(((await save.json()) as ErrorBody).error.code).toBe('invalid-text');
  });
});
