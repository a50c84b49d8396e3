import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { compactStoredResults } from '../../src/server/attempts/attempt-lifecycle';
import { openDatabase, SQL_LOG_SEPARATOR } from '../../src/server/db/database';
import { startServerProcess, type ServerProcess } from '../server/server-process';
import { buildSomeResponse } from '../server/test-app';
import { answerEveryQuestion, type JoinedAttempt } from './answer-every-question';

/**
 * `npm run bench`, data growth (issue 16): a database of TEACHERS teachers, ASSIGNMENTS
 * assignments and ATTEMPTS attempts (most submitted, every one answered), built in one
 * transaction by copying a few real rows made through the API, then the real server on it:
 *
 * - the p99 of the student routes (the attempt, autosave, submit, review) and of the teacher's
 *   dashboard (their assignments) and gradebook, REQUESTS requests each, one at a time, each
 *   beside GET /api/health measured the same way; target < TARGET_P99_MS;
 * - the query plan (EXPLAIN QUERY PLAN) of every statement each route ran first, with any full
 *   scan of a big table marked.
 *
 * `npm run bench -- --skip=data-growth` leaves it out; BENCH_GROWTH_ATTEMPTS sets a smaller size,
 * BENCH_GROWTH_REQUESTS fewer requests, and BENCH_GROWTH_DROP_INDEXES (comma-separated) shows
 * what an index is worth by dropping it after the build.
 */
const TEACHERS = 100;
const ASSIGNMENTS = 2000;
const ATTEMPTS = Number(process.env.BENCH_GROWTH_ATTEMPTS ?? 200_000);
const SUBMITTED_SHARE = 0.9;
const REQUESTS = Number(process.env.BENCH_GROWTH_REQUESTS ?? 200);
const TARGET_P99_MS = 50;
/** Tables big enough that a full scan is a problem. */
const BIG_TABLES = ['attempts', 'responses', 'assignments', 'teachers'];

interface Template {
  cookie: string;
  teacherId: string;
  /** One assignment per bank, each with a submitted and an in-progress attempt, both answered. */
  assignmentIds: string[];
  submitted: JoinedAttempt[];
  inProgress: JoinedAttempt[];
}

async function post(server: ServerProcess, path: string, body: unknown, cookie = '') {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Origin: server.url, 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  });
}

/** Through the API: a teacher, an assignment per bank, and two answered attempts on each. */
async function setUpTemplate(server: ServerProcess): Promise<Template> {
  const signUp = await post(server, '/api/teacher/signup', {
    name: 'Growth Teacher',
    email: 'growth@school.example',
    password: 'correct horse battery',
  });
  if (signUp.status !== 201) throw new Error(`Sign-up: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const banks = (await (await fetch(`${server.url}/api/banks`)).json()) as { id: string }[];
  const template: Template = {
    cookie,
    teacherId: '',
    assignmentIds: [],
    submitted: [],
    inProgress: [],
  };
  for (const bank of banks) {
    const created = await post(
      server,
      '/api/teacher/assignments',
      { bankId: bank.id, title: `Growth ${bank.id}` },
      cookie,
    );
    if (created.status !== 201) throw new Error(`Assignment: ${created.status}`);
    const assignment = (await created.json()) as { id: string; joinCode: string };
    template.assignmentIds.push(assignment.id);
    for (const name of ['Template Submitted', 'Template In Progress']) {
      const joined = await post(server, `/api/join/${assignment.joinCode}`, { name });
      if (joined.status !== 201) throw new Error(`Join: ${joined.status} ${await joined.text()}`);
      const attempt = (await joined.json()) as JoinedAttempt;
      await answerEveryQuestion(server, attempt);
      if (name === 'Template Submitted') {
        const submitted = await fetch(`${server.url}/api/attempts/${attempt.attemptId}/submit`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${attempt.token}` },
        });
        if (submitted.status !== 200) throw new Error(`Submit: ${submitted.status}`);
        template.submitted.push(attempt);
      } else {
        template.inProgress.push(attempt);
      }
    }
  }
  return template;
}

/**
 * Copies the template rows into TEACHERS teachers, ASSIGNMENTS assignments (the template
 * assignments' banks in turn) and ATTEMPTS attempts with their answers, in one transaction. The
 * results-revision triggers are dropped meanwhile (each revision is set once at the end) and put
 * back as they were.
 */
function copyTemplate(databasePath: string, template: Template): void {
  const sqlite = new BetterSqlite3(databasePath);
  sqlite.pragma('journal_mode = WAL');
  template.teacherId = (
    sqlite
      .prepare('select teacher_id from assignments where id = ?')
      .get(template.assignmentIds[0]) as {
      teacher_id: string;
    }
  ).teacher_id;
  const banks = template.assignmentIds.length;
  const perAssignment = Math.max(1, Math.floor(ATTEMPTS / ASSIGNMENTS));
  const submittedPerAssignment = Math.round(perAssignment * SUBMITTED_SHARE);
  const triggers = sqlite
    .prepare("select name, sql from sqlite_master where type = 'trigger'")
    .all() as { name: string; sql: string }[];
  sqlite.transaction(() => {
    for (const { name } of triggers) sqlite.exec(`drop trigger "${name}"`);
    sqlite.exec(
      'create temp table bank_templates (k integer primary key, assignment_id text, submitted_id text, in_progress_id text)',
    );
    const addTemplate = sqlite.prepare('insert into bank_templates values (?, ?, ?, ?)');
    template.assignmentIds.forEach((assignmentId, k) => {
      addTemplate.run(
        k,
        assignmentId,
        template.submitted[k]?.attemptId,
        template.inProgress[k]?.attemptId,
      );
    });
    sqlite
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
        insert into teachers (id, name, email, password_hash, created_at)
        select 'growth-teacher-' || i, 'Teacher ' || i, 'teacher' || i || '@school.example',
          password_hash, created_at from teachers, n where id = ?`,
      )
      .run(TEACHERS - 1, template.teacherId);
    // Assignment i goes to teacher i % TEACHERS (0: the template teacher, who signs in).
    sqlite
      .prepare(
        `with recursive n(i) as (select 0 union all select i + 1 from n where i < ? - 1)
        insert into assignments
        select 'growth-a-' || n.i,
          case when n.i % ${TEACHERS} = 0 then a.teacher_id else 'growth-teacher-' || (n.i % ${TEACHERS}) end,
          a.bank_id, a.content_version, 'Assignment ' || n.i, a.question_ids_json, a.opens_at,
          a.due_at, a.time_limit_minutes, a.attempts_allowed, a.counted_attempt,
          a.shuffle_questions, a.shuffle_options, 'immediately', 'full', a.extra_time_json,
          'G' || printf('%07d', n.i), a.closed_at,
          strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || n.i || ' minutes'), a.updated_at, a.print_seed
        from n join bank_templates t on t.k = n.i % ${banks} join assignments a on a.id = t.assignment_id`,
      )
      .run(ASSIGNMENTS);
    sqlite
      .prepare(
        `with recursive n(i) as (select 0 union all select i + 1 from n where i < ? - 1)
        insert into attempts (id, token_hash, bank_id, content_version, plan_json, seed, status,
          review_policy, started_at, deadline, submitted_at, result_deflated, result_pending_json,
          score_total, score_max_points, score_percent, marks_json, assignment_id, student_name,
          student_key, submitted_by)
        select 'growth-at-' || a.i || '-' || s.i, p.token_hash, p.bank_id, p.content_version,
          p.plan_json, p.seed + s.i, p.status, p.review_policy, p.started_at, null, p.submitted_at,
          p.result_deflated, p.result_pending_json, p.score_total, p.score_max_points,
          p.score_percent, p.marks_json, 'growth-a-' || a.i, 'Student ' || s.i, 'student ' || s.i,
          p.submitted_by
        from n a join n s on s.i < ${perAssignment} and a.i < ${ASSIGNMENTS}
          join bank_templates t on t.k = a.i % ${banks}
          join attempts p on p.id = case when s.i < ${submittedPerAssignment} then t.submitted_id else t.in_progress_id end`,
      )
      .run(Math.max(ASSIGNMENTS, perAssignment));
    sqlite.exec(`
      insert into responses (attempt_id, question_id, response_json, saved_at)
      select c.id, r.question_id, r.response_json, r.saved_at
      from attempts c
        join bank_templates t on c.bank_id = (select bank_id from assignments where id = t.assignment_id)
        join responses r on r.attempt_id = case when c.status = 'submitted' then t.submitted_id else t.in_progress_id end
      where c.id like 'growth-at-%';
      insert or replace into results_revisions (assignment_id, revision)
        select id, 1 from assignments;
      drop table bank_templates;`);
    for (const { sql } of triggers) sqlite.exec(sql);
    for (const index of (process.env.BENCH_GROWTH_DROP_INDEXES ?? '').split(',')) {
      if (index !== '') sqlite.exec(`drop index "${index}"`);
    }
  })();
  sqlite.close();
}

interface RouteTiming {
  label: string;
  p50: number;
  p99: number;
  statuses: Map<number, number>;
  /** Statements the route ran that no route before it had. */
  statements: string[];
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;
}

/** Reads the statements the server logged since `offset` (see SQL_LOG_PATH in main.ts). */
function readNewStatements(logPath: string, offset: { at: number }): string[] {
  if (!existsSync(logPath)) return [];
  const text = readFileSync(logPath, 'utf8');
  const fresh = text.slice(offset.at);
  offset.at = text.length;
  return fresh
    .split(`${SQL_LOG_SEPARATOR}\n`)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}

/** The query plan of `statement`, one line per step, with full scans of big tables marked. */
function explain(sqlite: BetterSqlite3.Database, statement: string): string[] {
  // Unbound parameters: the plan does not depend on their values (SQLite keeps no histograms).
  const parameters = Array.from({ length: statement.split('?').length - 1 }, () => null);
  const plan = sqlite.prepare(`explain query plan ${statement}`).all(...parameters) as {
    detail: string;
  }[];
  return plan.map(({ detail }) => {
    const scan = /^SCAN (\w+)/.exec(detail);
    const big =
      scan?.[1] !== undefined && BIG_TABLES.includes(scan[1]) && !detail.includes('INDEX');
    return `${detail}${big ? '   <- FULL SCAN' : ''}`;
  });
}

const oneLine = (statement: string) => statement.replace(/\s+/g, ' ').slice(0, 150);

export async function runDataGrowthBenchmark(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'readproof-growth-'));
  const databasePath = join(folder, 'growth.sqlite');
  const logPath = join(folder, 'statements.sql');
  try {
    console.log(
      `\nData growth: ${TEACHERS} teachers, ${ASSIGNMENTS.toLocaleString('en')} assignments, ${ATTEMPTS.toLocaleString('en')} attempts (${SUBMITTED_SHARE * 100}% submitted), every one answered`,
    );
    const setUpServer = await startServerProcess({
      DATABASE_PATH: databasePath,
      RATE_LIMITS: 'off',
    });
    const template = await setUpTemplate(setUpServer);
    setUpServer.child.kill('SIGTERM');
    await setUpServer.exited;
    // The template results compressed, as the server does once idle, before they are copied.
    const db = await openDatabase(databasePath);
    await compactStoredResults(db);
    await db.destroy();
    const buildStarted = performance.now();
    copyTemplate(databasePath, template);
    const inspect = new BetterSqlite3(databasePath, { readonly: true });
    const count = (table: string) =>
      (inspect.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    console.log(
      `  built in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s: ${count('attempts').toLocaleString('en')} attempts, ` +
        `${count('responses').toLocaleString('en')} answers, ${count('assignments').toLocaleString('en')} assignments`,
    );

    const server = await startServerProcess({
      DATABASE_PATH: databasePath,
      RATE_LIMITS: 'off',
      SQL_LOG_PATH: logPath,
    });
    const offset = { at: 0 };
    try {
      const teacher = { Cookie: template.cookie };
      const assignmentIds = (
        inspect
          .prepare('select id from assignments where teacher_id = ? order by id')
          .all(template.teacherId) as { id: string }[]
      ).map((row) => row.id);
      const inProgress = inspect
        .prepare(
          `select a.id, a.bank_id from attempts a where a.status = 'in-progress' and a.id like 'growth-at-%' order by random() limit ?`,
        )
        .all(REQUESTS * 2) as { id: string; bank_id: string }[];
      const submitted = inspect
        .prepare(
          `select id, bank_id from attempts where status = 'submitted' and id like 'growth-at-%' order by random() limit ?`,
        )
        .all(REQUESTS) as { id: string; bank_id: string }[];
      const bankOf = inspect.prepare('select bank_id from assignments where id = ?');
      const templateBanks = template.assignmentIds.map(
        (id) => (bankOf.get(id) as { bank_id: string }).bank_id,
      );
      /** Every copy of an attempt opens with its template's token. */
      const templateFor = (bankId: string, submitted = false) => {
        const index = templateBanks.indexOf(bankId);
        const found = (submitted ? template.submitted : template.inProgress)[index];
        if (!found) throw new Error(`No template for ${bankId}`);
        return found;
      };
      readNewStatements(logPath, offset); // Start-up and migrations are not a route's.

      const timeRoute = async (
        label: string,
        request: (index: number) => { path: string; init?: RequestInit },
      ): Promise<RouteTiming> => {
        const statuses = new Map<number, number>();
        const times: number[] = [];
        for (let index = 0; index < REQUESTS; index += 1) {
          const { path, init } = request(index);
          const started = performance.now();
          const response = await fetch(`${server.url}${path}`, init);
          await response.arrayBuffer();
          times.push(performance.now() - started);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
        times.sort((a, b) => a - b);
        return {
          label,
          p50: percentile(times, 0.5),
          p99: percentile(times, 0.99),
          statuses,
          statements: readNewStatements(logPath, offset),
        };
      };
      const bearer = (bankId: string, submitted = false) => ({
        Authorization: `Bearer ${templateFor(bankId, submitted).token}`,
      });
      const pick = <T>(items: T[], index: number): T => {
        const item = items[index % items.length];
        if (item === undefined) throw new Error('Nothing to request');
        return item;
      };

      const timings: RouteTiming[] = [];
      timings.push(await timeRoute('GET /api/health (baseline)', () => ({ path: '/api/health' })));
      timings.push(
        await timeRoute('student: GET /api/attempts/:id', (index) => {
          const attempt = pick(inProgress, index);
          return {
            path: `/api/attempts/${attempt.id}`,
            init: { headers: bearer(attempt.bank_id) },
          };
        }),
      );
      timings.push(
        await timeRoute('student: PUT .../responses/:q (autosave)', (index) => {
          const attempt = pick(inProgress, index);
          const question = templateFor(attempt.bank_id).questions[index % 3];
          if (!question) throw new Error('No question');
          return {
            path: `/api/attempts/${attempt.id}/responses/${question.id}`,
            init: {
              method: 'PUT',
              headers: { ...bearer(attempt.bank_id), 'Content-Type': 'application/json' },
              body: JSON.stringify({ response: buildSomeResponse(question, 1) }),
            },
          };
        }),
      );
      timings.push(
        await timeRoute('student: POST .../submit', (index) => {
          const attempt = pick(inProgress, REQUESTS + index);
          return {
            path: `/api/attempts/${attempt.id}/submit`,
            init: { method: 'POST', headers: bearer(attempt.bank_id) },
          };
        }),
      );
      timings.push(
        await timeRoute('student: GET .../review', (index) => {
          const attempt = pick(submitted, index);
          return {
            path: `/api/attempts/${attempt.id}/review`,
            init: { headers: bearer(attempt.bank_id, true) },
          };
        }),
      );
      timings.push(
        await timeRoute(`teacher: dashboard (${assignmentIds.length} assignments)`, () => ({
          path: '/api/teacher/assignments',
          init: { headers: teacher },
        })),
      );
      timings.push(
        await timeRoute('teacher: gradebook', (index) => ({
          path: `/api/teacher/assignments/${pick(assignmentIds, index)}/gradebook`,
          init: { headers: teacher },
        })),
      );

      const [baseline] = timings;
      for (const timing of timings) {
        const statuses = [...timing.statuses].map(([status, n]) => `${n}x ${status}`).join(', ');
        const isBaseline = timing === baseline;
        console.log(
          `  ${timing.label.padEnd(44)} p50 ${timing.p50.toFixed(1).padStart(6)} ms  p99 ${timing.p99.toFixed(1).padStart(6)} ms` +
            (isBaseline
              ? ''
              : `  (baseline p99 ${baseline?.p99.toFixed(1) ?? '?'} ms)  target p99 < ${TARGET_P99_MS} ms: ${timing.p99 < TARGET_P99_MS ? 'PASS' : 'MISS'}`) +
            `  [${statuses}]`,
        );
      }
      console.log('  Query plans of the statements each route ran first (EXPLAIN QUERY PLAN):');
      for (const timing of timings) {
        if (timing === baseline || timing.statements.length === 0) continue;
        console.log(`  ${timing.label}`);
        for (const statement of timing.statements) {
          if (!/^\s*(select|update|insert|delete|with)/i.test(statement)) continue;
          console.log(`    ${oneLine(statement)}`);
          for (const line of explain(inspect, statement)) console.log(`      ${line}`);
        }
      }
    } catch (error) {
      console.error(`The server printed:\n${server.output()}`);
      throw error;
    } finally {
      inspect.close();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await runDataGrowthBenchmark();
