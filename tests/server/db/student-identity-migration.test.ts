import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../src/server/db/migrations';

const BEFORE = ['0001-attempts', '0002-teachers-and-assignments'];
const STUDENT_IDENTITY = '0003-student-identity-and-rosters';

function migration(name: string) {
  const found = migrations[name];
  if (!found) throw new Error(`No migration ${name}`);
  return found;
}

describe(`migration ${STUDENT_IDENTITY}`, () => {
  it('shows and keys the names stored before it as new names are, so look-alikes merge', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    // The rows stand alone: no snapshot or assignment is needed to test their names.
    sqlite.pragma('foreign_keys = OFF');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const provider = {
      getMigrations: () =>
        Promise.resolve(Object.fromEntries(BEFORE.map((name) => [name, migration(name)]))),
    };
    const { error } = await new Migrator({ db, provider }).migrateToLatest();
    expect(error).toBeUndefined();

    const stored = [
      ['a1', 'Ann Lee', 'ann lee'],
      ['a2', 'A\u200Bnn Lee', 'a\u200Bnn lee'],
      ['a3', '\u0410nn Lee', '\u0430nn lee'],
      ['a4', '\u202Enimda', '\u202Enimda'],
      ['a5', '\u200B', '\u200B'],
    ];
    for (const [id, name, key] of stored) {
      await sql`insert into attempts (id, token_hash, bank_id, content_version, plan_json, seed,
          status, review_policy, started_at, assignment_id, student_name, student_key)
        values (${id}, 'x', 'b', 'v', '{}', 1, 'in-progress', 'assignment', '2026-03-02T09:00:00Z',
          'as1', ${name}, ${key})`.execute(db);
    }
    await migration(STUDENT_IDENTITY).up(db);

    const rows = await sql<{ id: string; student_name: string; student_key: string }>`
      select id, student_name, student_key from attempts order by id`.execute(db);
    expect(rows.rows).toEqual([
      { id: 'a1', student_name: 'Ann Lee', student_key: 'ann lee' },
      { id: 'a2', student_name: 'Ann Lee', student_key: 'ann lee' },
      { id: 'a3', student_name: '\u0410nn Lee', student_key: 'ann lee' },
      { id: 'a4', student_name: 'nimda', student_key: 'nimda' },
      // Nothing visible was left: the row keeps what it had, for the teacher to remove.
      { id: 'a5', student_name: '\u200B', student_key: '' },
    ]);
    await db.destroy();
  });
});
