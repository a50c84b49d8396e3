import { setMostRecent } from '../http/recent-keys';

/**
 * Slows repeated failed logins. Each key (an account's email, a device cookie, a client address)
 * may fail a few times freely; after that it must wait, twice as long after each further failure.
 * Failures drain away steadily (`freeFailures` per `periodSeconds`), so a key that keeps failing
 * slowly is still held to that rate, and one that stops is soon forgotten. Kept in memory:
 * Readproof runs as one process, and a restart forgetting the count only helps a real user.
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

interface FailureRecord {
  /** Failures not yet drained away; fractional while draining. */
  level: number;
  updatedAt: number;
  blockedUntil: number;
}

/** At most this many keys are remembered, so a flood of made-up emails cannot exhaust memory. */
const MAX_KEYS = 50_000;

export class LoginThrottle {
  private readonly records = new Map<string, FailureRecord>();

  constructor(
    private readonly rule: ThrottleRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the key must still wait before trying again; 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const record = this.current(key);
    if (!record) return 0;
    return Math.max(0, Math.ceil((record.blockedUntil - this.now()) / 1000));
  }

  recordFailure(key: string): void {
    const now = this.now();
    const record = this.current(key) ?? { level: 0, updatedAt: now, blockedUntil: 0 };
    record.level += 1;
    const excess = this.excessOf(record);
    if (excess > 0) {
      const delay = Math.min(
        this.rule.baseDelaySeconds * 2 ** (excess - 1),
        this.rule.maxDelaySeconds,
      );
      record.blockedUntil = now + delay * 1000;
    }
    setMostRecent(this.records, key, record, MAX_KEYS);
  }

  /** Gives back one reserved try that turned out not to be a failure. */
  release(key: string): void {
    const record = this.current(key);
    if (!record) return;
    record.level = Math.max(0, record.level - 1);
    if (this.excessOf(record) <= 0) record.blockedUntil = 0;
  }

  /** Forgets every failure of the key, e.g. an account's once its password was given. */
  recordSuccess(key: string): void {
    this.records.delete(key);
  }

  private excessOf(record: FailureRecord): number {
    return Math.floor(record.level - this.rule.freeFailures);
  }

  /** The key's record with its failures drained up to now; undefined once nothing is left. */
  private current(key: string): FailureRecord | undefined {
    const record = this.records.get(key);
    if (!record) return undefined;
    const now = this.now();
    const drained =
      ((now - record.updatedAt) / 1000) * (this.rule.freeFailures / this.rule.periodSeconds);
    record.level = Math.max(0, record.level - drained);
    record.updatedAt = now;
    if (record.level === 0 && record.blockedUntil <= now) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }
}
