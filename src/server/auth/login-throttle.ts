/**
 * Slows repeated failed logins. Each key (an account's email, or a client address) may fail a few
 * times freely; after that it must wait, twice as long after each further failure. Kept in memory:
 * Readproof runs as one process, and a restart forgetting the count only helps a real user.
 */

export interface ThrottleRule {
  /** Failures allowed before waiting is required. */
  freeFailures: number;
  /** The first wait, doubled after each further failure. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** A key's failures are forgotten after this long without one. */
  forgetAfterSeconds: number;
}

export const ACCOUNT_THROTTLE: ThrottleRule = {
  freeFailures: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
};

/** An address may hold a whole class behind one school router, so it gets more room. */
export const ADDRESS_THROTTLE: ThrottleRule = {
  freeFailures: 30,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
};

interface FailureRecord {
  failures: number;
  lastFailureAt: number;
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
    const record = this.current(key) ?? { failures: 0, lastFailureAt: now, blockedUntil: 0 };
    record.failures += 1;
    record.lastFailureAt = now;
    const excess = record.failures - this.rule.freeFailures;
    if (excess > 0) {
      const delay = Math.min(
        this.rule.baseDelaySeconds * 2 ** (excess - 1),
        this.rule.maxDelaySeconds,
      );
      record.blockedUntil = now + delay * 1000;
    }
    this.records.delete(key);
    this.records.set(key, record);
    if (this.records.size > MAX_KEYS) {
      const oldest = this.records.keys().next().value;
      if (oldest !== undefined) this.records.delete(oldest);
    }
  }

  recordSuccess(key: string): void {
    this.records.delete(key);
  }

  private current(key: string): FailureRecord | undefined {
    const record = this.records.get(key);
    if (record && this.now() - record.lastFailureAt > this.rule.forgetAfterSeconds * 1000) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }
}
