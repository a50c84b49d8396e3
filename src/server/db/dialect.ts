import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * What differs between the two databases Readproof runs on, in one place: the column types,
 * how their errors are recognised, and which dialect a handle speaks. Everything else (JSON as
 * text, timestamps as ISO 8601 text, booleans as 0/1 integers) is stored the same way on both,
 * so the queries are the same.
 */

/** Whether `db` talks to PostgreSQL (otherwise it is the embedded SQLite file). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: migrations' and the app's
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The column types that are spelled differently: SQLite's `blob` is PostgreSQL's `bytea`, and
 * PostgreSQL's `real` is single precision (a percent like 66.666… would come back as 66.66667),
 * so floating-point columns are `double precision` there.
 */
export function columnTypes(db: Kysely<unknown>): {
  bytes: 'blob' | 'bytea';
  float: 'real' | 'double precision';
} {
  return isPostgres(db)
    ? { bytes: 'bytea', float: 'double precision' }
    : { bytes: 'blob', float: 'real' };
}

/** PostgreSQL's SQLSTATE codes are five characters (`23505`, `40P01`); SQLite's are `SQLITE_…`. */
const DATABASE_ERROR_CODE = /^(SQLITE_[A-Z_]+|[0-9A-Z]{5})$/;

/** Whether `error` came from the database (a constraint, a lock, storage) rather than our code. */
export function isDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DATABASE_ERROR_CODE.test(code);
}

/**
 * Holds a lock named `name` until the transaction `trx` ends, so transactions of every instance
 * that take it run one at a time (`exclusive`), or never alongside an exclusive holder
 * (`shared`). On PostgreSQL it is an advisory lock on the name's hash (a collision only makes
 * two names wait for each other); SQLite runs one write transaction at a time anyway.
 */
export async function lockUntilCommit(
  trx: Kysely<Database>,
  name: string,
  mode: 'exclusive' | 'shared' = 'exclusive',
): Promise<void> {
  if (!isPostgres(trx)) return;
  await (
    mode === 'shared'
      ? sql`select pg_advisory_xact_lock_shared(hashtextextended(${name}, 0))`
      : sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`
  ).execute(trx);
}

/**
 * Runs `work` unless another instance on the same database is running work under the same
 * `name`, in which case it skips it (resolving false). On PostgreSQL a session-level advisory
 * lock held by one pooled connection for the duration; SQLite has one instance by design.
 */
export async function runOnOneInstanceAtATime(
  db: Kysely<Database>,
  name: string,
  work: () => Promise<void>,
): Promise<boolean> {
  if (!isPostgres(db)) {
    await work();
    return true;
  }
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_lock(hashtextextended(${name}, 0)) as locked`.execute(connection);
    if (rows[0]?.locked !== true) return false;
    try {
      await work();
      return true;
    } finally {
      await sql`select pg_advisory_unlock(hashtextextended(${name}, 0))`.execute(connection);
    }
  });
}
