import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import {
  Kysely,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';
import { isPostgres } from './dialect';
import { migrateToLatest } from './migrations';
import { openPostgresDatabase, type PostgresOptions } from './postgres-database';
import type { Database } from './schema';

export type AppDatabase = Kysely<Database>;

/** Ends each statement in the file SQL_LOG_PATH names (main.ts): SQL may span lines. */
export const SQL_LOG_SEPARATOR = '-- end of statement';

/** Far more distinct statements than the app issues; a bound in case a query embeds values. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * Kysely's SQLite driver prepares every statement anew, which costs more than running it; the
 * app issues a handful of distinct statements, so each is prepared once and reused.
 */
function reusePreparedStatements(
  sqlite: BetterSqlite3.Database,
  {
    onPrepare,
    onWrite,
    onClose,
  }: {
    onPrepare?: (sql: string) => void;
    /** Called whenever a statement that writes is about to run (commits included). */
    onWrite?: MarkWrite;
    onClose?: () => void;
  },
): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      onClose?.();
      sqlite.close();
    },
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
        onPrepare?.(sql);
      }
      if (onWrite !== undefined && !statement.reader) onWrite();
      return statement;
    },
  };
}

/** The checkpointer copies the write-ahead log into the database file after this long without a write. */
const CHECKPOINT_WHEN_IDLE_MS = 1000;
/** ...or, busy or not, once the log is this big (the log is cut back to half of it after). */
const CHECKPOINT_WAL_BYTES = 128 * 1024 * 1024;

/**
 * The checkpointer's thread: a connection of its own that checkpoints once no write has come for
 * CHECKPOINT_WHEN_IDLE_MS (the time of the last is shared with the server's thread), or when the
 * log has grown past CHECKPOINT_WAL_BYTES. PASSIVE never waits for readers or writers; what it
 * cannot copy now it copies next time.
 */
const CHECKPOINTER_SOURCE = `
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
// Failing to open throws, which the server's thread gets as the worker's 'error'.
const db = new Database(workerData.path, { timeout: 5000, fileMustExist: true });
const lastWrite = new BigInt64Array(workerData.lastWrite);
let copiedSince = -1n;
function walBytes() {
  try {
    return statSync(workerData.path + '-wal').size;
  } catch {
    return 0;
  }
}
const timer = setInterval(() => {
  const last = Atomics.load(lastWrite, 0);
  const idle = Date.now() - Number(last) >= workerData.idleMs;
  if ((idle && last !== copiedSince) || walBytes() > workerData.walBytes) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      copiedSince = last;
    } catch {
      // Busy or failing now: the next round tries again, and the log keeps every commit.
    }
  }
}, 250);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  process.exit(0);
});
`;

/** Tells the checkpointer that a write happened now. */
type MarkWrite = () => void;

/**
 * SQLite copies the write-ahead log into the database file (a checkpoint) on the connection
 * whose commit fills the log past 1,000 pages, and while it does so the server's commits stall:
 * every few hundred submits a group of them waited a second or more (issue 16; the submit p99
 * was 0.2 s with no checkpoints and over 1 s with them, whether the checkpoint ran on this thread
 * or another). Automatic checkpoints are turned off here; a worker thread with a connection of
 * its own checkpoints once writes pause for a second, or when the log passes
 * CHECKPOINT_WAL_BYTES in a long burst. Commits are as durable as before: they are in the log
 * either way, and SQLite replays it on opening.
 */
function checkpointWhenIdle(
  sqlite: BetterSqlite3.Database,
  path: string,
): { markWrite: MarkWrite; stop: () => void } {
  sqlite.pragma('wal_autocheckpoint = 0');
  // A log reset after a checkpoint is cut back to this size, so its size tells a long burst.
  sqlite.pragma(`journal_size_limit = ${CHECKPOINT_WAL_BYTES / 2}`);
  const lastWrite = new BigInt64Array(new SharedArrayBuffer(8));
  Atomics.store(lastWrite, 0, BigInt(Date.now()));
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: {
      path,
      modulePath: createRequire(import.meta.url).resolve('better-sqlite3'),
      lastWrite: lastWrite.buffer,
      idleMs: CHECKPOINT_WHEN_IDLE_MS,
      walBytes: CHECKPOINT_WAL_BYTES,
    },
  });
  // Never what keeps the process running. If it fails, SQLite checkpoints as it used to.
  worker.unref();
  let stopped = false;
  const fallBack = (problem: unknown) => {
    if (stopped || !sqlite.open) return;
    stopped = true;
    console.error(
      'The database checkpointer stopped; SQLite checkpoints on commit again:',
      problem,
    );
    sqlite.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('error', fallBack);
  return {
    markWrite: () => Atomics.store(lastWrite, 0, BigInt(Date.now())),
    stop: () => {
      stopped = true;
      worker.postMessage('stop');
    },
  };
}

/**
 * Kysely's SQLite driver lends its one connection under a lock that, at each release, wakes every
 * caller waiting for it, and all but one go back to waiting: with n waiting, lending it to each
 * in turn costs n² wake-ups. After a group commit, every request of the group reads once more
 * (the review policy), so 100 to 500 of them wait at once under load; 2,000 queries asked for at
 * once took 580 ms this way against 34 ms in a queue (issue 16). This driver keeps the callers in
 * a queue and wakes only the next, in the order they asked; Kysely's own lock is then never
 * contended.
 */
class InOrderSqliteDriver extends SqliteDriver {
  #lent = false;
  readonly #waiting: (() => void)[] = [];

  override async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#lent) await new Promise<void>((takeTurn) => this.#waiting.push(takeTurn));
    else this.#lent = true;
    return super.acquireConnection();
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    // Handed straight to the next in line, still lent, so nobody arriving meanwhile can cut in.
    const next = this.#waiting.shift();
    if (next) next();
    else this.#lent = false;
  }
}

class InOrderSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new InOrderSqliteDriver(this.#config);
  }
}

export interface OpenOptions extends PostgresOptions {
  /** SQLite only: open an existing file without write access. */
  readonly?: boolean;
  /** SQLite only: called with each distinct statement's SQL when first prepared (the bench's plans). */
  onPrepare?: (sql: string) => void;
}

/** Whether `location` is a PostgreSQL connection URL rather than a SQLite file's path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the database at `location` and migrates it to the latest schema: PostgreSQL for a
 * `postgres://` URL, otherwise the SQLite file at that path (created if needed), or an in-memory
 * SQLite database for `:memory:`. `readonly` opens an existing SQLite file without write access,
 * as a read-only file or folder would (tests use it: they run as root, whom `chmod` does not stop).
 */
export async function openDatabase(
  location: string,
  options: OpenOptions = {},
): Promise<AppDatabase> {
  return isPostgresUrl(location)
    ? openPostgresDatabase(location, options)
    : openSqliteDatabase(location, options);
}

async function openSqliteDatabase(
  path: string,
  { readonly = false, onPrepare }: OpenOptions,
): Promise<AppDatabase> {
  if (path !== ':memory:' && !readonly) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path, { timeout: 5000, readonly });
  // WAL lets readers run while a write commits; with WAL, synchronous=NORMAL never loses a
  // committed transaction when the process dies (at worst the last ones on a power cut).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const checkpoints =
    path === ':memory:' || readonly ? undefined : checkpointWhenIdle(sqlite, path);
  const db = new Kysely<Database>({
    dialect: new InOrderSqliteDialect({
      database: reusePreparedStatements(sqlite, {
        onPrepare,
        onWrite: checkpoints?.markWrite,
        onClose: checkpoints?.stop,
      }),
    }),
  });
  await migrateToLatest(db as Kysely<unknown>);
  return db;
}

/**
 * Codes for storage that refuses writes: SQLite's (a read-only file or folder, a full disk, a
 * failing device), the file system's (creating the database's folder), and PostgreSQL's (a full
 * disk, a read-only standby, a server that cannot be reached or is shutting down).
 */
const STORAGE_FAILURE_CODE =
  /^(SQLITE_(READONLY|FULL|IOERR|CANTOPEN)|EACCES|EPERM|EROFS|ENOSPC|ECONNREFUSED|53100|25006|08\w{3}|57P0[1-3])/;

/** `error`, or the cause of it, that says the database's storage cannot be written. */
function findStorageFailure(error: unknown): (Error & { code: string }) | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && STORAGE_FAILURE_CODE.test(code)) {
    return error as Error & { code: string };
  }
  return findStorageFailure(error.cause);
}

/** Whether `error` (or its cause) says the database's storage cannot be written. */
export function isStorageFailure(error: unknown): error is Error & { code: string } {
  return findStorageFailure(error) !== undefined;
}

/** A storage failure in one line a person can act on, e.g. "SQLITE_FULL: database or disk is full". */
export function describeStorageFailure(error: Error & { code: string }): string {
  // The code may be a cause's: the migrator wraps what the database threw in an error of its own.
  const failure = findStorageFailure(error) ?? error;
  return failure.message.startsWith(failure.code)
    ? failure.message
    : `${failure.code}: ${failure.message}`;
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

/**
 * The database's size in bytes: SQLite's pages, free ones included (the write-ahead log aside);
 * PostgreSQL's database as the server reports it.
 */
export async function measureDatabaseSize(db: AppDatabase): Promise<number> {
  const { rows } = isPostgres(db)
    ? await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(db)
    : await sql<{ size: number }>`
        select page_count * page_size as size from pragma_page_count(), pragma_page_size()
      `.execute(db);
  return Number(rows[0]?.size ?? 0);
}
