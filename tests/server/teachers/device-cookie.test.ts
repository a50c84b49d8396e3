import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/database';
import { ACCOUNT_THROTTLE } from '../../../src/server/teachers/login-throttle';
import {
  PASSWORD,
  createTeacherTestApp,
  deviceCookieOf,
  send,
  signUpTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';

function login(testApp: TeacherTestApp, email: string, password: string, cookie?: string) {
  return send(testApp, 'POST', '/api/teacher/login', { body: { email, password }, cookie });
}

/** Fails logins to the account until browsers without its device cookie must wait. */
async function lockAccount(testApp: TeacherTestApp, email: string): Promise<void> {
  for (let attempt = 0; attempt <= ACCOUNT_THROTTLE.freeFailures; attempt += 1) {
    await login(testApp, email, 'wrong password');
  }
  expect((await login(testApp, email, PASSWORD)).status).toBe(429);
}

describe('the key that signs device cookies', () => {
  it('is generated once and kept in the database, so cookies outlive a restart', async () => {
    const db = await openDatabase(':memory:');
    const before = await createTeacherTestApp({ db });
    const teacher = await signUpTeacher(before);
    const device = deviceCookieOf(await login(before, teacher.email, PASSWORD));
    const secrets = await db.selectFrom('server_secrets').selectAll().execute();
    expect(secrets.map((secret) => secret.name)).toEqual(['device-cookie']);
    expect(Buffer.from(secrets[0]?.value ?? '', 'base64')).toHaveLength(32);

    const restarted = await createTeacherTestApp({ db });
    await lockAccount(restarted, teacher.email);
    expect((await login(restarted, teacher.email, PASSWORD, device)).status).toBe(200);
    expect(await db.selectFrom('server_secrets').selectAll().execute()).toEqual(secrets);
  });

  it('is SESSION_SECRET when set: cookies signed with another key do not count', async () => {
    const db = await openDatabase(':memory:');
    const first = await createTeacherTestApp({
      db,
      sessionSecret: 'first secret, 32 characters long',
    });
    const teacher = await signUpTeacher(first);
    const device = deviceCookieOf(await login(first, teacher.email, PASSWORD));
    expect(await db.selectFrom('server_secrets').selectAll().execute()).toEqual([]);

    const sameKey = await createTeacherTestApp({
      db,
      sessionSecret: 'first secret, 32 characters long',
    });
    await lockAccount(sameKey, teacher.email);
    expect((await login(sameKey, teacher.email, PASSWORD, device)).status).toBe(200);

    const otherKey = await createTeacherTestApp({
      db,
      sessionSecret: 'another secret of 32 characters!',
    });
    await lockAccount(otherKey, teacher.email);
    expect((await login(otherKey, teacher.email, PASSWORD, device)).status).toBe(429);
  });

  it('signs a cookie at sign-up too: the browser that made the account is known', async () => {
    const testApp = await createTeacherTestApp();
    const response = await send(testApp, 'POST', '/api/teacher/signup', {
      body: { name: 'Ms Rivera', email: 'rivera@school.example', password: PASSWORD },
    });
    const device = deviceCookieOf(response);
    await lockAccount(testApp, 'rivera@school.example');
    expect((await login(testApp, 'rivera@school.example', PASSWORD, device)).status).toBe(200);
  });
});
