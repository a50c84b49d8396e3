import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../../src/server/db/database';
import { findPostgresBin } from '../support/postgres-bin';
import { createDatabase } from '../support/postgres-cluster';
import { onPostgres, TEMPLATE_DATABASE } from '../support/test-database';
import {
  createAssignment,
  createTeacherTestApp,
  joinAs,
  saveAnswer,
  send,
  signUpTeacher,
  studentRequest,
  submit,
  type JoinedAttempt,
  type SignedInTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';
import { buildSomeResponse } from '../test-app';

/**
 * The backups docs/operations.md describes, restored and opened by the app: the commands run here
 * are the ones the docs show. The data is made through the API (an assignment, four students:
 * two submitted, one part-way, one who has not answered yet) and read back through it.
 */

const START = '2026-03-02T09:00:00.000Z';
const folders: string[] = [];
const databases: AppDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.destroy();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function makeFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'readproof-backup-'));
  folders.push(folder);
  return folder;
}

async function open(location: string): Promise<AppDatabase> {
  const db = await openDatabase(location, { poolSize: 4 });
  databases.push(db);
  return db;
}

interface Classroom {
  teacher: SignedInTeacher;
  assignmentId: string;
  attempts: JoinedAttempt[];
}

/** A teacher, an assignment and four students' attempts, made through the API. */
async function fillClassroom(testApp: TeacherTestApp): Promise<Classroom> {
  const teacher = await signUpTeacher(testApp);
  const assignment = await createAssignment(testApp, teacher, { timeLimitMinutes: 30 });
  const attempts: JoinedAttempt[] = [];
  for (const name of ['Ada Lovelace', 'Ben Okri', 'Chloé Dupont', 'Dev Patel']) {
    attempts.push(await joinAs(testApp, assignment.joinCode, name));
  }
  const [ada, ben, chloe] = attempts;
  if (!ada || !ben || !chloe) throw new Error('Four students joined');
  for (const [attempt, answered] of [
    [ada, ada.questions.length],
    [ben, 3],
    [chloe, 2],
  ] as const) {
    for (const [index, question] of attempt.questions.slice(0, answered).entries()) {
      testApp.clock.advanceSeconds(20);
      const saved = await saveAnswer(
        testApp,
        attempt,
        question.id,
        buildSomeResponse(question, index),
      );
      expect(saved.status).toBe(200);
    }
  }
  testApp.clock.advanceMinutes(2);
  expect((await submit(testApp, ada)).status).toBe(200);
  expect((await submit(testApp, ben)).status).toBe(200);
  // Saved last, just before the backup: on SQLite it is still in the -wal file, not the database.
  const last = chloe.questions[2];
  if (!last) throw new Error('A bank with three questions or more');
  expect((await saveAnswer(testApp, chloe, last.id, buildSomeResponse(last, 1))).status).toBe(200);
  return { teacher, assignmentId: assignment.id, attempts };
}

/** What a teacher and the students see of the classroom: gradebook, each attempt, the exports. */
async function readClassroom(testApp: TeacherTestApp, classroom: Classroom) {
  const base = `/api/teacher/assignments/${classroom.assignmentId}`;
  const teacher = { cookie: classroom.teacher.cookie };
  const read = async (response: Promise<Response>) => {
    const answered = await response;
    expect(answered.status).toBe(200);
    return answered.headers.get('content-type')?.includes('json')
      ? ((await answered.json()) as unknown)
      : await answered.text();
  };
  return {
    assignment: await read(send(testApp, 'GET', base, teacher)),
    gradebook: await read(send(testApp, 'GET', `${base}/gradebook`, teacher)),
    statistics: await read(send(testApp, 'GET', `${base}/statistics`, teacher)),
    summaryCsv: await read(
      send(testApp, 'GET', `${base}/export/summary.csv?timeZone=UTC`, teacher),
    ),
    responsesCsv: await read(
      send(testApp, 'GET', `${base}/export/responses.csv?timeZone=UTC`, teacher),
    ),
    teacherViews: await Promise.all(
      classroom.attempts.map((attempt) =>
        read(send(testApp, 'GET', `${base}/attempts/${attempt.attemptId}`, teacher)),
      ),
    ),
    studentViews: await Promise.all(
      classroom.attempts.map((attempt) =>
        read(studentRequest(testApp, 'GET', `/api/attempts/${attempt.attemptId}`, attempt.token)),
      ),
    ),
  };
}

/** Runs a backup or restore command; fails the test with its output when it fails. */
function run(command: string, args: string[]): void {
  const ran = spawnSync(command, args, { encoding: 'utf8' });
  if (ran.error) throw ran.error;
  expect(ran.status, `${command} ${args.join(' ')}\n${ran.stdout}${ran.stderr}`).toBe(0);
}

function sqlite3OnPath(): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((folder) => folder !== '')
    .map((folder) => join(folder, 'sqlite3'))
    .find((path) => existsSync(path));
}

describe('backup and restore', () => {
  it.skipIf(onPostgres())(
    'SQLite: VACUUM INTO while the app has the database open, restored to a new path, reads back the same',
    async () => {
      const work = makeFolder();
      const livePath = join(work, 'readproof.sqlite');
      const backupPath = join(work, 'readproof-backup.sqlite');
      const restoredPath = join(work, 'restored', 'readproof.sqlite');
      const live = await createTeacherTestApp({ db: await open(livePath) }, START);
      const classroom = await fillClassroom(live);
      const before = await readClassroom(live, classroom);

      // docs/operations.md, "Backups": with the server running.
      const backupSql = `VACUUM INTO '${backupPath}'`;
      const sqlite3 = sqlite3OnPath();
      if (sqlite3) run(sqlite3, [livePath, backupSql]);
      else {
        // Without the sqlite3 program, the same statement on a connection of its own.
        const connection = new BetterSqlite3(livePath);
        try {
          connection.exec(backupSql);
        } finally {
          connection.close();
        }
      }

      // Restoring: the backup put in place of the database file (a new path here).
      mkdirSync(join(work, 'restored'));
      copyFileSync(backupPath, restoredPath);
      const restored = await createTeacherTestApp({ db: await open(restoredPath) }, START);
      restored.clock.set(live.clock.now());
      expect(await readClassroom(restored, classroom)).toEqual(before);
    },
    60_000,
  );

  it.runIf(onPostgres())(
    'PostgreSQL: pg_dump -Fc while the app is connected, pg_restore into a new database, reads back the same',
    async () => {
      const adminUrl = inject('postgresAdminUrl');
      const initdbFolder = findPostgresBin();
      if (adminUrl === undefined || initdbFolder === undefined) throw new Error('No PostgreSQL');
      // The client programs of the server's own version, beside the real initdb (PATH may hold
      // only links to initdb and postgres, and Debian's pg_wrapper picks a version of its own).
      const bin = dirname(realpathSync(join(initdbFolder, 'initdb')));
      const suffix = randomUUID().replaceAll('-', '');
      const liveUrl = await createDatabase(adminUrl, `live_${suffix}`, TEMPLATE_DATABASE);
      const live = await createTeacherTestApp({ db: await open(liveUrl) }, START);
      const classroom = await fillClassroom(live);
      const before = await readClassroom(live, classroom);

      // docs/operations.md, "Backups": with the servers running. pg_dump and pg_restore are
      // clients: they connect as the database's role over TCP, from any operating-system user.
      const dump = join(makeFolder(), 'readproof.dump');
      run(join(bin, 'pg_dump'), ['-Fc', '-d', liveUrl, '-f', dump]);

      const admin = new URL(adminUrl);
      const restoredName = `restored_${suffix}`;
      run(join(bin, 'createdb'), [
        '-h',
        admin.hostname,
        '-p',
        admin.port,
        '-U',
        admin.username,
        '-O',
        admin.username,
        '-T',
        'template0',
        '-E',
        'UTF8',
        '--locale=C',
        restoredName,
      ]);
      const restoredUrl = new URL(adminUrl);
      restoredUrl.pathname = `/${restoredName}`;
      run(join(bin, 'pg_restore'), ['--no-owner', '--exit-on-error', '-d', restoredUrl.href, dump]);

      const restored = await createTeacherTestApp({ db: await open(restoredUrl.href) }, START);
      restored.clock.set(live.clock.now());
      expect(await readClassroom(restored, classroom)).toEqual(before);
    },
    60_000,
  );
});
