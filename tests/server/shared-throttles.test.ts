import { sql } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createApp, type AppOptions } from '../../src/server/app';
import { openDatabase, type AppDatabase } from '../../src/server/db/database';
import { sweepAttempts } from '../../src/server/attempts/attempt-lifecycle';
import { createContentStore } from '../../src/server/content/content-store';
import { DEFAULT_RATE_LIMITS } from '../../src/server/http/rate-limit';
import { ACCOUNT_THROTTLE } from '../../src/server/teachers/login-throttle';
import { onPostgres } from './support/test-database';
import {
  PASSWORD,
  TEST_PASSWORD_COST,
  createTeacherTestApp,
  firstBankId,
  send,
  signUpTeacher,
  type TeacherTestApp,
} from './teacher-test-app';

/**
 * Two app instances over one database, in this process, with every client's requests sent to
 * both in turn as a round-robin proxy would: each limit must hold for both together, not once
 * per instance.
 *
 * PostgreSQL only: that is where several instances share a database, and where the counts live
 * in it. On SQLite (one process by design) each app counts in its own memory, so two apps over
 * one SQLite database would each allow the full limit; that is no supported deployment.
 */

const ADDRESS = '203.0.113.7';

const secondHandles: AppDatabase[] = [];

afterEach(async () => {
  for (const db of secondHandles.splice(0)) await db.destroy();
});

/**
 * Another connection pool to `db`'s PostgreSQL database, as a second instance would have: its
 * transactions run on connections of their own.
 */
async function openSecondHandle(db: AppDatabase): Promise<AppDatabase> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  const url = new URL(inject('postgresAdminUrl') ?? '');
  url.pathname = `/${rows[0]?.name ?? ''}`;
  const second = await openDatabase(url.href, { poolSize: 4 });
  secondHandles.push(second);
  return second;
}

/** Two apps, each with its own pool, over one database, with one clock. */
async function createTwoInstances(
  options: Partial<AppOptions> = {},
): Promise<[TeacherTestApp, TeacherTestApp]> {
  const first = await createTeacherTestApp({ trustProxy: true, ...options });
  const db = await openSecondHandle(first.db);
  const second = {
    ...first,
    db,
    app: createApp({
      trustProxy: true,
      ...options,
      db,
      content: first.content,
      now: first.clock.now,
      passwordCost: TEST_PASSWORD_COST,
    }),
  };
  return [first, second];
}

function login(instance: TeacherTestApp, email: string, password: string) {
  return send(instance, 'POST', '/api/teacher/login', {
    body: { email, password },
    headers: { 'X-Forwarded-For': ADDRESS },
  });
}

function startPractice(instance: TeacherTestApp) {
  return send(instance, 'POST', '/api/attempts', {
    body: { bankId: firstBankId(instance) },
    headers: { 'X-Forwarded-For': ADDRESS },
  });
}

function lookUpCode(instance: TeacherTestApp, code: string) {
  return send(instance, 'GET', `/api/join/${code}`, { headers: { 'X-Forwarded-For': ADDRESS } });
}

async function countStatuses(responses: Promise<Response>[]): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  for (const { status } of await Promise.all(responses)) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe.skipIf(!onPostgres())('limits shared by two instances on one database', () => {
  it('throttles an account after exactly its free failures, counted on both instances', async () => {
    const instances = await createTwoInstances();
    const teacher = await signUpTeacher(instances[0]);
    const free = ACCOUNT_THROTTLE.freeFailures;
    const statuses: number[] = [];
    for (let index = 0; index < free + 4; index += 1) {
      const instance = instances[index % 2] as TeacherTestApp;
      statuses.push((await login(instance, teacher.email, `wrong ${index}`)).status);
    }
    // The free failures and the one that earns the first wait are checked; then both refuse.
    expect(statuses).toEqual([...Array<number>(free + 1).fill(401), 429, 429, 429]);
    for (const instance of instances) {
      const right = await login(instance, teacher.email, PASSWORD);
      expect(right.status).toBe(429);
      expect(right.headers.get('Retry-After')).toBe(String(ACCOUNT_THROTTLE.baseDelaySeconds));
    }

    // The wait is over on both at once, and a success on one clears the account for both.
    instances[0].clock.advanceSeconds(ACCOUNT_THROTTLE.baseDelaySeconds);
    expect((await login(instances[1], teacher.email, PASSWORD)).status).toBe(200);
    expect((await login(instances[0], teacher.email, 'wrong again')).status).toBe(401);

    // Once every count has drained, the sweep leaves no row behind.
    instances[0].clock.advanceMinutes(120);
    const { db, content } = instances[0];
    await sweepAttempts({ db, store: createContentStore(db, content) }, instances[0].clock.now());
    expect(await db.selectFrom('throttle_states').selectAll().execute()).toEqual([]);
  });

  it('lets through exactly the free failures of a burst of wrong passwords sent to both', async () => {
    const instances = await createTwoInstances();
    const teacher = await signUpTeacher(instances[0]);
    const free = ACCOUNT_THROTTLE.freeFailures;
    const counts = await countStatuses(
      Array.from({ length: 16 }, (_, index) =>
        login(instances[index % 2] as TeacherTestApp, teacher.email, `wrong ${index}`),
      ),
    );
    expect(counts).toEqual({ 401: free + 1, 429: 16 - free - 1 });
  });

  it('counts attempt starts from one address on both instances together', async () => {
    const instances = await createTwoInstances({
      rateLimits: { ...DEFAULT_RATE_LIMITS, attemptStarts: { limit: 3, windowSeconds: 600 } },
    });
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      statuses.push((await startPractice(instances[index % 2] as TeacherTestApp)).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
    const refused = await startPractice(instances[1]);
    expect(refused.headers.get('Retry-After')).toBe('200');
    instances[0].clock.advanceSeconds(200);
    expect((await startPractice(instances[1])).status).toBe(201);
    expect((await startPractice(instances[0])).status).toBe(429);
  });

  it('lets through exactly the allowance of a burst of starts sent to both at once', async () => {
    const instances = await createTwoInstances({
      rateLimits: { ...DEFAULT_RATE_LIMITS, attemptStarts: { limit: 5, windowSeconds: 600 } },
    });
    const counts = await countStatuses(
      Array.from({ length: 20 }, (_, index) =>
        startPractice(instances[index % 2] as TeacherTestApp),
      ),
    );
    expect(counts).toEqual({ 201: 5, 429: 15 });
  });

  it('counts codes that open nothing on both instances together', async () => {
    const instances = await createTwoInstances({
      rateLimits: { ...DEFAULT_RATE_LIMITS, codeMisses: { limit: 4, windowSeconds: 600 } },
    });
    const statuses: number[] = [];
    for (let guess = 0; guess < 7; guess += 1) {
      const instance = instances[guess % 2] as TeacherTestApp;
      statuses.push((await lookUpCode(instance, `ZZ${guess + 2}222`)).status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429, 429]);
  });
});
