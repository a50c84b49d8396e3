import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, RateLimiter } from '../../../src/server/http/rate-limit';
import { jsonRequest } from '../test-app';
import {
  createDatabaseThrottleStore,
  deleteDrainedThrottleStates,
} from '../../../src/server/http/throttle-store';
import { onPostgres, openTestDatabase } from '../support/test-database';
import {
  createAssignment,
  createTeacherTestApp,
  createTeacherWithAssignment,
  firstBankId,
  join,
  send,
  signUpTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';

interface ErrorBody {
  error: { code: string; message: string; details?: { retryAfterSeconds?: number } };
}

function startPractice(testApp: TeacherTestApp, address?: string): Promise<Response> {
  const init = jsonRequest('POST', { bankId: firstBankId(testApp) });
  if (address !== undefined) {
    init.headers = { ...init.headers, 'X-Forwarded-For': address };
  }
  return Promise.resolve(testApp.app.request('/api/attempts', init));
}

describe('starting attempts', () => {
  it('allows 300 practice starts per 10 minutes from one address, then answers 429 with Retry-After', async () => {
    const testApp = await createTeacherTestApp();
    const statuses = new Map<number, number>();
    // The flood of the trust issue (10.7): practice attempts, one after another, from one client.
    for (let index = 0; index < DEFAULT_RATE_LIMITS.attemptStarts.limit + 20; index += 1) {
      const { status } = await startPractice(testApp);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 201: 300, 429: 20 });

    const refused = await startPractice(testApp);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('2');
    const { error } = (await refused.json()) as ErrorBody;
    expect(error.code).toBe('too-many-requests');
    expect(error.message).toBe(
      'Too many quizzes were started from your network just now. Wait 2 seconds and try again.',
    );

    // The allowance comes back evenly: 300 per 10 minutes is one every 2 seconds.
    testApp.clock.advanceSeconds(2);
    expect((await startPractice(testApp)).status).toBe(201);
    expect((await startPractice(testApp)).status).toBe(429);
  }, 60_000);

  it('counts each address on its own behind a trusted proxy', async () => {
    const testApp = await createTeacherTestApp({
      trustProxy: true,
      rateLimits: { ...DEFAULT_RATE_LIMITS, attemptStarts: { limit: 3, windowSeconds: 600 } },
    });
    for (let index = 0; index < 3; index += 1) {
      expect((await startPractice(testApp, '203.0.113.7')).status).toBe(201);
    }
    expect((await startPractice(testApp, '203.0.113.7')).status).toBe(429);
    expect((await startPractice(testApp, '198.51.100.2')).status).toBe(201);
  });

  it('counts joins with practice starts, and leaves saving answers alone', async () => {
    const testApp = await createTeacherTestApp({
      rateLimits: { ...DEFAULT_RATE_LIMITS, attemptStarts: { limit: 2, windowSeconds: 600 } },
    });
    const teacher = await signUpTeacher(testApp);
    const assignment = await createAssignment(testApp, teacher, { attemptsAllowed: null });
    const practice = (await (await startPractice(testApp)).json()) as {
      attemptId: string;
      token: string;
    };
    expect((await join(testApp, assignment.joinCode, 'Ann')).status).toBe(201);
    const refused = await join(testApp, assignment.joinCode, 'Bo');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('300');
    expect(((await refused.json()) as ErrorBody).error.message).toMatch(/Wait 5 minutes/);
    // Looking at the assignment and working on an attempt are not starts.
    expect((await send(testApp, 'GET', `/api/join/${assignment.joinCode}`)).status).toBe(200);
    const opened = await testApp.app.request(`/api/attempts/${practice.attemptId}`, {
      headers: { Authorization: `Bearer ${practice.token}` },
    });
    expect(opened.status).toBe(200);
  });
});

describe('join codes', () => {
  it('stop answering an address after 100 codes that open nothing (the brute force of 10.9)', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment();
    const statuses: number[] = [];
    for (let guess = 0; guess < 130; guess += 1) {
      const code = `ZZ${String(guess).padStart(4, '2').replace(/[01]/g, '3')}`;
      statuses.push((await send(testApp, 'GET', `/api/join/${code}`)).status);
    }
    expect(statuses.filter((status) => status === 404)).toHaveLength(100);
    expect(statuses.slice(100).every((status) => status === 429)).toBe(true);

    // Even the right code waits: the address is guessing.
    const right = await send(testApp, 'GET', `/api/join/${assignment.joinCode}`);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await right.json()) as ErrorBody).error.message).toMatch(
      /Too many codes that open nothing/,
    );

    testApp.clock.advanceMinutes(1);
    expect((await send(testApp, 'GET', `/api/join/${assignment.joinCode}`)).status).toBe(200);
  }, 30_000);

  it('are looked up through an index, not by scanning every assignment', async () => {
    const testApp = await createTeacherTestApp();
    const lookUp = sql`select * from assignments where join_code = ${'K7MPQ2'}
      order by case when closed_at is null then 0 else 1 end, closed_at desc`;
    if (onPostgres()) {
      // With a few rows PostgreSQL rightly prefers a scan; forbidding scans shows the index serves.
      const plan = await testApp.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return sql<{ 'QUERY PLAN': string }>`explain ${lookUp}`.execute(trx);
      });
      const details = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(details).toMatch(/Index Scan (using|on) assignments_join_code\b/);
      return;
    }
    const plan = await sql<{ detail: string }>`explain query plan ${lookUp}`.execute(testApp.db);
    const details = plan.rows.map((row) => row.detail).join('\n');
    expect(details).toMatch(/USING INDEX assignments_join_code/);
    expect(details).not.toMatch(/^SCAN assignments$/m);
  });
});

describe('RateLimiter', () => {
  it('lets a burst of the whole allowance through, then one per refill interval', async () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 3, windowSeconds: 30 }, undefined, 'test', () => now);
    for (let index = 0; index < 3; index += 1) {
      expect(await limiter.retryAfterSeconds('a')).toBe(0);
      await limiter.spend('a');
    }
    expect(await limiter.retryAfterSeconds('a')).toBe(10);
    expect(await limiter.retryAfterSeconds('b')).toBe(0);
    now += 10_000;
    expect(await limiter.retryAfterSeconds('a')).toBe(0);
  });

  it('counts the same in the database, takes only what is left, and forgets a refilled bucket', async () => {
    let now = 1_000_000;
    const db = await openTestDatabase();
    const limiter = new RateLimiter(
      { limit: 3, windowSeconds: 30 },
      createDatabaseThrottleStore(db),
      'test',
      () => now,
    );
    expect(await limiter.take('a')).toBe(0);
    expect(await limiter.take('a')).toBe(0);
    expect(await limiter.take('a')).toBe(0);
    // Refused, and nothing spent: the wait does not grow.
    expect(await limiter.take('a')).toBe(10);
    expect(await limiter.take('a')).toBe(10);
    now += 10_000;
    expect(await limiter.take('a')).toBe(0);
    expect(await limiter.take('a')).toBe(10);
    // A full bucket again leaves no row behind once the sweep has run.
    now += 30_000;
    expect(await limiter.retryAfterSeconds('a')).toBe(0);
    expect(await deleteDrainedThrottleStates(db, new Date(now))).toBe(1);
    const rows = await db.selectFrom('throttle_states').selectAll().execute();
    expect(rows).toEqual([]);
  });
});
