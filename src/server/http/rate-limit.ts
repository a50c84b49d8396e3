import type { Context, MiddlewareHandler } from 'hono';
import { clientAddress, type ProxyTrust } from './request-origin';
import { ApiError } from './errors';
import {
  createMemoryThrottleStore,
  type ThrottleState,
  type ThrottleStore,
} from './throttle-store';

/**
 * A limit of `limit` events per `windowSeconds` for each key (a client address), as a token
 * bucket: a key may spend its whole allowance at once (a class starting together), then earns it
 * back evenly over the window.
 */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/**
 * The limits per client address. A school's pupils usually share one public address (NAT), so
 * the limits are for a whole school at once, far above what a class does and far below a flood:
 * - attempt starts (practice and joins): 300 per 10 minutes, i.e. ten classes of 30 starting in
 *   the same 10 minutes; a flood of practice attempts (17 KB each) is held to about 30 KB/s;
 * - wrong codes (join codes and personal codes that open nothing): 100 per 10 minutes, a dozen
 *   typos per class; guessing one of 887 million join codes at that pace takes decades, where
 *   6,900 guesses a second used to be answered.
 */
export interface RateLimitRules {
  attemptStarts: RateRule;
  codeMisses: RateRule;
}

export const DEFAULT_RATE_LIMITS: RateLimitRules = {
  attemptStarts: { limit: 300, windowSeconds: 10 * 60 },
  codeMisses: { limit: 100, windowSeconds: 10 * 60 },
};

/** No limit at all: for load tests, where every simulated student has the same address. */
export const UNLIMITED_RATE_LIMITS: RateLimitRules = {
  attemptStarts: { limit: Number.MAX_SAFE_INTEGER, windowSeconds: 1 },
  codeMisses: { limit: Number.MAX_SAFE_INTEGER, windowSeconds: 1 },
};

/**
 * Counts events per key in a ThrottleStore: this process's memory on SQLite (one process, and a
 * restart only forgives), the database on PostgreSQL, so several instances share one allowance.
 * A key's state is what it has spent and not yet earned back (`level`); none means a full bucket.
 */
export class RateLimiter {
  constructor(
    private readonly rule: RateRule,
    private readonly store: ThrottleStore = createMemoryThrottleStore(),
    /** Which limit this is in the store, e.g. `attempt-starts`. */
    private readonly scope = 'rate',
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may act again; 0 when it may act now. Does not spend anything. */
  async retryAfterSeconds(key: string): Promise<number> {
    if (this.unlimited()) return 0;
    const now = this.now();
    const [state] = await this.store.read([{ scope: this.scope, key }], now);
    return this.waitFor(this.tokensOf(state, now));
  }

  /** Spends one event of `key`'s allowance (it may go below zero: flooding keeps it closed). */
  async spend(key: string): Promise<void> {
    await this.take(key, { evenIfRefused: true });
  }

  /**
   * Spends one event of `key`'s allowance if it has one, as one step on the store (so concurrent
   * requests on every instance never spend more than the allowance); resolves with 0, or with
   * the seconds to wait, spending nothing (unless `evenIfRefused`).
   */
  async take(key: string, { evenIfRefused = false } = {}): Promise<number> {
    if (this.unlimited()) return 0;
    const now = this.now();
    return this.store.update([{ scope: this.scope, key }], now, ([state]) => {
      const tokens = this.tokensOf(state, now);
      const wait = this.waitFor(tokens);
      const spent = wait > 0 && !evenIfRefused ? tokens : Math.max(tokens - 1, -this.rule.limit);
      return { states: [this.stateOf(spent, now)], result: wait };
    });
  }

  private perSecond(): number {
    return this.rule.limit / this.rule.windowSeconds;
  }

  /** UNLIMITED_RATE_LIMITS (load tests): nothing to count, so no write per request either. */
  private unlimited(): boolean {
    return this.rule.limit >= Number.MAX_SAFE_INTEGER;
  }

  private waitFor(tokens: number): number {
    if (tokens >= 1) return 0;
    return Math.max(1, Math.ceil((1 - tokens) / this.perSecond()));
  }

  /** The tokens the key has at `now`: its bucket refilled since last counted. */
  private tokensOf(state: ThrottleState | undefined, now: number): number {
    if (!state) return this.rule.limit;
    const earned = ((now - state.updatedAt) / 1000) * this.perSecond();
    return Math.min(this.rule.limit, this.rule.limit - state.level + earned);
  }

  /** The state to store for a bucket holding `tokens` at `now`; none once it is full. */
  private stateOf(tokens: number, now: number): ThrottleState | undefined {
    const level = this.rule.limit - tokens;
    if (level <= 0) return undefined;
    return {
      level,
      updatedAt: now,
      blockedUntil: 0,
      drainedAt: now + Math.max(1, Math.ceil((level / this.perSecond()) * 1000)),
    };
  }
}

function refuse(c: Context, retryAfter: number, message: string): never {
  c.header('Retry-After', String(retryAfter));
  throw new ApiError(429, 'too-many-requests', message, { retryAfterSeconds: retryAfter });
}

function inWords(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 60 ? `${seconds} seconds` : minutes === 1 ? 'a minute' : `${minutes} minutes`;
}

/** Refuses a request to start an attempt once its address has started too many (429). */
export function limitAttemptStarts(limiter: RateLimiter, trust: ProxyTrust): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'POST') {
      const address = clientAddress(c, trust);
      const wait = await limiter.take(address);
      if (wait > 0) {
        refuse(
          c,
          wait,
          `Too many quizzes were started from your network just now. Wait ${inWords(wait)} and try again.`,
        );
      }
    }
    await next();
  };
}

/**
 * Refuses code lookups from an address that typed too many codes that open nothing (429). A miss
 * is any 404 under the route (an unknown join code or personal code), counted once answered.
 */
export function limitCodeMisses(limiter: RateLimiter, trust: ProxyTrust): MiddlewareHandler {
  return async (c, next) => {
    const address = clientAddress(c, trust);
    const wait = await limiter.retryAfterSeconds(address);
    if (wait > 0) {
      refuse(
        c,
        wait,
        `Too many codes that open nothing were typed from your network. Wait ${inWords(wait)}, check the code with your teacher, and try again.`,
      );
    }
    await next();
    if (c.res.status === 404) await limiter.spend(address);
  };
}
