import { describe, expect, it } from 'vitest';
import {
  PASSWORD,
  createTeacherTestApp,
  createTeacherWithAssignment,
  firstBankId,
  send,
  signUpTeacher,
} from '../teacher-test-app';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: { issues: { path: string[]; message: string }[] };
  };
}

describe('the API words schema problems for people', () => {
  it('names the field and the limit of a too-long teacher name', async () => {
    const testApp = await createTeacherTestApp();
    const response = await send(testApp, 'POST', '/api/teacher/signup', {
      body: { name: 'n'.repeat(300), email: 'long@school.example', password: PASSWORD },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid-request');
    expect(body.error.message).toBe(
      'The name can be at most 100 characters long; this one has 300.',
    );
    expect(body.error.details.issues).toEqual([
      { path: ['name'], message: 'The name can be at most 100 characters long; this one has 300.' },
    ]);
  });

  it('words the assignment settings a form sends', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const response = await send(testApp, 'POST', '/api/teacher/assignments', {
      cookie: teacher.cookie,
      body: {
        bankId: firstBankId(testApp),
        title: 't'.repeat(201),
        timeLimitMinutes: 0,
        attemptsAllowed: 2.5,
        dueAt: 'tomorrow',
      },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    const messages = body.error.details.issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'The title can be at most 200 characters long; this one has 201.',
        'The time limit must be at least 1.',
        'The number of attempts must be a whole number.',
        'The due time must be a date and time with its time zone, such as 2026-03-02T09:00:00Z.',
      ]),
    );
    expect(body.error.message).toMatch(/^The .+\. \(3 more problems\)$/);
    for (const message of messages) expect(message).not.toMatch(/Too big|Too small|expected/);
  });

  it('keeps a message a schema words itself', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const response = await send(testApp, 'PATCH', `/api/teacher/assignments/${assignment.id}`, {
      cookie: teacher.cookie,
      body: { title: '   ' },
    });
    expect(((await response.json()) as ErrorBody).error.message).toBe(
      'Give the assignment a title.',
    );
  });
});
