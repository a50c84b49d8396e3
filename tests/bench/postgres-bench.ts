import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../../src/server/db/database';
import { findPostgresBin, MISSING_POSTGRES_MESSAGE } from '../server/support/postgres-bin';
import { startPostgresCluster } from '../server/support/postgres-cluster';
import { startServerProcess, type ServerProcess } from '../server/server-process';
import { buildSave, readServerCpuMs, saveRequest, startAttempts, type Save } from './server-bench';

/**
 * `npm run bench -- --only=postgres` (issue 15): autosave on the three ways to run Readproof, in
 * one run and under the same load, each beside GET /api/health measured through the same entry
 * point just before it:
 *
 * 1. SQLite, one instance (the default);
 * 2. PostgreSQL, one instance;
 * 3. PostgreSQL, two instances behind round-robin-proxy.ts, so one student's saves alternate
 *    between the instances.
 *
 * PostgreSQL is a throwaway cluster with its default durability (fsync on, synchronous commit):
 * an acknowledged save is on disk, as on SQLite. Afterwards every question saved is read back
 * from the database and compared with the last answer acknowledged for it.
 *
 * Everything shares this machine's two cores: autocannon, the proxy, the app instances and
 * PostgreSQL. Two instances cannot show their scaling here the way they would on machines of
 * their own; what the third column shows is that nothing is lost when saves alternate.
 */
const CONNECTIONS = 100;
const DURATION_SECONDS = 10;
const BASELINE_SECONDS = 3;
const ATTEMPTS = 500;
const REPO_ROOT = resolve(import.meta.dirname, '../..');

interface Column {
  label: string;
  baseline: { requestsPerSecond: number; p99: number };
  autosave: {
    requestsPerSecond: number;
    p99: number;
    failures: number;
    /** The instances' CPU time (user + system, summed) per acknowledged save, in ms. */
    cpuMsPerSave: number;
  };
  /** Questions whose save was acknowledged, and of those how many the database holds. */
  acknowledged: number;
  found: number;
}

interface Entry {
  url: string;
  servers: ServerProcess[];
  /** The database the instances share, for reading the answers back. */
  database: string;
}

/** Starts the round-robin proxy in a process of its own; resolves with its URL. */
function startProxy(upstreams: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/round-robin-proxy.ts', ...upstreams],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((started, failed) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) started({ url, child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => failed(new Error(`The proxy exited (${code}):\n${output}`)));
  });
}

const cpuOf = (servers: ServerProcess[]) =>
  servers.reduce((sum, server) => sum + readServerCpuMs(server), 0);

/**
 * Every saved answer, keyed `attemptId questionId`, read straight from the database (not through
 * the app's openDatabase, which would migrate it).
 */
async function readSavedAnswers(database: string): Promise<Map<string, unknown>> {
  const query = 'select attempt_id, question_id, response_json from responses';
  type Row = { attempt_id: string; question_id: string; response_json: string | null };
  let rows: Row[];
  if (isPostgresUrl(database)) {
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      rows = (await client.query<Row>(query)).rows;
    } finally {
      await client.end();
    }
  } else {
    const sqlite = new BetterSqlite3(database, { readonly: true });
    try {
      rows = sqlite.prepare(query).all() as Row[];
    } finally {
      sqlite.close();
    }
  }
  return new Map(
    rows.map((row) => [
      `${row.attempt_id} ${row.question_id}`,
      typeof row.response_json === 'string'
        ? (JSON.parse(row.response_json) as unknown)
        : (row.response_json ?? undefined),
    ]),
  );
}

/** What the database must hold for one question: the last acknowledged answer, or a later one. */
interface ExpectedAnswer {
  acknowledged?: unknown;
  unacknowledged: unknown[];
}

/**
 * Health for BASELINE_SECONDS, then autosave for DURATION_SECONDS over CONNECTIONS connections,
 * round-robin over every question of ATTEMPTS attempts (another answer on each pass), through
 * `entry`; then the answers are read back from the database.
 */
async function measureColumn(label: string, entry: Entry): Promise<Column> {
  const attempts = await startAttempts(entry, ATTEMPTS);
  const questions = attempts.flatMap((attempt) =>
    attempt.questions.map((_, index) => ({ attempt, index })),
  );
  const baseline = await autocannon({
    url: `${entry.url}/api/health`,
    connections: CONNECTIONS,
    duration: BASELINE_SECONDS,
  });

  const expected = new Map<string, ExpectedAnswer>();
  const expectedFor = (save: Save) => {
    const key = `${save.attemptId} ${save.questionId}`;
    const answer = expected.get(key) ?? { unacknowledged: [] };
    expected.set(key, answer);
    return answer;
  };
  let sent = 0;
  const cpuBefore = cpuOf(entry.servers);
  const started = performance.now();
  const result = await autocannon({
    url: entry.url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [
      {
        setupRequest: (request, context: { inFlight?: Save }) => {
          const next = questions[sent % questions.length];
          if (!next) throw new Error('No questions to save');
          const save = buildSave(next.attempt, next.index, Math.floor(sent / questions.length));
          sent += 1;
          expectedFor(save).unacknowledged.push(save.response);
          context.inFlight = save;
          return { ...request, ...saveRequest(save) };
        },
        onResponse: (status, _body, context: { inFlight?: Save }) => {
          const save = context.inFlight;
          if (status !== 200 || !save) return;
          const answer = expectedFor(save);
          answer.acknowledged = save.response;
          answer.unacknowledged = [];
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpuOf(entry.servers) - cpuBefore;

  const saved = await readSavedAnswers(entry.database);
  let acknowledged = 0;
  let found = 0;
  for (const [key, answer] of expected) {
    if (answer.acknowledged === undefined) continue;
    acknowledged += 1;
    const candidates = [answer.acknowledged, ...answer.unacknowledged];
    if (candidates.some((candidate) => isDeepStrictEqual(saved.get(key), candidate))) found += 1;
  }
  return {
    label,
    baseline: {
      requestsPerSecond: baseline['2xx'] / BASELINE_SECONDS,
      p99: baseline.latency.p99,
    },
    autosave: {
      requestsPerSecond: result['2xx'] / seconds,
      p99: result.latency.p99,
      failures: result.non2xx + result.errors,
      cpuMsPerSave: cpuMs / Math.max(1, result['2xx']),
    },
    acknowledged,
    found,
  };
}

async function stopAll(servers: ServerProcess[]) {
  for (const server of servers) server.child.kill('SIGTERM');
  await Promise.all(servers.map((server) => server.exited));
}

function printColumns(columns: Column[]) {
  const width = 34;
  const line = (label: string, cells: string[]) =>
    console.log(`  ${label.padEnd(34)}${cells.map((cell) => cell.padStart(width)).join('')}`);
  const sqlite = columns[0];
  line(
    '',
    columns.map((column) => column.label),
  );
  line(
    'GET /api/health (baseline)',
    columns.map(
      (column) =>
        `${Math.round(column.baseline.requestsPerSecond)} req/s, p99 ${column.baseline.p99} ms`,
    ),
  );
  line(
    'autosave (PUT one answer)',
    columns.map(
      (column) =>
        `${Math.round(column.autosave.requestsPerSecond)} req/s, p99 ${column.autosave.p99} ms`,
    ),
  );
  line(
    '  autosave / its baseline',
    columns.map(
      (column) =>
        `${(column.autosave.requestsPerSecond / column.baseline.requestsPerSecond).toFixed(2)}x`,
    ),
  );
  line(
    '  autosave / SQLite autosave',
    columns.map((column) =>
      sqlite
        ? `${(column.autosave.requestsPerSecond / sqlite.autosave.requestsPerSecond).toFixed(2)}x`
        : '',
    ),
  );
  line(
    '  app CPU per save (all instances)',
    columns.map((column) =>
      Number.isNaN(column.autosave.cpuMsPerSave)
        ? 'n/a'
        : `${Math.round(column.autosave.cpuMsPerSave * 1000)} µs`,
    ),
  );
  line(
    '  refused or failed',
    columns.map((column) => `${column.autosave.failures}`),
  );
  line(
    'answers acknowledged / found',
    columns.map(
      (column) =>
        `${column.acknowledged} / ${column.found}` +
        (column.found < column.acknowledged ? ` (${column.acknowledged - column.found} LOST)` : ''),
    ),
  );
}

export async function runPostgresBenchmark(): Promise<void> {
  if (findPostgresBin() === undefined) {
    console.log(`\nPostgreSQL: skipped. ${MISSING_POSTGRES_MESSAGE}`);
    return;
  }
  const [load1] = loadavg();
  console.log(
    `\nSQLite and PostgreSQL: autosave over ${CONNECTIONS} connections for ${DURATION_SECONDS} s each, round-robin over every question of ${ATTEMPTS} attempts` +
      ` (load average ${load1?.toFixed(1) ?? '?'} at the start; everything on this machine's cores, PostgreSQL with its default durability)`,
  );
  const folder = mkdtempSync(join(tmpdir(), 'readproof-postgres-bench-'));
  const cluster = await startPostgresCluster({ fast: false });
  const columns: Column[] = [];
  // Every simulated student comes from this machine's one address: lift the per-address limits.
  const env = { RATE_LIMITS: 'off' };
  try {
    const sqlitePath = join(folder, 'bench.sqlite');
    const sqlite = await startServerProcess({ ...env, DATABASE_PATH: sqlitePath });
    try {
      columns.push(
        await measureColumn('SQLite, 1 instance', {
          url: sqlite.url,
          servers: [sqlite],
          database: sqlitePath,
        }),
      );
    } finally {
      await stopAll([sqlite]);
    }

    const oneUrl = await cluster.createDatabase('bench_one');
    const one = await startServerProcess({ ...env, DATABASE_URL: oneUrl });
    try {
      columns.push(
        await measureColumn('PostgreSQL, 1 instance', {
          url: one.url,
          servers: [one],
          database: oneUrl,
        }),
      );
    } finally {
      await stopAll([one]);
    }

    const twoUrl = await cluster.createDatabase('bench_two');
    // Started together, as after a deploy: the migrator's lock lets one of them migrate.
    const two = await Promise.all([
      startServerProcess({ ...env, DATABASE_URL: twoUrl }),
      startServerProcess({ ...env, DATABASE_URL: twoUrl }),
    ]);
    const proxy = await startProxy(two.map((server) => server.url));
    try {
      columns.push(
        await measureColumn('PostgreSQL, 2 instances + proxy', {
          url: proxy.url,
          servers: two,
          database: twoUrl,
        }),
      );
    } finally {
      proxy.child.kill('SIGTERM');
      await stopAll(two);
    }
    printColumns(columns);
  } finally {
    await cluster.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await runPostgresBenchmark();
