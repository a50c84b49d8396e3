import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { listResponses } from '../../src/server/attempts/attempt-queries';
import { openDatabase } from '../../src/server/db/database';
import { startServerProcess, type ServerProcess } from '../server/server-process';
import { buildSomeResponse, type StartedAttempt } from '../server/test-app';

/**
 * `npm run bench`, server part. The real server runs as a child process on a temporary database
 * file, so it has a core of its own while autocannon drives it from this process over loopback.
 *
 * 1. GET /api/health, the baseline: the cost of the HTTP stack alone.
 * 2. Autosave: PUT one answer, round-robin over every question of SUBMITTED_ATTEMPTS attempts.
 * 3. Submit: score and store each of those attempts once (they now hold every answer); then a
 *    class of CLASS_SIZE and a district of DISTRICT_SIZE fully answered attempts submitted at once.
 * 4. 1,000 students at once, each on an attempt of their own saving 50 answers one after another
 *    over their ~10-12 questions (so most questions are saved several times and the last write
 *    must win); then every attempt's saved answers are read back from the database file and
 *    compared with the last answer sent for each question.
 */
const CONNECTIONS = 100;
const DURATION_SECONDS = 10;
const SUBMITTED_ATTEMPTS = 3000;
const STUDENTS = 1000;
const ANSWERS_PER_STUDENT = 50;
/** Issue 4's targets on a 2-core machine. */
const TARGET_AUTOSAVE_RATIO = 0.4;
const TARGET_AUTOSAVE_P99_MS = 50;
/** Issue 16's submit scenarios and targets (at CONNECTIONS connections). */
const CLASS_SIZE = 30;
const DISTRICT_SIZE = 5000;
const DISTRICT_CONNECTIONS = 500;
const TARGET_SUBMIT_PER_SECOND = 2000;
const TARGET_SUBMIT_P99_MS = 200;

interface Measured {
  label: string;
  requestsPerSecond: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface Save {
  attemptId: string;
  questionId: string;
  token: string;
  body: string;
  response: unknown;
}

function saveRequest(save: Save): autocannon.Request {
  return {
    method: 'PUT',
    path: `/api/attempts/${save.attemptId}/responses/${save.questionId}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${save.token}` },
    body: save.body,
  };
}

function buildSave(attempt: StartedAttempt, questionIndex: number, variant: number): Save {
  const question = attempt.questions[questionIndex % attempt.questions.length];
  if (!question) throw new Error('An attempt without questions');
  const response = buildSomeResponse(question, variant);
  return {
    attemptId: attempt.attemptId,
    questionId: question.id,
    token: attempt.token,
    body: JSON.stringify({ response }),
    response,
  };
}

async function measure(label: string, options: autocannon.Options): Promise<Measured> {
  const result = await autocannon({ connections: CONNECTIONS, ...options });
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    label,
    requestsPerSecond: result['2xx'] / seconds,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function startAttempts(server: ServerProcess, count: number): Promise<StartedAttempt[]> {
  const banks = (await (await fetch(`${server.url}/api/banks`)).json()) as { id: string }[];
  const attempts: StartedAttempt[] = [];
  // A few requests at a time: creating attempts is set-up, not what is measured.
  for (let next = 0; next < count; next += 50) {
    const batch = Array.from({ length: Math.min(50, count - next) }, async (_, offset) => {
      const response = await fetch(`${server.url}/api/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ bankId: banks[(next + offset) % banks.length]?.id }),
      });
      if (response.status !== 201) throw new Error(`Creating an attempt: ${response.status}`);
      return (await response.json()) as StartedAttempt;
    });
    attempts.push(...(await Promise.all(batch)));
  }
  return attempts;
}

/** Saves one answer to every question of `attempts` (set-up for the submit scenarios). */
async function answerEveryQuestion(server: ServerProcess, attempts: StartedAttempt[]) {
  const saves = attempts.flatMap((attempt) =>
    attempt.questions.map((_, index) => buildSave(attempt, index, 1)),
  );
  let next = 0;
  await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    amount: saves.length,
    requests: [
      {
        setupRequest: (request) => {
          const save = saves[next++];
          if (!save) throw new Error('No save left');
          return { ...request, ...saveRequest(save) };
        },
      },
    ],
  });
}

/** Every attempt of `attempts` submitted once, over `connections` connections at once. */
function measureSubmits(
  server: ServerProcess,
  label: string,
  attempts: StartedAttempt[],
  connections: number,
): Promise<Measured> {
  let next = 0;
  return measure(label, {
    url: server.url,
    connections,
    amount: attempts.length,
    requests: [
      {
        setupRequest: (request) => {
          const attempt = attempts[next++];
          if (!attempt) throw new Error('No attempt left to submit');
          return {
            ...request,
            method: 'POST',
            path: `/api/attempts/${attempt.attemptId}/submit`,
            headers: { authorization: `Bearer ${attempt.token}` },
          };
        },
      },
    ],
  });
}

function formatRow(row: Measured, baseline: Measured): string {
  const failures = row.non2xx + row.errors;
  return [
    row.label.padEnd(44),
    `${Math.round(row.requestsPerSecond).toString().padStart(6)} req/s`,
    `p99 ${row.p99.toString().padStart(4)} ms`,
    `${(row.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}x baseline`,
    failures > 0 ? `${failures} FAILED` : '',
  ].join('  ');
}

interface StudentContext {
  attempt?: StartedAttempt;
  sent?: number;
  inFlight?: Save;
}

/** What the database must hold for one question: the last acknowledged answer, or a later one. */
interface ExpectedAnswer {
  acknowledged?: unknown;
  /** Sent after it without an answer (a dropped connection): the server may have saved them. */
  unacknowledged: unknown[];
}

/**
 * STUDENTS connections, each a student on an attempt of their own sending ANSWERS_PER_STUDENT
 * saves one after another, then a check that the database holds each question's last
 * acknowledged answer.
 */
async function runConcurrentStudents(server: ServerProcess, databasePath: string) {
  const attempts = await startAttempts(server, STUDENTS);
  const expected = new Map<string, ExpectedAnswer>();
  const expectedFor = (save: Save) => {
    const key = `${save.attemptId} ${save.questionId}`;
    const answer = expected.get(key) ?? { unacknowledged: [] };
    expected.set(key, answer);
    return answer;
  };
  let nextStudent = 0;
  const started = Date.now();
  const result = await autocannon({
    url: server.url,
    connections: STUDENTS,
    amount: STUDENTS * ANSWERS_PER_STUDENT,
    maxConnectionRequests: ANSWERS_PER_STUDENT,
    // One entry per answer: autocannon keeps a connection's context only until it loops back to
    // the first entry, and each connection sends exactly ANSWERS_PER_STUDENT requests.
    requests: Array.from({ length: ANSWERS_PER_STUDENT }, () => ({
      setupRequest: (request: autocannon.Request, context: StudentContext) => {
        context.attempt ??= attempts[nextStudent++];
        const attempt = context.attempt;
        if (!attempt) throw new Error('More connections than attempts');
        const sent = context.sent ?? 0;
        context.sent = sent + 1;
        // Walk the questions in order, another variant each round, so each rewrite changes the answer.
        const save = buildSave(attempt, sent, Math.floor(sent / attempt.questions.length));
        expectedFor(save).unacknowledged.push(save.response);
        context.inFlight = save;
        return { ...request, ...saveRequest(save) };
      },
      onResponse: (status: number, _body: string, context: StudentContext) => {
        const save = context.inFlight;
        if (status !== 200 || !save) return;
        const answer = expectedFor(save);
        answer.acknowledged = save.response;
        answer.unacknowledged = [];
      },
    })),
  });
  const seconds = (Date.now() - started) / 1000;

  const db = await openDatabase(databasePath);
  let found = 0;
  let lost = 0;
  try {
    const saved = new Map<string, Awaited<ReturnType<typeof listResponses>>['responses']>();
    for (const attempt of attempts)
      saved.set(attempt.attemptId, (await listResponses(db, attempt.attemptId)).responses);
    for (const [key, answer] of expected) {
      if (answer.acknowledged === undefined) continue;
      const [attemptId = '', questionId = ''] = key.split(' ');
      const inDatabase = saved.get(attemptId)?.[questionId];
      const candidates = [answer.acknowledged, ...answer.unacknowledged];
      if (candidates.some((candidate) => isDeepStrictEqual(inDatabase, candidate))) found += 1;
      else lost += 1;
    }
  } finally {
    await db.destroy();
  }
  return { result, seconds, found, lost };
}

export async function runServerBenchmark(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'readproof-bench-'));
  const databasePath = join(folder, 'bench.sqlite');
  // Every simulated student comes from this machine's one address: lift the per-address limits.
  const server = await startServerProcess({ DATABASE_PATH: databasePath, RATE_LIMITS: 'off' });
  try {
    console.log(
      `\nServer: ${CONNECTIONS} connections over loopback, ${DURATION_SECONDS} s per run, server in its own process`,
    );
    const baseline = await measure('GET /api/health (baseline)', {
      url: `${server.url}/api/health`,
      duration: DURATION_SECONDS,
    });

    const attempts = await startAttempts(server, SUBMITTED_ATTEMPTS);
    const saves = attempts.flatMap((attempt) =>
      attempt.questions.map((_, index) => buildSave(attempt, index, 0)),
    );
    let nextSave = 0;
    const autosave = await measure('PUT /api/attempts/:id/responses/:q (autosave)', {
      url: server.url,
      duration: DURATION_SECONDS,
      requests: [
        {
          setupRequest: (request) => {
            const save = saves[nextSave++ % saves.length];
            if (!save) throw new Error('No saves to send');
            return { ...request, ...saveRequest(save) };
          },
        },
      ],
    });

    const submit = await measureSubmits(
      server,
      `POST /api/attempts/:id/submit (${SUBMITTED_ATTEMPTS} attempts)`,
      attempts,
      CONNECTIONS,
    );

    // A class, then a district, pressing Submit at once: one connection per student up to
    // DISTRICT_CONNECTIONS, every attempt fully answered first.
    const classAttempts = await startAttempts(server, CLASS_SIZE);
    const districtAttempts = await startAttempts(server, DISTRICT_SIZE);
    await answerEveryQuestion(server, [...classAttempts, ...districtAttempts]);
    const classSubmit = await measureSubmits(
      server,
      `submit: a class of ${CLASS_SIZE} at once`,
      classAttempts,
      CLASS_SIZE,
    );
    const districtSubmit = await measureSubmits(
      server,
      `submit: a district's ${DISTRICT_SIZE.toLocaleString('en')} (${DISTRICT_CONNECTIONS} conns)`,
      districtAttempts,
      DISTRICT_CONNECTIONS,
    );

    for (const row of [baseline, autosave, submit, classSubmit, districtSubmit]) {
      console.log(formatRow(row, baseline));
    }
    const ratio = autosave.requestsPerSecond / baseline.requestsPerSecond;
    const meetsTarget = ratio >= TARGET_AUTOSAVE_RATIO && autosave.p99 < TARGET_AUTOSAVE_P99_MS;
    console.log(
      `Autosave target (>= ${TARGET_AUTOSAVE_RATIO * 100}% of baseline, p99 < ${TARGET_AUTOSAVE_P99_MS} ms): ${meetsTarget ? 'met' : 'NOT MET'}`,
    );
    const submitMeets =
      submit.requestsPerSecond >= TARGET_SUBMIT_PER_SECOND && submit.p99 < TARGET_SUBMIT_P99_MS;
    console.log(
      `Submit target (>= ${TARGET_SUBMIT_PER_SECOND} submits/s, p99 < ${TARGET_SUBMIT_P99_MS} ms at ${CONNECTIONS} connections): ${submitMeets ? 'met' : 'NOT MET'}`,
    );

    const students = await runConcurrentStudents(server, databasePath);
    const { result } = students;
    console.log(
      `${STUDENTS} concurrent attempts x ${ANSWERS_PER_STUDENT} answers: ${result['2xx']} saves acknowledged in ${students.seconds.toFixed(1)} s ` +
        `(${Math.round(result['2xx'] / students.seconds)} req/s, p99 ${result.latency.p99} ms; ${result.non2xx} refused, ${result.errors} connection errors)`,
    );
    console.log(
      `  read back from the database: ${students.found} of ${students.found + students.lost} questions hold their last acknowledged answer` +
        (students.lost > 0 ? ` (${students.lost} LOST)` : ''),
    );
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await runServerBenchmark();
