import { randomUUID } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { PublicQuestion } from '../../src/domain/public-question';
import { openDatabase } from '../../src/server/db/database';
import { startServerProcess, type ServerProcess } from './server-process';
import { createDatabase } from './support/postgres-cluster';
import { onPostgres, TEMPLATE_DATABASE } from './support/test-database';
import { QUESTIONS_DIR, buildSomeResponse, type StartedAttempt } from './test-app';

/**
 * The real server as a process. The node project runs it on SQLite files; the postgres project
 * runs what depends on the database on PostgreSQL (a fresh database per test), and leaves the
 * rest, which is the same HTTP server whatever the database, to the node project.
 */
const ON_POSTGRES = onPostgres();
const HTTP_ONLY = 'the same HTTP server on either database: the node project runs it';

const running: ServerProcess[] = [];
const folders: string[] = [];

function temporaryDatabase(): string {
  const folder = mkdtempSync(join(tmpdir(), 'readproof-durability-'));
  folders.push(folder);
  return join(folder, 'nested', 'readproof.sqlite');
}

/** A fresh empty PostgreSQL database on the postgres project's throwaway cluster; its URL. */
async function temporaryPostgresDatabase(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  if (adminUrl === undefined) throw new Error('Not in the postgres project');
  return createDatabase(
    adminUrl,
    `durability_${randomUUID().replaceAll('-', '')}`,
    TEMPLATE_DATABASE,
  );
}

/** The environment for a new empty database of the project's kind. */
async function temporaryDatabaseEnv(): Promise<Record<string, string>> {
  return ON_POSTGRES
    ? { DATABASE_URL: await temporaryPostgresDatabase() }
    : { DATABASE_PATH: temporaryDatabase() };
}

async function start(
  database: string | Record<string, string>,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const server = await startServerProcess({
    ...(typeof database === 'string' ? { DATABASE_PATH: database } : database),
    ...env,
  });
  running.push(server);
  return server;
}

afterEach(() => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null)
      server.child.kill('SIGKILL');
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function startAttemptOver(server: { url: string }): Promise<StartedAttempt> {
  const banks = (await (await fetch(`${server.url}/api/banks`)).json()) as { id: string }[];
  const response = await fetch(`${server.url}/api/attempts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ bankId: banks[0]?.id }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as StartedAttempt;
}

describe('the real server', () => {
  it('keeps every saved answer when it is killed and started again', async ({ skip }) => {
    skip(ON_POSTGRES, 'one SQLite file; PostgreSQL has the two-instance test below');
    const databasePath = temporaryDatabase();
    const first = await start(databasePath);
    const attempt = await startAttemptOver(first);
    const saved: Record<string, unknown> = {};
    for (const question of attempt.questions) {
      saved[question.id] = buildSomeResponse(question);
      const response = await fetch(
        `${first.url}/api/attempts/${attempt.attemptId}/responses/${question.id}`,
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${attempt.token}` },
          body: JSON.stringify({ response: saved[question.id] }),
        },
      );
      expect(response.status).toBe(200);
    }
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await expect(fetch(`${first.url}/api/health`)).rejects.toThrow();

    const second = await start(databasePath);
    const response = await fetch(`${second.url}/api/attempts/${attempt.attemptId}`, {
      headers: { Authorization: `Bearer ${attempt.token}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { responses: Record<string, unknown> };
    expect(body.responses).toEqual(saved);
  }, 60_000);

  it('finishes the request in flight, then exits 0 on SIGTERM', async () => {
    // On PostgreSQL too: the answer must be committed before the pool is closed.
    const server = await start(await temporaryDatabaseEnv());
    const attempt = await startAttemptOver(server);
    const question = attempt.questions[0];
    if (!question) throw new Error('no questions');
    const body = JSON.stringify({ response: buildSomeResponse(question) });

    // Send the headers and half the body, stop the server, then send the rest: the request was
    // in flight when SIGTERM came, so it must still be answered and its answer kept.
    const { hostname, port } = new URL(server.url);
    const request = http.request({
      hostname,
      port,
      method: 'PUT',
      path: `/api/attempts/${attempt.attemptId}/responses/${question.id}`,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        Authorization: `Bearer ${attempt.token}`,
      },
    });
    const answered = new Promise<http.IncomingMessage>((done, failed) => {
      request.on('response', done);
      request.on('error', failed);
    });
    request.write(body.slice(0, 10));
    await delay(300);
    server.child.kill('SIGTERM');
    await delay(300);
    request.end(body.slice(10));
    expect((await answered).statusCode).toBe(200);

    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM');
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  }, 60_000);

  it('refuses to start when the content has problems, and prints them', async ({ skip }) => {
    skip(ON_POSTGRES, 'the content is checked before any database is opened');
    const questionsDir = mkdtempSync(join(tmpdir(), 'readproof-questions-'));
    folders.push(questionsDir);
    const articleDir = join(questionsDir, 'putin-kursk-visit');
    mkdirSync(articleDir);
    copyFileSync(
      join(QUESTIONS_DIR, 'putin-kursk-visit', 'article.md'),
      join(articleDir, 'article.md'),
    );
    writeFileSync(join(articleDir, 'broken.yaml'), 'id: broken\narticle: putin-kursk-visit\n');
    const server = startServerProcess({ DATABASE_PATH: ':memory:', QUESTIONS_DIR: questionsDir });
    await expect(server).rejects.toThrow(/exited \(1\)[\s\S]*broken\.yaml:\d+:\d+/);
  }, 60_000);

  it('cuts off a client that trickles its request body, once the request timeout is up', async ({
    skip,
  }) => {
    skip(ON_POSTGRES, HTTP_ONLY);
    // Node's default let such a request hold its connection for 300 s (issue 10, item 13).
    const server = await start(temporaryDatabase(), {
      REQUEST_TIMEOUT_SECONDS: '2',
      HEADERS_TIMEOUT_SECONDS: '1',
    });
    const { hostname, port } = new URL(server.url);
    const socket = net.connect(Number(port), hostname);
    await new Promise((connected) => socket.once('connect', connected));
    const opened = Date.now();
    socket.write(
      'POST /api/attempts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const trickle = setInterval(() => socket.write(' '), 200);
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now())));
    socket.on('error', () => undefined);
    try {
      const seconds = ((await closed) - opened) / 1000;
      // The timeout, plus at most one of the server's 1 s checks and some slack for a busy machine.
      expect(seconds).toBeGreaterThanOrEqual(1.9);
      expect(seconds).toBeLessThan(6);
      if (answer !== '') expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  }, 60_000);

  it('refuses connections past MAX_CONNECTIONS and takes them again once one closes', async ({
    skip,
  }) => {
    skip(ON_POSTGRES, HTTP_ONLY);
    const server = await start(temporaryDatabase(), { MAX_CONNECTIONS: '3' });
    const { hostname, port } = new URL(server.url);
    const connect = async () => {
      const socket = net.connect(Number(port), hostname);
      socket.on('error', () => undefined);
      await new Promise((connected) => socket.once('connect', connected));
      return socket;
    };
    const held = [await connect(), await connect(), await connect()];
    // Over the cap: the server closes the connection at once, without an answer.
    const refused = await connect();
    await new Promise((done) => refused.once('close', done));
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    held.pop()?.destroy();
    await delay(200);
    const response = await fetch(`${server.url}/api/health`, {
      headers: { Connection: 'close' },
    });
    expect(response.status).toBe(200);
    for (const socket of held) socket.destroy();
  }, 60_000);

  it('refuses to start on a database it cannot write, saying so in one line', async ({ skip }) => {
    skip(ON_POSTGRES, 'a read-only SQLite file; PostgreSQL has the unreachable server below');
    const folder = mkdtempSync(join(tmpdir(), 'readproof-read-only-'));
    folders.push(folder);
    const databasePath = join(folder, 'readproof.sqlite');
    await (await openDatabase(databasePath)).destroy();
    chmodSync(databasePath, 0o444);
    chmodSync(folder, 0o555);
    // Root writes whatever the permissions say, so as root the server runs as `nobody`, for
    // whom the file and its folder are read-only as they would be for any user.
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const started = startServerProcess({ DATABASE_PATH: databasePath }, asOther);
    const error = await started.then(
      () => {
        throw new Error('The server started on a read-only database');
      },
      (failure: unknown) => failure as Error,
    );
    const output = error.message.slice(error.message.indexOf(':\n') + 2).trim();
    expect(error.message).toMatch(/exited \(1\)/);
    expect(output).toMatch(
      /^Readproof did not start: the database .*readproof\.sqlite cannot be written \(SQLITE_READONLY/,
    );
    expect(output.split('\n')).toHaveLength(1);
    expect(output).not.toMatch(/^\s+at /m);
  }, 60_000);
});

interface SentSave {
  value: unknown;
  acknowledged: boolean;
}

describe.runIf(ON_POSTGRES)('two real servers on one PostgreSQL database', () => {
  it('keep every acknowledged answer when one is killed under autosave load', async () => {
    const url = await temporaryPostgresDatabase();
    // Every simulated student shares 127.0.0.1.
    const env = { DATABASE_URL: url, RATE_LIMITS: 'off', DATABASE_POOL_SIZE: '8' };
    const [doomed, survivor] = await Promise.all([start(env), start(env)]);
    const instances = [doomed, survivor];

    // A class of students, each with an attempt started through one of the two.
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => startAttemptOver(instances[i % 2] ?? survivor)),
    );
    /** Every save each answer was sent, in order, and whether it was acknowledged. */
    const sent = new Map<string, SentSave[]>();
    const keyOf = (attemptId: string, questionId: string) => `${attemptId} ${questionId}`;
    let acknowledged = 0;
    let acknowledgedAfterKill = 0;
    let failed = 0;
    let killed = false;
    let stopping = false;

    const saveThrough = async (
      server: ServerProcess,
      attempt: StartedAttempt,
      question: PublicQuestion,
      value: unknown,
    ): Promise<boolean> => {
      const saves = sent.get(keyOf(attempt.attemptId, question.id)) ?? [];
      sent.set(keyOf(attempt.attemptId, question.id), saves);
      const save: SentSave = { value, acknowledged: false };
      saves.push(save);
      try {
        const response = await fetch(
          `${server.url}/api/attempts/${attempt.attemptId}/responses/${question.id}`,
          {
            method: 'PUT',
            headers: {
              'Content-Type': 'application/json',
              Authorization: `Bearer ${attempt.token}`,
            },
            body: JSON.stringify({ response: value }),
          },
        );
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      } catch (error) {
        // Only the killed instance may fail to answer.
        if (server !== doomed || !killed) throw error;
        failed += 1;
        return false;
      }
      save.acknowledged = true;
      acknowledged += 1;
      if (killed) acknowledgedAfterKill += 1;
      return true;
    };

    // Each student autosaves answer after answer, alternating between the two servers as a
    // round-robin proxy would; a save the killed one did not answer is sent again to the other.
    const students = attempts.map(async (attempt, i) => {
      for (let round = 0; !stopping; round += 1) {
        for (const [k, question] of attempt.questions.entries()) {
          if (stopping) return;
          const value = buildSomeResponse(question, round);
          const server = (i + k + round) % 2 === 0 ? doomed : survivor;
          if (!(await saveThrough(server, attempt, question, value))) {
            await saveThrough(survivor, attempt, question, value);
          }
        }
      }
    });

    const waitFor = async (condition: () => boolean, seconds: number) => {
      const until = Date.now() + seconds * 1000;
      while (!condition() && Date.now() < until) await delay(20);
    };
    await waitFor(() => acknowledged >= 150, 10);
    doomed.child.kill('SIGKILL');
    killed = true;
    expect(await doomed.exited).toBe('SIGKILL');
    await waitFor(() => acknowledgedAfterKill >= 100, 10);
    stopping = true;
    await Promise.all(students);
    expect(acknowledged).toBeGreaterThanOrEqual(150);
    // Saves went on through the survivor, while those sent to the killed server failed.
    expect(acknowledgedAfterKill).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);

    // Each answer as stored is the last one acknowledged, or one sent after it that the killed
    // server may have committed without answering: no acknowledged answer was lost.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const stored = new Map<string, unknown>();
    try {
      const { rows } = await client.query<{
        attempt_id: string;
        question_id: string;
        response_json: string | null;
      }>('select attempt_id, question_id, response_json from responses');
      for (const row of rows) {
        stored.set(
          keyOf(row.attempt_id, row.question_id),
          row.response_json === null ? null : JSON.parse(row.response_json),
        );
      }
    } finally {
      await client.end();
    }
    let checked = 0;
    for (const [key, saves] of sent) {
      const lastAcknowledged = saves.findLastIndex((save) => save.acknowledged);
      if (lastAcknowledged === -1) continue;
      const possible = saves.slice(lastAcknowledged).map((save) => save.value);
      expect(possible, `the answer ${key}`).toContainEqual(stored.get(key));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);

    // The surviving server shows each student the same answers.
    for (const attempt of attempts) {
      const response = await fetch(`${survivor.url}/api/attempts/${attempt.attemptId}`, {
        headers: { Authorization: `Bearer ${attempt.token}` },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { responses: Record<string, unknown> };
      const expected = Object.fromEntries(
        attempt.questions.flatMap((question) => {
          const key = keyOf(attempt.attemptId, question.id);
          return stored.has(key) ? [[question.id, stored.get(key)]] : [];
        }),
      );
      expect(body.responses).toEqual(expected);
    }
  }, 60_000);

  it('refuses to start when PostgreSQL cannot be reached, saying so in one line', async () => {
    // A port nothing listens on: the cluster's, plus one.
    const adminUrl = new URL(inject('postgresAdminUrl') ?? '');
    adminUrl.port = String(Number(adminUrl.port) + 1);
    adminUrl.pathname = '/readproof';
    const error = await startServerProcess({ DATABASE_URL: adminUrl.href }).then(
      () => {
        throw new Error('The server started without its database');
      },
      (failure: unknown) => failure as Error,
    );
    const output = error.message.slice(error.message.indexOf(':\n') + 2).trim();
    expect(error.message).toMatch(/exited \(1\)/);
    expect(output).toMatch(
      /^Readproof did not start: the database postgres:\/\/.*\/readproof cannot be written \(ECONNREFUSED/,
    );
    expect(output.split('\n')).toHaveLength(1);
    expect(output).not.toMatch(/^\s+at /m);
  }, 60_000);
});
