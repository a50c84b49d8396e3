import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement } from 'kysely';
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
 * and migrates it to the latest schema. `readonly` opens an existing file without write access,
 * as a read-only file or folder would (tests use it: they run as root, whom `chmod` does not stop).
 */
export async function openDatabase(
  path: string,
  { readonly = false }: { readonly?: boolean } = {},
): Promise<AppDatabase> {
  if (path !== ':memory:' && !readonly) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path, { timeout: 5000, readonly });
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

/**
 * SQLite's codes for storage that refuses writes (a read-only file or folder, a full disk, a
 * failing device), and the file system's, from creating the database's folder.
 */
const STORAGE_FAILURE_CODE = /^(SQLITE_(READONLY|FULL|IOERR|CANTOPEN)|EACCES|EPERM|EROFS|ENOSPC)/;

/** Whether `error` (or its cause) says the database's storage cannot be written. */
export function isStorageFailure(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && STORAGE_FAILURE_CODE.test(code)) return true;
  return error.cause !== undefined && isStorageFailure(error.cause);
}

/** A storage failure in one line a person can act on, e.g. "SQLITE_FULL: database or disk is full". */
export function describeStorageFailure(error: Error & { code: string }): string {
  return error.message.startsWith(error.code) ? error.message : `${error.code}: ${error.message}`;
}

/**
 * Writes one row to see whether the database can be written now: resolves with null when it
 * can, or with the reason it cannot (read-only, disk full). Other errors are thrown.
 */
export async function probeDatabaseWrite(db: AppDatabase, now: Date): Promise<string | null> {
  try {
    await db
      .insertInto('write_probes')
      .values({ id: 1, probed_at: now.toISOString() })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ probed_at: now.toISOString() }))
      .execute();
    return null;
  } catch (error) {
    if (isStorageFailure(error)) return describeStorageFailure(error);
    throw error;
  }
}

/** The database's size in bytes: its pages, free ones included (the write-ahead log aside). */
export async function measureDatabaseSize(db: AppDatabase): Promise<number> {
  const { rows } = await sql<{ size: number }>`
    select page_count * page_size as size from pragma_page_count(), pragma_page_size()
  `.execute(db);
  return Number(rows[0]?.size ?? 0);
}
