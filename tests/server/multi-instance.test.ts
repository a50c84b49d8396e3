import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PublicQuestion } from '../../src/domain/public-question';
import { ACCOUNT_THROTTLE } from '../../src/server/teachers/login-throttle';
import { hashPassword } from '../../src/server/teachers/password-hash';
import { startServerProcess, type ServerProcess } from './server-process';
import { createDatabase } from './support/postgres-cluster';
import { onPostgres, TEMPLATE_DATABASE } from './support/test-database';
import { PASSWORD, TEST_PASSWORD_COST } from './teacher-test-app';
import { buildSomeResponse } from './test-app';

/**
 * Two real app instances on one PostgreSQL database, each student's requests sent to both in
 * turn, as a round-robin proxy without sticky sessions would: whatever one instance acknowledged
 * the other sees, limits hold across both, and work that must happen once (submitting an overdue
 * attempt) happens once. SQLite is one instance by design (one process owns the file), so the
 * node project skips this file.
 */

interface Instance {
  name: 'A' | 'B';
  url: string;
  server: ServerProcess;
}

interface SendOptions {
  cookie?: string;
  token?: string;
  body?: unknown;
}

/**
 * The one address students and teachers see: each instance is told it by the proxy's forwarding
 * headers (TRUST_PROXY), so links and the same-origin check are the same on both.
 */
const PUBLIC_HOST = 'readproof.test';
const PUBLIC_ORIGIN = `http://${PUBLIC_HOST}`;

/** A request as the proxy would pass a page's on to `instance`: JSON, cookie or token. */
function send(
  instance: Instance,
  method: string,
  path: string,
  { cookie, token, body }: SendOptions = {},
): Promise<Response> {
  return fetch(`${instance.url}${path}`, {
    method,
    headers: {
      Origin: PUBLIC_ORIGIN,
      'X-Forwarded-Proto': 'http',
      'X-Forwarded-Host': PUBLIC_HOST,
      'X-Forwarded-For': '203.0.113.7',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(cookie === undefined ? {} : { Cookie: cookie }),
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

interface Teacher {
  email: string;
  cookie: string;
}

interface Assignment {
  id: string;
  joinCode: string;
}

interface Joined {
  attemptId: string;
  token: string;
  deadline: string | null;
  questions: PublicQuestion[];
}

interface TeacherAttempt {
  status: string;
  responses: Record<string, unknown>;
  result: { questions: { question: { id: string }; response: unknown }[] } | null;
}

describe.skipIf(!onPostgres())('two app instances on one PostgreSQL database', () => {
  let a: Instance;
  let b: Instance;
  let client: pg.Client;
  let bankId: string;

  async function json<T>(response: Response, status: number): Promise<T> {
    const text = await response.text();
    if (response.status !== status) {
      throw new Error(
        `Expected ${status}, got ${response.status}: ${text}\n${extraOutput().join('\n')}`,
      );
    }
    return JSON.parse(text) as T;
  }

  /** Instance A for even `i`, B for odd: a round-robin proxy. */
  const nth = (i: number) => (i % 2 === 0 ? a : b);
  const other = (instance: Instance) => (instance === a ? b : a);

  beforeAll(async () => {
    const adminUrl = inject('postgresAdminUrl');
    if (adminUrl === undefined) throw new Error('Not in the postgres project');
    const url = await createDatabase(
      adminUrl,
      `multi_${randomUUID().replaceAll('-', '')}`,
      TEMPLATE_DATABASE,
    );
    const env = {
      DATABASE_URL: url,
      TRUST_PROXY: '1',
      // Every simulated student shares 127.0.0.1; the login throttle is not affected by this.
      RATE_LIMITS: 'off',
      SWEEP_INTERVAL_SECONDS: '1',
      DATABASE_POOL_SIZE: '8',
    };
    const [first, second] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    a = { name: 'A', url: first.url, server: first };
    b = { name: 'B', url: second.url, server: second };
    client = new pg.Client({ connectionString: url });
    await client.connect();
    const banks = await json<{ id: string }[]>(await fetch(`${a.url}/api/banks`), 200);
    bankId = banks[0]?.id ?? '';
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    for (const instance of [a, b]) {
      if (instance && instance.server.child.exitCode === null) {
        instance.server.child.kill('SIGKILL');
        await instance.server.exited;
      }
    }
  });

  /**
   * A new teacher, logged in on one instance; the session cookie works on both. The account is
   * stored directly with a cheap hash (as teacher-test-app.ts's TEST_PASSWORD_COST): a real
   * sign-up's hash takes seconds on a busy 2-core machine, and each failed login another.
   */
  async function signUp(on: Instance): Promise<Teacher> {
    const email = `teacher-${randomUUID()}@school.example`;
    await client.query(
      `insert into teachers (id, name, email, password_hash, created_at) values ($1, $2, $3, $4, $5)`,
      [
        randomUUID(),
        'Ms Rivera',
        email,
        await hashPassword(PASSWORD, TEST_PASSWORD_COST),
        new Date().toISOString(),
      ],
    );
    const response = await send(on, 'POST', '/api/teacher/login', {
      body: { email, password: PASSWORD },
    });
    await json(response, 200);
    const cookie = response.headers
      .getSetCookie()
      .find((header) => header.startsWith('readproof_session='));
    if (!cookie) throw new Error('No session cookie');
    return { email, cookie: cookie.split(';')[0] ?? '' };
  }

  async function createAssignment(
    teacher: Teacher,
    on: Instance,
    settings: Record<string, unknown>,
  ): Promise<Assignment> {
    return json<Assignment>(
      await send(on, 'POST', '/api/teacher/assignments', {
        cookie: teacher.cookie,
        body: { bankId, title: 'Kursk visit, period 3', ...settings },
      }),
      201,
    );
  }

  function join(on: Instance, code: string, name: string): Promise<Response> {
    return send(on, 'POST', `/api/join/${code}`, { body: { name } });
  }

  function save(on: Instance, attempt: Joined, questionId: string, response: unknown) {
    return send(on, 'PUT', `/api/attempts/${attempt.attemptId}/responses/${questionId}`, {
      token: attempt.token,
      body: { response },
    });
  }

  /**
   * The gradebook through each instance, once the background compression of the assignment's
   * results is done: it rewrites attempts, which moves the gradebook's ETag between two reads.
   */
  async function readGradebooks(teacher: Teacher, assignment: Assignment) {
    const until = Date.now() + 10_000;
    for (;;) {
      const { rows } = await client.query<{ count: string }>(
        'select count(*) as count from attempts where assignment_id = $1 and result_pending_json is not null',
        [assignment.id],
      );
      if (Number(rows[0]?.count) === 0 || Date.now() > until) break;
      await delay(100);
    }
    const path = `/api/teacher/assignments/${assignment.id}/gradebook`;
    return Promise.all(
      [a, b].map(async (instance) => {
        const response = await send(instance, 'GET', path, { cookie: teacher.cookie });
        const { generatedAt, ...body } = await json<{ generatedAt: string }>(response, 200);
        expect(generatedAt).toEqual(expect.any(String));
        return { etag: response.headers.get('ETag'), body };
      }),
    );
  }

  /** What the servers printed beyond their start-up line: nothing, when all went well. */
  function extraOutput(): string[] {
    return [a, b].flatMap((instance) =>
      instance.server
        .output()
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.startsWith('Readproof is running at'))
        .map((line) => `${instance.name}: ${line}`),
    );
  }

  it('keeps every acknowledged answer of a class saving on one instance and submitting on the other', async () => {
    const teacher = await signUp(a);
    const assignment = await createAssignment(teacher, b, {
      reviewPolicy: { when: 'immediately', show: 'full' },
      attemptsAllowed: null,
    });
    const students = Array.from({ length: 20 }, (_, i) => `Student ${i + 1}`);
    const outcomes = await Promise.all(
      students.map(async (name, i) => {
        const attempt = await json<Joined>(await join(nth(i), assignment.joinCode, name), 201);
        // Every answer that was acknowledged, as the student last saved it.
        const acknowledged = new Map<string, unknown>();
        for (const [k, question] of attempt.questions.entries()) {
          const response = buildSomeResponse(question, i);
          // Autosave alternates between the instances, answer by answer.
          const saved = await save(nth(i + k), attempt, question.id, response);
          expect(saved.status).toBe(200);
          acknowledged.set(question.id, response);
        }
        // One last change races the submit: saved on one instance, submitted on the other.
        const raced = attempt.questions.find(
          (question) =>
            JSON.stringify(buildSomeResponse(question, i)) !==
            JSON.stringify(buildSomeResponse(question, i + 1)),
        );
        if (!raced) throw new Error('No question whose answer can change');
        const change = buildSomeResponse(raced, i + 1);
        const saveOn = nth(i);
        const [racingSave, submitted] = await Promise.all([
          delay(i % 3).then(() => save(saveOn, attempt, raced.id, change)),
          send(other(saveOn), 'POST', `/api/attempts/${attempt.attemptId}/submit`, {
            token: attempt.token,
          }),
        ]);
        expect(submitted.status).toBe(200);
        // Acknowledged, so scored; or refused because the submit came first: never both lost.
        expect([200, 409]).toContain(racingSave.status);
        if (racingSave.status === 200) acknowledged.set(raced.id, change);
        // The teacher reads the stored result through either instance.
        const stored = await json<TeacherAttempt>(
          await send(
            nth(i + 1),
            'GET',
            `/api/teacher/assignments/${assignment.id}/attempts/${attempt.attemptId}`,
            { cookie: teacher.cookie },
          ),
          200,
        );
        expect(stored.status).toBe('submitted');
        const scored = Object.fromEntries(
          (stored.result?.questions ?? []).map((item) => [item.question.id, item.response]),
        );
        expect(scored).toEqual(Object.fromEntries(acknowledged));
        expect(stored.responses).toEqual(Object.fromEntries(acknowledged));
        return racingSave.status;
      }),
    );
    expect(outcomes).toHaveLength(students.length);

    const [viaA, viaB] = await readGradebooks(teacher, assignment);
    expect(viaA?.body).toEqual(viaB?.body);
    expect(viaA?.etag).toBe(viaB?.etag);
    const gradebook = viaA?.body as { attempts: { status: string }[] };
    expect(gradebook.attempts.map((attempt) => attempt.status)).toEqual(
      students.map(() => 'submitted'),
    );
    expect(extraOutput()).toEqual([]);
  }, 60_000);

  it('starts exactly the attempts allowed when one student joins many times through both', async () => {
    const teacher = await signUp(b);
    const assignment = await createAssignment(teacher, a, { attemptsAllowed: 1 });
    // The same student however the name is typed: case and spacing do not matter.
    const spellings = ['Ann Lee', 'ann lee', 'ANN  LEE', ' Ann Lee '];
    const joins = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        join(nth(i), assignment.joinCode, spellings[i % spellings.length] ?? 'Ann Lee'),
      ),
    );
    const statuses = joins.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(joins.length - 1);
    for (const response of joins.filter((joined) => joined.status === 409)) {
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe('attempts-used-up');
    }
    const { rows } = await client.query<{ count: string }>(
      'select count(*) as count from attempts where assignment_id = $1',
      [assignment.id],
    );
    expect(Number(rows[0]?.count)).toBe(1);
    const [viaA, viaB] = await readGradebooks(teacher, assignment);
    expect(viaA?.body).toEqual(viaB?.body);
    expect((viaB?.body as { attempts: unknown[] }).attempts).toHaveLength(1);
  }, 60_000);

  it('counts failed logins on both instances together', async () => {
    const teacher = await signUp(a);
    const login = (on: Instance, password: string) =>
      send(on, 'POST', '/api/teacher/login', { body: { email: teacher.email, password } });
    // As on one instance (login-throttling.test.ts): the free failures and the one that earns the
    // first wait are checked; after that every try is refused, whichever instance gets it.
    const free = ACCOUNT_THROTTLE.freeFailures;
    const statuses: number[] = [];
    for (let i = 0; i <= free; i += 1) {
      statuses.push((await login(nth(i), `wrong password ${i}`)).status);
    }
    expect(statuses).toEqual(Array<number>(free + 1).fill(401));
    for (const instance of [a, b, a, b]) {
      const refused = await login(instance, 'wrong password again');
      expect(refused.status, `a try through instance ${instance.name}`).toBe(429);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    }
    // Even the right password waits, on either instance.
    expect((await login(b, PASSWORD)).status).toBe(429);
    expect((await login(a, PASSWORD)).status).toBe(429);
  }, 60_000);

  it('submits every overdue attempt once, at its deadline, with both instances sweeping', async () => {
    const teacher = await signUp(b);
    const assignment = await createAssignment(teacher, a, {
      timeLimitMinutes: 60,
      attemptsAllowed: null,
    });
    const attempts = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const attempt = await json<Joined>(
          await join(nth(i), assignment.joinCode, `Sweep student ${i + 1}`),
          201,
        );
        for (const [k, question] of attempt.questions.slice(0, 3).entries()) {
          const saved = await save(nth(i + k), attempt, question.id, buildSomeResponse(question));
          expect(saved.status).toBe(200);
        }
        return attempt;
      }),
    );

    // Every write that submits an attempt, as the database saw it: a trigger of this test's own,
    // on the columns only a submission sets (compression of the stored result leaves them alone).
    await client.query(`
      create table submission_log (
        attempt_id text not null,
        status text not null,
        submitted_at text,
        submitted_by text,
        logged_at timestamptz not null default clock_timestamp()
      )`);
    await client.query(`
      create function log_submission() returns trigger language plpgsql as $$
      begin
        insert into submission_log (attempt_id, status, submitted_at, submitted_by)
          values (new.id, new.status, new.submitted_at, new.submitted_by);
        return null;
      end $$`);
    await client.query(`
      create trigger log_submission after update of status, submitted_at, submitted_by
        on attempts for each row execute function log_submission()`);

    // Time runs out for three quarters of the class (a minute and more ago, past the grace);
    // the rest still have most of their hour.
    const now = Date.now();
    const overdue = attempts.filter((_, i) => i % 4 !== 0);
    const deadlines = new Map(
      overdue.map((attempt, i) => [
        attempt.attemptId,
        new Date(now - 60_000 - i * 1000).toISOString(),
      ]),
    );
    await client.query('begin');
    for (const [id, deadline] of deadlines) {
      await client.query('update attempts set deadline = $2 where id = $1', [id, deadline]);
    }
    await client.query('commit');

    // Both instances sweep every second; the gradebook, polled through both, sweeps too.
    const submittedCount = async () => {
      const { rows } = await client.query<{ count: string }>(
        `select count(*) as count from attempts where assignment_id = $1 and status = 'submitted'`,
        [assignment.id],
      );
      return Number(rows[0]?.count);
    };
    const until = Date.now() + 15_000;
    while ((await submittedCount()) < overdue.length && Date.now() < until) {
      await readGradebooks(teacher, assignment);
      await delay(100);
    }
    // A few more sweeps on each instance, which must find nothing more to do.
    await delay(2500);

    const { rows: logged } = await client.query<{
      attempt_id: string;
      status: string;
      submitted_at: string;
      submitted_by: string;
    }>('select attempt_id, status, submitted_at, submitted_by from submission_log');
    expect([...new Set(logged.map((row) => row.attempt_id))].sort()).toEqual(
      [...deadlines.keys()].sort(),
    );
    for (const [id, deadline] of deadlines) {
      const submissions = logged.filter((row) => row.attempt_id === id);
      expect(submissions, `the submissions of attempt ${id}`).toEqual([
        { attempt_id: id, status: 'submitted', submitted_at: deadline, submitted_by: 'deadline' },
      ]);
    }
    const { rows: stored } = await client.query<{
      id: string;
      status: string;
      submitted_at: string | null;
      submitted_by: string | null;
    }>('select id, status, submitted_at, submitted_by from attempts where assignment_id = $1', [
      assignment.id,
    ]);
    for (const row of stored) {
      const deadline = deadlines.get(row.id);
      expect(row).toEqual(
        deadline === undefined
          ? { id: row.id, status: 'in-progress', submitted_at: null, submitted_by: null }
          : { id: row.id, status: 'submitted', submitted_at: deadline, submitted_by: 'deadline' },
      );
    }

    // An overdue attempt takes no more answers on either instance; the others still do.
    for (const [i, attempt] of attempts.entries()) {
      const question = attempt.questions[5] ?? attempt.questions[0];
      if (!question) throw new Error('No questions');
      const response = await save(nth(i + 1), attempt, question.id, buildSomeResponse(question));
      expect(response.status).toBe(deadlines.has(attempt.attemptId) ? 409 : 200);
    }

    const [viaA, viaB] = await readGradebooks(teacher, assignment);
    expect(viaA?.body).toEqual(viaB?.body);
    expect(viaA?.etag).toBe(viaB?.etag);
    const gradebook = viaA?.body as {
      attempts: { attemptId: string; status: string; submittedAt: string | null }[];
    };
    expect(gradebook.attempts).toHaveLength(attempts.length);
    for (const row of gradebook.attempts) {
      const deadline = deadlines.get(row.attemptId);
      expect(row.submittedAt).toBe(deadline ?? null);
      expect(row.status).toBe(deadline === undefined ? 'in-progress' : 'overdue');
    }
    // Nothing failed on either instance: no sweep error, no deadlock, no lost lock.
    expect(extraOutput()).toEqual([]);
  }, 60_000);
});
