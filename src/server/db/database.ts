import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';

export type AppDatabase = Kysely<Database>;

/** Far more distinct statements than the app issues; a bound in case a query embeds values. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * Kysely's SQLite driver prepares every statement anew, which costs more than running it; the
 * app issues a handful of distinct statements, so each is prepared once and reused.
 */
function reusePreparedStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Opens (creating if needed) the SQLite file at `path`, or an in-memory database for `:memory:`,
 * and migrates it to the latest schema.
 */
export async function openDatabase(path: string): Promise<AppDatabase> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path, { timeout: 5000 });
  // WAL lets readers run while a write commits; with WAL, synchronous=NORMAL never loses a
  // committed transaction when the process dies (at worst the last ones on a power cut).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: reusePreparedStatements(sqlite) }),
  });
  await migrateToLatest(db as Kysely<unknown>);
  return db;
}
