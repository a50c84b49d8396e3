import { describe, expect, it } from 'vitest';
import {
  ORIGIN,
  PASSWORD,
  assignmentRoutes,
  createTeacherTestApp,
  createTeacherWithAssignment,
  joinAs,
  send,
  sessionCookieOf,
  signUpTeacher,
} from '../teacher-test-app';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('sign-up', () => {
  it('creates the account and signs it in with an HttpOnly, SameSite=Lax session cookie', async () => {
    const testApp = await createTeacherTestApp();
    const response = await send(testApp, 'POST', '/api/teacher/signup', {
      body: { name: ' Ms Rivera ', email: ' Rivera@School.example ', password: PASSWORD },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      name: 'Ms Rivera',
      email: 'rivera@school.example',
    });
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/readproof_session=[\w-]{40,}/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);

    const me = await send(testApp, 'GET', '/api/teacher/me', { cookie: sessionCookieOf(response) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: 'Ms Rivera', email: 'rivera@school.example' });
  });

  it('never stores the session token or the password as they are', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const token = teacher.cookie.split('=')[1] ?? '';
    const sessions = await testApp.db.selectFrom('teacher_sessions').selectAll().execute();
    const teachers = await testApp.db.selectFrom('teachers').selectAll().execute();
    const stored = JSON.stringify([sessions, teachers]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(PASSWORD);
    expect(teachers[0]?.password_hash).toMatch(/^scrypt\$/);
  });

  it('sets a Secure cookie over HTTPS, and behind a trusted proxy that says so', async () => {
    const direct = await createTeacherTestApp();
    const overHttps = await direct.app.request('https://readproof.example/api/teacher/signup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://readproof.example' },
      body: JSON.stringify({ name: 'A', email: 'a@school.example', password: PASSWORD }),
    });
    expect(overHttps.status).toBe(201);
    expect(overHttps.headers.getSetCookie().join()).toMatch(/Secure/);

    const proxied = await createTeacherTestApp({ trustProxy: true });
    const behindProxy = await send(proxied, 'POST', '/api/teacher/signup', {
      origin: 'https://readproof.example',
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'readproof.example' },
      body: { name: 'B', email: 'b@school.example', password: PASSWORD },
    });
    expect(behindProxy.status).toBe(201);
    expect(behindProxy.headers.getSetCookie().join()).toMatch(/Secure/);

    // Without trustProxy the header is anyone's to send, so it changes nothing.
    const untrusted = await send(direct, 'POST', '/api/teacher/signup', {
      headers: { 'X-Forwarded-Proto': 'https' },
      body: { name: 'C', email: 'c@school.example', password: PASSWORD },
    });
    expect(untrusted.status).toBe(201);
    expect(untrusted.headers.getSetCookie().join()).not.toMatch(/Secure/);
  });

  it('refuses a password under 10 characters and a malformed email', async () => {
    const testApp = await createTeacherTestApp();
    const short = await send(testApp, 'POST', '/api/teacher/signup', {
      body: { name: 'A', email: 'a@school.example', password: '123456789' },
    });
    expect(short.status).toBe(400);
    expect(((await short.json()) as ErrorBody).error.message).toMatch(/10 characters/);
    const badEmail = await send(testApp, 'POST', '/api/teacher/signup', {
      body: { name: 'A', email: 'not-an-email', password: PASSWORD },
    });
    expect(badEmail.status).toBe(400);
  });

  it('refuses a second account for an email in any case', async () => {
    const testApp = await createTeacherTestApp();
    const first = await send(testApp, 'POST', '/api/teacher/signup', {
      body: { name: 'A', email: 'same@school.example', password: PASSWORD },
    });
    expect(first.status).toBe(201);
    const second = await send(testApp, 'POST', '/api/teacher/signup', {
      body: { name: 'B', email: 'SAME@school.example', password: 'another password' },
    });
    expect(second.status).toBe(409);
    expect(((await second.json()) as ErrorBody).error.code).toBe('email-taken');
    expect(second.headers.getSetCookie()).toEqual([]);
  });
});

describe('log in and out', () => {
  it('logs in with the right password, in any case of the email', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const response = await send(testApp, 'POST', '/api/teacher/login', {
      body: { email: teacher.email.toUpperCase(), password: PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: teacher.id, email: teacher.email });
    const me = await send(testApp, 'GET', '/api/teacher/me', { cookie: sessionCookieOf(response) });
    expect(me.status).toBe(200);
  });

  it('answers a wrong password and an unknown email exactly alike', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const wrongPassword = await send(testApp, 'POST', '/api/teacher/login', {
      body: { email: teacher.email, password: 'not the password' },
    });
    const unknownEmail = await send(testApp, 'POST', '/api/teacher/login', {
      body: { email: 'nobody@school.example', password: 'not the password' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await unknownEmail.json());
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('logs out: the session ends and its cookie no longer opens anything', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const logout = await send(testApp, 'POST', '/api/teacher/logout', { cookie: teacher.cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join()).toMatch(/readproof_session=;.*Max-Age=0/);
    const me = await send(testApp, 'GET', '/api/teacher/me', { cookie: teacher.cookie });
    expect(me.status).toBe(401);
  });

  it('ends a session 14 days after its last use, and renews one in use', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    testApp.clock.advanceMinutes(8 * 24 * 60);
    const renewed = await send(testApp, 'GET', '/api/teacher/me', { cookie: teacher.cookie });
    expect(renewed.status).toBe(200);
    expect(renewed.headers.getSetCookie().join()).toMatch(/readproof_session=/);
    testApp.clock.advanceMinutes(13 * 24 * 60);
    expect((await send(testApp, 'GET', '/api/teacher/me', { cookie: teacher.cookie })).status).toBe(
      200,
    );
    testApp.clock.advanceMinutes(15 * 24 * 60);
    expect((await send(testApp, 'GET', '/api/teacher/me', { cookie: teacher.cookie })).status).toBe(
      401,
    );
  });
});

describe('log out everywhere', () => {
  it('ends every session of the teacher, on every device, and no one else’s', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const otherTeacher = await signUpTeacher(testApp, 'Mr Okafor');
    const onPhone = await send(testApp, 'POST', '/api/teacher/login', {
      body: { email: teacher.email, password: PASSWORD },
    });
    const phoneCookie = sessionCookieOf(onPhone);

    const response = await send(testApp, 'POST', '/api/teacher/logout-all', {
      cookie: teacher.cookie,
    });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join()).toMatch(/readproof_session=;.*Max-Age=0/);
    for (const cookie of [teacher.cookie, phoneCookie]) {
      expect((await send(testApp, 'GET', '/api/teacher/me', { cookie })).status).toBe(401);
    }
    const other = await send(testApp, 'GET', '/api/teacher/me', { cookie: otherTeacher.cookie });
    expect(other.status).toBe(200);
  });
});

describe('caching', () => {
  it('keeps every API answer out of caches but the public articles and quizzes', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const student = await joinAs(testApp, assignment.joinCode, 'Sam');
    const attempt = `/api/attempts/${student.attemptId}`;
    const asStudent = { headers: { Authorization: `Bearer ${student.token}` } };
    const practice = await testApp.app.request('/api/attempts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ bankId: assignment.bankId }),
    });
    const secretAnswers: [string, Response][] = [
      ['a new practice attempt (its token)', practice],
      ['an attempt', await testApp.app.request(attempt, asStudent)],
      [
        'a submit',
        await testApp.app.request(`${attempt}/submit`, { method: 'POST', ...asStudent }),
      ],
      ['a review', await testApp.app.request(`${attempt}/review`, asStudent)],
      ['a refusal', await testApp.app.request(attempt)],
      ['the health check', await testApp.app.request('/api/health')],
      [
        'a login (its session)',
        await send(testApp, 'POST', '/api/teacher/login', {
          body: { email: teacher.email, password: PASSWORD },
        }),
      ],
      ['the teacher', await send(testApp, 'GET', '/api/teacher/me', { cookie: teacher.cookie })],
      ['an unknown API path', await testApp.app.request('/api/nothing-here')],
    ];
    for (const [label, response] of secretAnswers) {
      expect(response.headers.get('Cache-Control'), label).toBe('no-store');
    }
    for (const path of ['/api/articles', '/api/banks', `/api/banks/${assignment.bankId}`]) {
      const response = await testApp.app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Cache-Control'), path).not.toBe('no-store');
    }
  });
});

describe('teacher routes without a teacher session', () => {
  it('answer 401, also to a student holding an attempt token', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const student = await joinAs(testApp, assignment.joinCode, 'Sam');
    const base = `/api/teacher/assignments/${assignment.id}`;
    const routes: [string, string][] = [
      ['GET', '/api/teacher/me'],
      ['POST', '/api/teacher/logout-all'],
      ['GET', '/api/teacher/assignments'],
      ['POST', '/api/teacher/assignments'],
      ...assignmentRoutes(assignment.id, student.attemptId),
    ];
    for (const [method, path] of routes) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const anonymous = await send(testApp, method, path, { body });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect(((await anonymous.json()) as ErrorBody).error.code).toBe('not-signed-in');
      const withStudentToken = await send(testApp, method, path, {
        body,
        headers: { Authorization: `Bearer ${student.token}` },
      });
      expect(withStudentToken.status, `${method} ${path} with a student token`).toBe(401);
      const withForgedCookie = await send(testApp, method, path, {
        body,
        cookie: `readproof_session=${student.token}`,
      });
      expect(withForgedCookie.status, `${method} ${path} with a forged cookie`).toBe(401);
    }
    // Nothing was changed by any of them.
    const check = await send(testApp, 'GET', base, { cookie: teacher.cookie });
    expect(check.status).toBe(200);
  });
});

describe('CSRF protection', () => {
  it('refuses state-changing teacher requests without this site’s Origin', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const attacks: { label: string; origin: string | null; headers?: Record<string, string> }[] = [
      { label: 'no Origin', origin: null },
      { label: 'another site', origin: 'https://evil.example' },
      { label: 'a look-alike origin', origin: `${ORIGIN}.evil.example` },
      { label: 'a null origin', origin: 'null' },
      { label: 'cross-site fetch', origin: null, headers: { 'Sec-Fetch-Site': 'cross-site' } },
      { label: 'same-site fetch', origin: null, headers: { 'Sec-Fetch-Site': 'same-site' } },
    ];
    const requests: [string, string, unknown][] = [
      ['POST', '/api/teacher/assignments', { bankId: assignment.bankId, title: 'Forged' }],
      ['PATCH', `/api/teacher/assignments/${assignment.id}`, { title: 'Forged' }],
      ['POST', `/api/teacher/assignments/${assignment.id}/close`, undefined],
      ['DELETE', `/api/teacher/assignments/${assignment.id}`, undefined],
      ['POST', '/api/teacher/logout', undefined],
      ['POST', '/api/teacher/logout-all', undefined],
      ['POST', '/api/teacher/login', { email: teacher.email, password: PASSWORD }],
      ['POST', '/api/teacher/signup', { name: 'X', email: 'x@school.example', password: PASSWORD }],
    ];
    for (const { label, origin, headers } of attacks) {
      for (const [method, path, body] of requests) {
        const response = await send(testApp, method, path, {
          cookie: teacher.cookie,
          origin,
          headers,
          body,
        });
        expect(response.status, `${method} ${path} from ${label}`).toBe(403);
        expect(((await response.json()) as ErrorBody).error.code).toBe('cross-origin-request');
      }
    }
    // A form post (the classic CSRF) is refused as well.
    const form = await testApp.app.request(`/api/teacher/assignments/${assignment.id}/close`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
        Cookie: teacher.cookie,
      },
      body: 'x=1',
    });
    expect(form.status).toBe(403);

    const after = await send(testApp, 'GET', `/api/teacher/assignments/${assignment.id}`, {
      cookie: teacher.cookie,
    });
    expect(await after.json()).toMatchObject({ title: assignment.title, closedAt: null });
    const list = await send(testApp, 'GET', '/api/teacher/assignments', { cookie: teacher.cookie });
    expect(((await list.json()) as unknown[]).length).toBe(1);
  });

  it('accepts Sec-Fetch-Site: same-origin, and origins configured as allowed', async () => {
    const testApp = await createTeacherTestApp({ allowedOrigins: ['https://teachers.example'] });
    const teacher = await signUpTeacher(testApp);
    const sameOrigin = await send(testApp, 'POST', '/api/teacher/assignments', {
      cookie: teacher.cookie,
      origin: null,
      headers: { 'Sec-Fetch-Site': 'same-origin' },
      body: { bankId: [...testApp.content.banks.keys()][0] ?? '', title: 'Fetched' },
    });
    expect(sameOrigin.status).toBe(201);
    const allowed = await send(testApp, 'POST', '/api/teacher/logout', {
      cookie: teacher.cookie,
      origin: 'https://teachers.example',
    });
    expect(allowed.status).toBe(204);
  });

  it('lets reads through without an Origin', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const me = await send(testApp, 'GET', '/api/teacher/me', {
      cookie: teacher.cookie,
      origin: null,
    });
    expect(me.status).toBe(200);
  });
});
