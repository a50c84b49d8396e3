import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';

/** PostgreSQL's type ids whose values node-postgres returns as strings by default. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * node-postgres returns 64-bit integers (every `count(*)`) and numerics (`sum`, `avg`) as strings,
 * since they may not fit a JavaScript number; SQLite returns numbers. Readproof's counts and sums
 * are far below 2^53, so both are read as numbers here, and the queries see the same values on
 * either database.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PostgresOptions {
  /**
   * Connections this instance keeps open at most (at least 2: the sweep holds one for its lock
   * while it works through others); the server's `max_connections` bounds all instances' sum.
   */
  poolSize?: number;
}

/**
 * Connects to the PostgreSQL database at `url` (`postgres://user:password@host:port/name`) with a
 * pool, and migrates it to the latest schema. Kysely's migrator takes an advisory lock and runs
 * the migrations in one transaction, so instances starting together apply each migration once.
 */
export async function openPostgresDatabase(
  url: string,
  { poolSize = 10 }: PostgresOptions = {},
): Promise<Kysely<Database>> {
  const pool = new pg.Pool({
    connectionString: url,
    max: Math.max(2, poolSize),
    types,
    application_name: 'readproof',
  });
  // An idle connection the server dropped (a restart, a network cut) is replaced on next use;
  // without a listener its error would end the process.
  pool.on('error', (error) =>
    console.error('A pooled PostgreSQL connection failed:', error.message),
  );
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
