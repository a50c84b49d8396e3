import http from 'node:http';
import { join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { formatProblems, loadContent } from '../content/load-content';
import { createApp } from './app';
import { submitOverdueAttempts } from './attempt-lifecycle';
import { createContentStore } from './content-store';
import { openDatabase } from './db/database';

/**
 * Starts Readproof: checks the content, opens and migrates the database, serves the API and the
 * built client, and on SIGTERM or SIGINT finishes the requests in flight before closing the
 * database and exiting 0.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const databasePath = process.env.DATABASE_PATH ?? join(repoRoot, 'data', 'readproof.sqlite');
const questionsDir = process.env.QUESTIONS_DIR ?? join(repoRoot, 'questions');
/** Connections queued while the server is busy, e.g. a whole class opening the quiz at once. */
const LISTEN_BACKLOG = 4096;
/** How long in-flight requests get to finish on shutdown before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How often attempts whose time ran out are submitted, so the gradebook never waits on a student. */
const OVERDUE_SWEEP_MS = 30_000;
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

const content = await loadContent(questionsDir);
if (content.problems.length > 0) {
  console.error(formatProblems(content.problems));
  console.error(
    `Readproof did not start: the content in ${questionsDir} has ${content.problems.length} problem(s) (listed above).`,
  );
  process.exit(1);
}

const db = await openDatabase(databasePath);
const store = createContentStore(db, content);
const app = createApp({
  db,
  content,
  store,
  clientDir: join(repoRoot, 'dist', 'client'),
  trustProxy,
  publicOrigin,
  allowedOrigins,
});

const overdueSweep = setInterval(() => {
  submitOverdueAttempts({ db, store }, new Date()).catch((error: unknown) => {
    console.error('Submitting overdue attempts failed:', error);
  });
}, OVERDUE_SWEEP_MS);
overdueSweep.unref();

const adaptor = createAdaptorServer({ fetch: app.fetch });
if (!(adaptor instanceof http.Server)) throw new Error('Readproof serves HTTP/1.1 only');
const server: http.Server = adaptor;
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
    `Readproof is running at http://${shownHost}:${listeningPort} (database: ${databasePath})`,
  );
});

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then stopping.`);
  clearInterval(overdueSweep);
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
