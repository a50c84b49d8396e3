import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE } from '../../src/server/auth/login-throttle';
import * as passwordHash from '../../src/server/auth/password-hash';
import { PASSWORD, createTeacherTestApp, send, signUpTeacher } from './teacher-test-app';

// Counts password checks, to prove that a throttled login never reaches the hashing.
vi.mock('../../src/server/auth/password-hash', async (importOriginal) => {
  const actual = await importOriginal<typeof passwordHash>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const verifications = vi.mocked(passwordHash.verifyPassword);

beforeEach(() => {
  verifications.mockClear();
});

function login(
  testApp: Awaited<ReturnType<typeof createTeacherTestApp>>,
  email: string,
  password: string,
  address = '203.0.113.7',
) {
  return send(testApp, 'POST', '/api/teacher/login', {
    body: { email, password },
    headers: { 'X-Forwarded-For': address },
  });
}

describe('a hundred wrong passwords', () => {
  it('are slowed with 429 and Retry-After after the free failures, without hashing', async () => {
    const testApp = await createTeacherTestApp({ trustProxy: true });
    const teacher = await signUpTeacher(testApp);
    const statuses: number[] = [];
    let lastRetryAfter = 0;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const response = await login(testApp, teacher.email, `wrong password ${attempt}`);
      statuses.push(response.status);
      if (response.status === 429) {
        lastRetryAfter = Number(response.headers.get('Retry-After'));
        const body = (await response.json()) as { error: { code: string } };
        expect(body.error.code).toBe('too-many-attempts');
      }
    }
    // The free failures are 401s; the next one earns the first wait, after which all are 429.
    const free = ACCOUNT_THROTTLE.freeFailures;
    expect(statuses.slice(0, free + 1)).toEqual(Array<number>(free + 1).fill(401));
    expect(statuses.slice(free + 1)).toEqual(Array<number>(100 - free - 1).fill(429));
    expect(lastRetryAfter).toBeGreaterThan(0);
    expect(lastRetryAfter).toBeLessThanOrEqual(ACCOUNT_THROTTLE.baseDelaySeconds);
    expect(verifications).toHaveBeenCalledTimes(free + 1);

    // While the account waits, even the right password is refused, still without hashing.
    const right = await login(testApp, teacher.email, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie()).toEqual([]);
    expect(verifications).toHaveBeenCalledTimes(free + 1);

    // Once the wait is over the right password works again.
    testApp.clock.advanceSeconds(lastRetryAfter);
    const later = await login(testApp, teacher.email, PASSWORD);
    expect(later.status).toBe(200);
  });

  it('throttles an address that tries many accounts, but not other addresses', async () => {
    const testApp = await createTeacherTestApp({ trustProxy: true });
    const teacher = await signUpTeacher(testApp);
    for (let attempt = 0; attempt <= ADDRESS_THROTTLE.freeFailures; attempt += 1) {
      const response = await login(testApp, `guess${attempt}@school.example`, 'wrong password');
      expect(response.status).toBe(401);
    }
    const throttled = await login(testApp, teacher.email, PASSWORD);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('Retry-After'))).toBeGreaterThan(0);
    const otherAddress = await login(testApp, teacher.email, PASSWORD, '198.51.100.4');
    expect(otherAddress.status).toBe(200);
  });

  it('checks an unknown email against a decoy hash, so it costs the same as a known one', async () => {
    const testApp = await createTeacherTestApp({ trustProxy: true });
    await signUpTeacher(testApp);
    const response = await login(testApp, 'nobody@school.example', 'some password');
    expect(response.status).toBe(401);
    expect(verifications).toHaveBeenCalledTimes(1);
    expect(verifications.mock.calls[0]?.[1]).toMatch(/^scrypt\$1024\$8\$1\$/);
  });
});
