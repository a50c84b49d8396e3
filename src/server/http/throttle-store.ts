import type { ExpressionBuilder } from 'kysely';
import type { AppDatabase } from '../db/database';
import { isPostgres } from '../db/dialect';
import type { Database } from '../db/schema';
import { setMostRecent } from './recent-keys';

/**
 * Where the login throttles and the per-address rate limits keep their counts. SQLite is one
 * process by design, so its counts stay in memory; on PostgreSQL several app instances share
 * one database, and each counting on its own would multiply every limit by their number, so the
 * counts live in the database, where each key's read-modify-write holds the key's row lock.
 */

/** What a throttle remembers of one key. Times are milliseconds since the epoch. */
export interface ThrottleState {
  /** What the key has used up and not yet earned back; fractional while draining. */
  level: number;
  /** When `level` was last brought up to date. */
  updatedAt: number;
  /** The key may not try again before then; 0 when it is not held. */
  blockedUntil: number;
  /** When the state will have drained to nothing: from then on the key is forgotten. */
  drainedAt: number;
}

/** One key of one throttle (`scope`: which throttle, e.g. `login-account`). */
export interface ThrottleKey {
  scope: string;
  key: string;
}

/** The keys' new states (undefined forgets a key) and what the caller gets back. */
export interface ThrottleChange<R> {
  states: readonly (ThrottleState | undefined)[];
  result: R;
}

export interface ThrottleStore {
  /** The keys' states at `now` (undefined: nothing counted), changing nothing. */
  read(keys: readonly ThrottleKey[], now: number): Promise<(ThrottleState | undefined)[]>;
  /**
   * Reads the keys' states at `now`, and stores the states `change` makes of them, as one step:
   * no other update of these keys, on any instance, comes between the read and the write.
   */
  update<R>(
    keys: readonly ThrottleKey[],
    now: number,
    change: (states: (ThrottleState | undefined)[]) => ThrottleChange<R>,
  ): Promise<R>;
}

/** The store for `db`: in the database on PostgreSQL, else in this process's memory. */
export function createThrottleStore(db: AppDatabase): ThrottleStore {
  return isPostgres(db) ? createDatabaseThrottleStore(db) : createMemoryThrottleStore();
}

/** At most this many keys per scope are remembered, so a flood of made-up keys cannot exhaust memory. */
const MAX_KEYS_PER_SCOPE = 50_000;

/** Counts in memory: one process, and a restart forgetting them only forgives. */
export function createMemoryThrottleStore(): ThrottleStore {
  const scopes = new Map<string, Map<string, ThrottleState>>();
  const live = (state: ThrottleState | undefined, now: number) =>
    state !== undefined && state.drainedAt > now ? { ...state } : undefined;

  return {
    read(keys, now) {
      return Promise.resolve(keys.map(({ scope, key }) => live(scopes.get(scope)?.get(key), now)));
    },
    update(keys, now, change) {
      const { states, result } = change(
        keys.map(({ scope, key }) => live(scopes.get(scope)?.get(key), now)),
      );
      keys.forEach(({ scope, key }, index) => {
        let records = scopes.get(scope);
        if (!records) {
          records = new Map();
          scopes.set(scope, records);
        }
        const state = states[index];
        if (state === undefined || state.drainedAt <= now) records.delete(key);
        else setMostRecent(records, key, { ...state }, MAX_KEYS_PER_SCOPE);
      });
      return Promise.resolve(result);
    },
  };
}

function byScopeAndKey(a: ThrottleKey, b: ThrottleKey): number {
  return a.scope < b.scope
    ? -1
    : a.scope > b.scope
      ? 1
      : a.key < b.key
        ? -1
        : a.key > b.key
          ? 1
          : 0;
}

function whereKeyIs(keys: readonly ThrottleKey[]) {
  return (eb: ExpressionBuilder<Database, 'throttle_states'>) =>
    eb.or(keys.map(({ scope, key }) => eb.and([eb('scope', '=', scope), eb('key', '=', key)])));
}

/**
 * Counts in the `throttle_states` table, shared by every instance on the database. An update
 * inserts the rows it lacks, then locks them (in one order, so two updates never deadlock) until
 * it commits: two instances' tries of one key run one after the other, so never both let the
 * try after the last allowed one through. Drained rows are deleted when next updated, and by the
 * periodic sweep (`deleteDrainedThrottleStates`).
 */
export function createDatabaseThrottleStore(db: AppDatabase): ThrottleStore {
  const toState = (row: {
    level: number;
    updated_at: number;
    blocked_until: number;
    drained_at: number;
  }): ThrottleState => ({
    level: Number(row.level),
    updatedAt: Number(row.updated_at),
    blockedUntil: Number(row.blocked_until),
    drainedAt: Number(row.drained_at),
  });

  async function readRows(trx: AppDatabase, keys: readonly ThrottleKey[], forUpdate: boolean) {
    const rows = await trx
      .selectFrom('throttle_states')
      .selectAll()
      .where(whereKeyIs(keys))
      .orderBy('scope')
      .orderBy('key')
      .$if(forUpdate && isPostgres(trx), (query) => query.forUpdate())
      .execute();
    return keys.map((wanted) =>
      rows.find((row) => row.scope === wanted.scope && row.key === wanted.key),
    );
  }

  return {
    async read(keys, now) {
      if (keys.length === 0) return [];
      const rows = await readRows(db, keys, false);
      return rows.map((row) => (row && row.drained_at > now ? toState(row) : undefined));
    },
    async update(keys, now, change) {
      return db.transaction().execute(async (trx) => {
        const distinct = [...new Map(keys.map((k) => [`${k.scope}\n${k.key}`, k])).values()].sort(
          byScopeAndKey,
        );
        // A row to lock for each key, even one never counted: a placeholder already drained.
        await trx
          .insertInto('throttle_states')
          .values(
            distinct.map(({ scope, key }) => ({
              scope,
              key,
              level: 0,
              updated_at: 0,
              blocked_until: 0,
              drained_at: 0,
            })),
          )
          .onConflict((conflict) => conflict.columns(['scope', 'key']).doNothing())
          .execute();
        const rows = await readRows(trx, keys, true);
        const { states, result } = change(
          rows.map((row) => (row && row.drained_at > now ? toState(row) : undefined)),
        );
        for (const [index, { scope, key }] of keys.entries()) {
          const state = states[index];
          if (state === undefined || state.drainedAt <= now) {
            await trx
              .deleteFrom('throttle_states')
              .where(whereKeyIs([{ scope, key }]))
              .execute();
          } else {
            await trx
              .updateTable('throttle_states')
              .set({
                level: state.level,
                updated_at: Math.round(state.updatedAt),
                blocked_until: Math.ceil(state.blockedUntil),
                drained_at: Math.ceil(state.drainedAt),
              })
              .where(whereKeyIs([{ scope, key }]))
              .execute();
          }
        }
        return result;
      });
    },
  };
}

/** Deletes the throttles' states drained by `now`, those no update came back to; resolves with how many. */
export async function deleteDrainedThrottleStates(db: AppDatabase, now: Date): Promise<number> {
  const { numDeletedRows } = await db
    .deleteFrom('throttle_states')
    .where('drained_at', '<=', now.getTime())
    .executeTakeFirst();
  return Number(numDeletedRows);
}
