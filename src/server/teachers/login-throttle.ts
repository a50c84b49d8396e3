import {
  createMemoryThrottleStore,
  type ThrottleKey,
  type ThrottleState,
  type ThrottleStore,
} from '../http/throttle-store';

/**
 * Slows repeated failed logins. Each key (an account's email, a device cookie, a client address)
 * may fail a few times freely; after that it must wait, twice as long after each further failure.
 * Failures drain away steadily (`freeFailures` per `periodSeconds`), so a key that keeps failing
 * slowly is still held to that rate, and one that stops is soon forgotten. The counts live in a
 * ThrottleStore: this process's memory on SQLite (a restart forgetting them only helps a real
 * user), the database on PostgreSQL, so that several instances count together.
 *
 * A login counts its try as a failure when it starts, before the slow password check, so
 * concurrent guesses cannot all slip through while the first ones are still being checked; a try
 * that succeeds is given back (`release`) or clears the key (`recordSuccess`).
 */

export interface ThrottleRule {
  /** Failures allowed before waiting is required. */
  freeFailures: number;
  /** Failures drain at `freeFailures` per this many seconds. */
  periodSeconds: number;
  /** The first wait, doubled after each further failure. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * One account's failed logins from browsers that never logged in to it (OWASP's "untrusted
 * clients"): 5 free, then 30 s, 1 min, 2 min ... up to 15 min, draining at 5 per hour. Logins
 * carrying the account's device cookie do not count here and are not held up by it.
 */
export const ACCOUNT_THROTTLE: ThrottleRule = {
  freeFailures: 5,
  periodSeconds: HOUR,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * MINUTE,
};

/**
 * One device cookie's failed logins (the browser once logged in to the account): the same small
 * budget as the account's, but its own, so strangers' failures never lock this browser out.
 */
export const DEVICE_THROTTLE: ThrottleRule = { ...ACCOUNT_THROTTLE };

/**
 * Failed logins per client address. A whole school may share one address (NAT), so it is
 * generous: 200 failures per 15 minutes, then waits from 30 s up to 15 min.
 */
export const ADDRESS_THROTTLE: ThrottleRule = {
  freeFailures: 200,
  periodSeconds: 15 * MINUTE,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * MINUTE,
};

/**
 * Sign-ups per client address, each counted (each costs a password hash, and a taken email tells
 * whether an account exists): 200 per hour, enough for a school's staff on a training day.
 */
export const SIGNUP_THROTTLE: ThrottleRule = {
  freeFailures: 200,
  periodSeconds: HOUR,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * MINUTE,
};

export class LoginThrottle {
  constructor(
    private readonly rule: ThrottleRule,
    /** Where the counts live: shared by every instance on a PostgreSQL database. */
    readonly store: ThrottleStore = createMemoryThrottleStore(),
    /** Which throttle this is in the store, e.g. `login-account`; one store holds several. */
    readonly scope = 'login',
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the key must still wait before trying again; 0 when it may try now. */
  async retryAfterSeconds(key: string): Promise<number> {
    const now = this.now();
    const [state] = await this.store.read([this.keyOf(key)], now);
    return this.waitOf(this.drained(state, now), now);
  }

  async recordFailure(key: string): Promise<void> {
    await this.change(key, (record, now) => this.withFailure(record, now));
  }

  /** Gives back one reserved try that turned out not to be a failure. */
  async release(key: string): Promise<void> {
    await this.change(key, (record, now) => this.withoutFailure(record, now));
  }

  /** Forgets every failure of the key, e.g. an account's once its password was given. */
  async recordSuccess(key: string): Promise<void> {
    await this.change(key, () => undefined);
  }

  /** The key of `key` in the store. */
  keyOf(key: string): ThrottleKey {
    return { scope: this.scope, key };
  }

  /** How long a key whose state is `record` must wait at `now`, in whole seconds. */
  waitOf(record: ThrottleState | undefined, now: number): number {
    if (!record) return 0;
    return Math.max(0, Math.ceil((record.blockedUntil - now) / 1000));
  }

  /** `record` with one more failure at `now`, and the wait it earns once over the free ones. */
  withFailure(record: ThrottleState | undefined, now: number): ThrottleState | undefined {
    const level = (record?.level ?? 0) + 1;
    let blockedUntil = record?.blockedUntil ?? 0;
    // Rounded up: failures drain a little between tries, and a sixth failure a few seconds after
    // the fifth (5.99 of 5 free) is over the free ones all the same.
    const excess = Math.ceil(level - this.rule.freeFailures);
    if (excess > 0) {
      const delay = Math.min(
        this.rule.baseDelaySeconds * 2 ** (excess - 1),
        this.rule.maxDelaySeconds,
      );
      blockedUntil = now + delay * 1000;
    }
    return this.settled({ level, updatedAt: now, blockedUntil, drainedAt: 0 }, now);
  }

  /** `record` with one failure given back, and its wait lifted once no longer over the free ones. */
  withoutFailure(record: ThrottleState | undefined, now: number): ThrottleState | undefined {
    if (!record) return undefined;
    const level = Math.max(0, record.level - 1);
    const blockedUntil = level - this.rule.freeFailures <= 0 ? 0 : record.blockedUntil;
    return this.settled({ ...record, level, blockedUntil }, now);
  }

  /** The key's state with its failures drained up to `now`; undefined once nothing is left. */
  drained(record: ThrottleState | undefined, now: number): ThrottleState | undefined {
    if (!record) return undefined;
    const drained = ((now - record.updatedAt) / 1000) * this.perSecond();
    return this.settled(
      { ...record, level: Math.max(0, record.level - drained), updatedAt: now },
      now,
    );
  }

  private perSecond(): number {
    return this.rule.freeFailures / this.rule.periodSeconds;
  }

  /** `record` with when it will have drained; undefined when nothing is left of it now. */
  private settled(record: ThrottleState, now: number): ThrottleState | undefined {
    if (record.level === 0 && record.blockedUntil <= now) return undefined;
    const drainedAt = Math.max(
      record.blockedUntil,
      record.updatedAt + Math.ceil((record.level / this.perSecond()) * 1000),
      // Kept at least a moment, so a state just made is never taken for a drained one.
      now + 1,
    );
    return { ...record, drainedAt };
  }

  private async change(
    key: string,
    apply: (record: ThrottleState | undefined, now: number) => ThrottleState | undefined,
  ): Promise<void> {
    const now = this.now();
    await this.store.update([this.keyOf(key)], now, ([state]) => ({
      states: [apply(this.drained(state, now), now)],
      result: undefined,
    }));
  }
}

/** A key whose tries a login or sign-up counts: the throttle and the key in it. */
export type Budget = readonly [LoginThrottle, string];

/**
 * Counts one try against each budget, or, when one of them must still wait, counts nothing and
 * resolves with the longest wait in seconds (0 when the try was counted). One step on the store,
 * so concurrent tries on every instance are counted one after the other and never all slip
 * through. The budgets' throttles must share one store.
 */
/** The one store the budgets' throttles share, so one step on it can count them all. */
function storeOf(budgets: readonly Budget[]): ThrottleStore | undefined {
  const store = budgets[0]?.[0].store;
  if (budgets.some(([throttle]) => throttle.store !== store)) {
    throw new Error('The budgets of one try must share a throttle store.');
  }
  return store;
}

export async function reserveTries(budgets: readonly Budget[], now: number): Promise<number> {
  const store = storeOf(budgets);
  if (!store) return 0;
  return store.update(
    budgets.map(([throttle, key]) => throttle.keyOf(key)),
    now,
    (states) => {
      const drained = budgets.map(([throttle], index) => throttle.drained(states[index], now));
      const wait = Math.max(
        0,
        ...budgets.map(([throttle], index) => throttle.waitOf(drained[index], now)),
      );
      if (wait > 0) return { states: drained, result: wait };
      return {
        states: budgets.map(([throttle], index) => throttle.withFailure(drained[index], now)),
        result: 0,
      };
    },
  );
}

/** Gives back a try `reserveTries` counted against each budget, as one step on the store. */
export async function releaseTries(budgets: readonly Budget[], now: number): Promise<void> {
  const store = storeOf(budgets);
  if (!store) return;
  await store.update(
    budgets.map(([throttle, key]) => throttle.keyOf(key)),
    now,
    (states) => ({
      states: budgets.map(([throttle], index) =>
        throttle.withoutFailure(throttle.drained(states[index], now), now),
      ),
      result: undefined,
    }),
  );
}
