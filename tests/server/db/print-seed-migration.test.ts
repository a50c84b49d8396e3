import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { getAssignment } from '../../../src/server/assignments/assignment-queries';
import type { AppDatabase } from '../../../src/server/db/database';
import { migrateToLatest, migrations, printSeedFromId } from '../../../src/server/db/migrations';

const PRINT_SEED = '0008-print-seed';

/** A database as it was before print seeds: every migration up to, not including, 0008. */
async function openDatabaseBeforePrintSeeds(): Promise<Kysely<unknown>> {
  const sqlite = new BetterSqlite3(':memory:');
  // The rows stand alone: no teacher or snapshot is needed to test their seeds.
  sqlite.pragma('foreign_keys = OFF');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const before = Object.entries(migrations).filter(([name]) => name < PRINT_SEED);
  const provider = { getMigrations: () => Promise.resolve(Object.fromEntries(before)) };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  expect(error).toBeUndefined();
  return db;
}

async function insertOldAssignment(db: Kysely<unknown>, id: string, joinCode: string) {
  await sql`insert into assignments (id, teacher_id, bank_id, content_version, title,
      question_ids_json, opens_at, counted_attempt, shuffle_questions, shuffle_options,
      review_when, review_show, extra_time_json, join_code, created_at, updated_at)
    values (${id}, 't1', 'the-visit', 'v1', 'Period 3', '["q1"]', '2026-03-02T09:00:00Z',
      'best', 0, 0, 'after-submit', 'score', '{}', ${joinCode}, '2026-03-02T09:00:00Z',
      '2026-03-02T09:00:00Z')`.execute(db);
}

describe(`migration ${PRINT_SEED}`, () => {
  it('gives the assignments of an existing database a print seed derived from their id', async () => {
    const db = await openDatabaseBeforePrintSeeds();
    await insertOldAssignment(db, 'as1', 'ABCDEF');
    await insertOldAssignment(db, 'as2', 'GHJKLM');

    await migrateToLatest(db);

    const rows = await sql<{ id: string; print_seed: number }>`
      select id, print_seed from assignments order by id`.execute(db);
    expect(rows.rows).toEqual([
      { id: 'as1', print_seed: printSeedFromId('as1') },
      { id: 'as2', print_seed: printSeedFromId('as2') },
    ]);
    // Pinned: a shipped migration never changes what it wrote, so neither may this seed.
    expect(printSeedFromId('as1')).toBe(612581412);
    for (const { print_seed } of rows.rows) {
      expect(Number.isInteger(print_seed)).toBe(true);
      expect(print_seed).toBeGreaterThanOrEqual(0);
      expect(print_seed).toBeLessThan(2 ** 31);
    }
    expect(rows.rows[0]?.print_seed).not.toBe(rows.rows[1]?.print_seed);
    // The queries read it as the assignment's seed.
    const assignment = await getAssignment(db as unknown as AppDatabase, 'as1');
    expect(assignment?.printSeed).toBe(printSeedFromId('as1'));
    await db.destroy();
  });
});
