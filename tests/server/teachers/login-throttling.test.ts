import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  DEVICE_THROTTLE,
} from '../../../src/server/teachers/login-throttle';
import * as passwordHash from '../../../src/server/teachers/password-hash';
import { HASH_QUEUE } from '../../../src/server/teachers/teacher-auth-routes';
import {
  PASSWORD,
  createTeacherTestApp,
  deviceCookieOf,
  send,
  signUpTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';

// Counts password checks, to prove that a throttled login never reaches the hashing.
vi.mock('../../../src/server/teachers/password-hash', async (importOriginal) => {
  const actual = await importOriginal<typeof passwordHash>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const verifications = vi.mocked(passwordHash.verifyPassword);
const { verifyPassword: realVerifyPassword } = await vi.importActual<typeof passwordHash>(
  '../../../src/server/teachers/password-hash',
);

beforeEach(() => {
  verifications.mockClear();
  verifications.mockImplementation(realVerifyPassword);
});

function login(
  testApp: TeacherTestApp,
  email: string,
  password: string,
  address = '203.0.113.7',
  cookie?: string,
) {
  return send(testApp, 'POST', '/api/teacher/login', {
    body: { email, password },
    cookie,
    headers: { 'X-Forwarded-For': address },
  });
}

/** A scrypt cost far below any real one, for tests that make hundreds of tries. */
const CHEAP_COST = { N: 2 ** 4, r: 8, p: 1 };

async function expectRefusedFor(response: Response, code: string): Promise<void> {
  expect(response.status).toBe(code === 'server-busy' ? 503 : 429);
  expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
  const body = (await response.json()) as { error: { code: string } };
  expect(body.error.code).toBe(code);
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
    // Over 200 tries: the cheapest hash keeps them quick.
    const testApp = await createTeacherTestApp({ trustProxy: true, passwordCost: CHEAP_COST });
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
    // Each try is a transaction on PostgreSQL, where the counts are shared by instances.
  }, 60_000);

  it('checks an unknown email against a decoy hash, so it costs the same as a known one', async () => {
    const testApp = await createTeacherTestApp({ trustProxy: true });
    await signUpTeacher(testApp);
    const response = await login(testApp, 'nobody@school.example', 'some password');
    expect(response.status).toBe(401);
    expect(verifications).toHaveBeenCalledTimes(1);
    expect(verifications.mock.calls[0]?.[1]).toMatch(/^scrypt\$1024\$8\$1\$/);
  });
});

describe('guesses sent all at once', () => {
  it('are counted before hashing: only the free ones are checked, and the right one last is refused', async () => {
    const testApp = await createTeacherTestApp({ trustProxy: true });
    const teacher = await signUpTeacher(testApp);
    const guesses = Array.from({ length: 40 }, (_, index) =>
      login(testApp, teacher.email, `wrong password ${index}`),
    );
    const responses = await Promise.all([...guesses, login(testApp, teacher.email, PASSWORD)]);

    const checked = ACCOUNT_THROTTLE.freeFailures + 1;
    expect(verifications).toHaveBeenCalledTimes(checked);
    expect(responses.filter((response) => response.status === 401)).toHaveLength(checked);
    const refused = responses.filter((response) => response.status !== 401);
    expect(refused).toHaveLength(41 - checked);
    for (const response of refused) await expectRefusedFor(response, 'too-many-attempts');
    expect(responses.at(-1)?.status).toBe(429);
    expect(responses.at(-1)?.headers.getSetCookie()).toEqual([]);
  });
});

describe('a flood of logins', () => {
  it('never makes a real login wait behind it: past the bounded queue, logins are refused with Retry-After', async () => {
    const testApp = await createTeacherTestApp({ trustProxy: true });
    const teacher = await signUpTeacher(testApp);
    // Every password check waits until the test opens the gate, so the queue stays full.
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    verifications.mockImplementation(async (...args) => {
      await gate;
      return realVerifyPassword(...args);
    });

    // 60 guesses at 60 accounts from 60 addresses: no throttle stops them, only the queue.
    const flood = Array.from({ length: 60 }, (_, index) =>
      login(testApp, `guess${index}@school.example`, 'wrong password', `198.51.100.${index}`),
    );
    const answered: Response[] = [];
    for (const request of flood) void request.then((response) => answered.push(response));
    const admitted = HASH_QUEUE.running + HASH_QUEUE.waiting;
    // Each refusal counts and gives back its try in the database on PostgreSQL: allow for that.
    await vi.waitFor(() => expect(answered).toHaveLength(60 - admitted), { timeout: 10_000 });
    for (const response of answered) await expectRefusedFor(response, 'server-busy');
    await vi.waitFor(() => expect(verifications).toHaveBeenCalledTimes(HASH_QUEUE.running));

    // The teacher gets an answer at once, not after 60 hashes: busy, try again in a moment.
    const stillWaiting = new Promise<'still waiting'>((resolve) =>
      setTimeout(() => resolve('still waiting'), 2000),
    );
    const real = await Promise.race([
      login(testApp, teacher.email, PASSWORD, '192.0.2.1'),
      stillWaiting,
    ]);
    if (real === 'still waiting') throw new Error('The real login waited behind the flood');
    await expectRefusedFor(real, 'server-busy');
    // Sign-up hashes in the same queue, so it is refused alike.
    const signup = await send(testApp, 'POST', '/api/teacher/signup', {
      body: { name: 'Mr Okafor', email: 'okafor@school.example', password: PASSWORD },
      headers: { 'X-Forwarded-For': '192.0.2.2' },
    });
    await expectRefusedFor(signup, 'server-busy');

    openGate();
    const flooded = await Promise.all(flood);
    expect(flooded.filter((response) => response.status === 401)).toHaveLength(admitted);
    expect(verifications).toHaveBeenCalledTimes(admitted);
    // The refusal cost the teacher no try: once the queue drains, the right password works.
    const later = await login(testApp, teacher.email, PASSWORD, '192.0.2.1');
    expect(later.status).toBe(200);
  }, 30_000);
});

describe('an attacker keeping an account locked (OWASP device cookies)', () => {
  it('does not lock out the teacher in a browser that logged in before', async () => {
    const testApp = await createTeacherTestApp({ trustProxy: true });
    const teacher = await signUpTeacher(testApp);
    const school = '192.0.2.10';
    const first = await login(testApp, teacher.email, PASSWORD, school);
    expect(first.status).toBe(200);
    const device = deviceCookieOf(first);
    expect(first.headers.getSetCookie().join('\n')).toMatch(
      /readproof_device=.*Path=\/api\/teacher\/login.*HttpOnly.*SameSite=Strict/,
    );

    // The attacker keeps failing from elsewhere, a try whenever the wait is over, for an hour.
    const attacker = '203.0.113.66';
    for (let minute = 0; minute < 60; minute += 1) {
      await login(testApp, teacher.email, 'guess', attacker);
      testApp.clock.advanceMinutes(1);
    }
    const locked = await login(testApp, teacher.email, PASSWORD, school);
    await expectRefusedFor(locked, 'too-many-attempts');

    // The teacher's own browser still gets in, and gets a fresh device cookie.
    const withDevice = await login(testApp, teacher.email, PASSWORD, school, device);
    expect(withDevice.status).toBe(200);
    expect(deviceCookieOf(withDevice)).not.toBe(device);

    // A device cookie earned on another account, or a forged one, is worth nothing here.
    const attackerAccount = await signUpTeacher(testApp, 'Mallory');
    const own = await login(testApp, attackerAccount.email, PASSWORD, attacker);
    const ownDevice = deviceCookieOf(own);
    const reused = await login(testApp, teacher.email, PASSWORD, attacker, ownDevice);
    await expectRefusedFor(reused, 'too-many-attempts');
    const [, nonce, signature] = device.split('=')[1]?.split('.') ?? [];
    const forged = `readproof_device=${teacher.id}.${nonce}x.${signature}`;
    await expectRefusedFor(
      await login(testApp, teacher.email, PASSWORD, attacker, forged),
      'too-many-attempts',
    );
  });

  it('gives a device cookie its own small budget of failures', async () => {
    const testApp = await createTeacherTestApp({ trustProxy: true });
    const teacher = await signUpTeacher(testApp);
    const device = deviceCookieOf(await login(testApp, teacher.email, PASSWORD));
    for (let attempt = 0; attempt <= DEVICE_THROTTLE.freeFailures; attempt += 1) {
      expect((await login(testApp, teacher.email, 'wrong', undefined, device)).status).toBe(401);
    }
    await expectRefusedFor(
      await login(testApp, teacher.email, PASSWORD, undefined, device),
      'too-many-attempts',
    );
    // Which is not the account's: a browser without the cookie may still try.
    expect((await login(testApp, teacher.email, PASSWORD, '198.51.100.9')).status).toBe(200);
  });
});

describe('a school behind one address', () => {
  it('is not locked out by 40 failures from that address', async () => {
    const testApp = await createTeacherTestApp({ trustProxy: true });
    const teacher = await signUpTeacher(testApp);
    const school = '192.0.2.20';
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const response = await login(testApp, `typo${attempt}@school.example`, 'wrong', school);
      expect(response.status).toBe(401);
    }
    expect((await login(testApp, teacher.email, PASSWORD, school)).status).toBe(200);
  });

  it('can still sign up after 40 sign-ups for taken emails from that address', async () => {
    const testApp = await createTeacherTestApp({ trustProxy: true });
    const teacher = await signUpTeacher(testApp);
    const school = { 'X-Forwarded-For': '192.0.2.21' };
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const taken = await send(testApp, 'POST', '/api/teacher/signup', {
        body: { name: 'Again', email: teacher.email, password: PASSWORD },
        headers: school,
      });
      expect(taken.status).toBe(409);
    }
    const signup = await send(testApp, 'POST', '/api/teacher/signup', {
      body: { name: 'Ms Chen', email: 'chen@school.example', password: PASSWORD },
      headers: school,
    });
    expect(signup.status).toBe(201);
  });
});
