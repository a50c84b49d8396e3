import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { formatProblems, loadContent } from '../content/load-content';
import { createApp } from './app';
import { compactStoredResults, sweepAttempts } from './attempts/attempt-lifecycle';
import { createContentStore } from './content/content-store';
import { DEFAULT_RATE_LIMITS, UNLIMITED_RATE_LIMITS } from './http/rate-limit';
import {
  describeStorageFailure,
  isPostgresUrl,
  isStorageFailure,
  openDatabase,
  probeDatabaseWrite,
  SQL_LOG_SEPARATOR,
  type AppDatabase,
} from './db/database';

/**
 * Starts Readproof: checks the content, opens and migrates the database, serves the API and the
 * built client, and on SIGTERM or SIGINT finishes the requests in flight before closing the
 * database and exiting 0.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
/**
 * DATABASE_URL (`postgres://…`) selects PostgreSQL, for several instances on one database
 * (docs/operations.md); without it, the SQLite file at DATABASE_PATH.
 */
const databaseUrl = process.env.DATABASE_URL || undefined;
if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
  console.error(
    `DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/readproof; for SQLite set DATABASE_PATH instead.`,
  );
  process.exit(1);
}
const databaseLocation =
  databaseUrl ?? process.env.DATABASE_PATH ?? join(repoRoot, 'data', 'readproof.sqlite');
/** The database as logs may show it: a PostgreSQL URL without its password. */
const databaseName = databaseUrl === undefined ? databaseLocation : withoutPassword(databaseUrl);

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}
const questionsDir = process.env.QUESTIONS_DIR ?? join(repoRoot, 'questions');
/** Connections queued while the server is busy, e.g. a whole class opening the quiz at once. */
const LISTEN_BACKLOG = 4096;
/** How long in-flight requests get to finish on shutdown before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * How often Node looks for requests past their timeouts; its default, 30 s, would let a request
 * outlive its timeout by that much.
 */
const TIMEOUT_CHECK_MS = 1000;
/** Only behind a reverse proxy that sets X-Forwarded-Proto, -Host and -For. */
const trustProxy = ['1', 'true', 'yes'].includes((process.env.TRUST_PROXY ?? '').toLowerCase());
const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter((origin) => origin !== '');

function readPublicOrigin(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    return new URL(value).origin;
  } catch {
    console.error(`PUBLIC_ORIGIN must be a URL such as https://quiz.example.org, not "${value}".`);
    process.exit(1);
  }
}
const publicOrigin = readPublicOrigin(process.env.PUBLIC_ORIGIN);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, not "${process.env.PORT}".`);
  process.exit(1);
}

/** A positive whole number from the environment variable `name`, or `fallback` when unset. */
function readPositiveInteger(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    console.error(`${name} must be a whole number of 1 or more, not "${value}".`);
    process.exit(1);
  }
  return number;
}

/**
 * Slow clients: a request must arrive whole within REQUEST_TIMEOUT_SECONDS and its headers
 * within HEADERS_TIMEOUT_SECONDS (Node's defaults, 300 s and 60 s, let a trickled body hold a
 * connection for minutes); at most MAX_CONNECTIONS are open at once, the rest are refused.
 */
const requestTimeoutMs = readPositiveInteger('REQUEST_TIMEOUT_SECONDS', 30) * 1000;
const headersTimeoutMs = Math.min(
  readPositiveInteger('HEADERS_TIMEOUT_SECONDS', 10) * 1000,
  requestTimeoutMs,
);
const maxConnections = readPositiveInteger('MAX_CONNECTIONS', 2000);
/**
 * How often attempts whose time ran out are submitted (so the gradebook never waits on a
 * student) and abandoned practice attempts deleted.
 */
const sweepIntervalMs = readPositiveInteger('SWEEP_INTERVAL_SECONDS', 30) * 1000;

const content = await loadContent(questionsDir);
if (content.problems.length > 0) {
  console.error(formatProblems(content.problems));
  console.error(
    `Readproof did not start: the content in ${questionsDir} has ${content.problems.length} problem(s) (listed above).`,
  );
  process.exit(1);
}

/**
 * SQL_LOG_PATH (for `npm run bench`): each distinct SQL statement the server prepares is appended
 * to this file, once, so the bench can print the query plan of every statement a route ran.
 */
const sqlLogPath = process.env.SQL_LOG_PATH || undefined;
const logStatement =
  sqlLogPath === undefined
    ? undefined
    : (statement: string) => appendFileSync(sqlLogPath, `${statement}\n${SQL_LOG_SEPARATOR}\n`);

/** The database, opened and proven writable, or an exit with one line saying why not. */
async function openWritableDatabase(): Promise<AppDatabase> {
  const refuse = (reason: string): never => {
    console.error(
      databaseUrl === undefined
        ? `Readproof did not start: the database ${databaseName} cannot be written (${reason}). Check that the file and its folder are writable and the disk has space.`
        : `Readproof did not start: the database ${databaseName} cannot be written (${reason}). Check that the PostgreSQL server is running, reachable and not read-only, and that its disk has space.`,
    );
    process.exit(1);
  };
  try {
    const opened = await openDatabase(databaseLocation, {
      onPrepare: logStatement,
      poolSize: readPositiveInteger('DATABASE_POOL_SIZE', 10),
    });
    const problem = await probeDatabaseWrite(opened, new Date());
    return problem === null ? opened : refuse(problem);
  } catch (error) {
    if (isStorageFailure(error)) return refuse(describeStorageFailure(error));
    throw error;
  }
}

const db = await openWritableDatabase();
const store = createContentStore(db, content);
const app = createApp({
  db,
  content,
  store,
  clientDir: join(repoRoot, 'dist', 'client'),
  trustProxy,
  publicOrigin,
  allowedOrigins,
  // Signs device cookies; without it the server keeps a generated key in the database.
  sessionSecret: process.env.SESSION_SECRET || undefined,
  // Per-address limits on starting attempts and wrong codes; `off` only for a load test from one
  // machine (every simulated student shares its address).
  rateLimits: process.env.RATE_LIMITS === 'off' ? UNLIMITED_RATE_LIMITS : DEFAULT_RATE_LIMITS,
});

// A sweep of a big assignment outlasts the interval: the next one starts only after it ends.
let sweepRunning = false;
const overdueSweep = setInterval(() => {
  if (sweepRunning) return;
  sweepRunning = true;
  sweepAttempts({ db, store }, new Date())
    .catch((error: unknown) => {
      console.error('Sweeping overdue and abandoned attempts failed:', error);
    })
    .finally(() => (sweepRunning = false));
}, sweepIntervalMs);
overdueSweep.unref();

/**
 * Submissions store their results uncompressed (deflating was a third of a submit's CPU); they
 * are compressed once no submission has arrived for COMPACT_WHEN_IDLE_MS, and by the periodic
 * sweep in any case.
 */
const COMPACT_WHEN_IDLE_MS = 1000;
let compacting = false;
const compaction = setInterval(() => {
  if (compacting || sweepRunning) return;
  compacting = true;
  compactStoredResults(db, { whenIdleFor: COMPACT_WHEN_IDLE_MS })
    .catch((error: unknown) => {
      console.error('Compressing stored results failed:', error);
    })
    .finally(() => (compacting = false));
}, COMPACT_WHEN_IDLE_MS);
compaction.unref();

const adaptor = createAdaptorServer({
  fetch: app.fetch,
  serverOptions: {
    requestTimeout: requestTimeoutMs,
    headersTimeout: headersTimeoutMs,
    connectionsCheckingInterval: TIMEOUT_CHECK_MS,
  },
});
if (!(adaptor instanceof http.Server)) throw new Error('Readproof serves HTTP/1.1 only');
const server: http.Server = adaptor;
server.maxConnections = maxConnections;
server.on('error', (error) => {
  console.error(`Readproof could not listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
  const address = server.address();
  const listeningPort = typeof address === 'object' && address ? address.port : port;
  const shownHost =
    host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
  console.log(
    `Readproof is running at http://${shownHost}:${listeningPort} (database: ${databaseName})`,
  );
});

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then stopping.`);
  clearInterval(overdueSweep);
  clearInterval(compaction);
  // close() drops the connections idle at that moment; keep-alive connections whose request was
  // in flight become idle only once answered, so they are swept until the server has closed.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  const cutOff = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  server.close((error) => {
    clearInterval(sweep);
    clearTimeout(cutOff);
    void db.destroy().then(() => process.exit(error ? 1 : 0));
  });
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
