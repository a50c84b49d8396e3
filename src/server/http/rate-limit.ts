import type { Context, MiddlewareHandler } from 'hono';
import { clientAddress, type ProxyTrust } from './request-origin';
import { ApiError } from './errors';
import { setMostRecent } from './recent-keys';

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

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** At most this many addresses are remembered, so a flood of addresses cannot exhaust memory. */
const MAX_KEYS = 50_000;

/** Counts events per key in memory: Readproof runs as one process, and a restart only forgives. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rule: RateRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may act again; 0 when it may act now. Does not spend anything. */
  retryAfterSeconds(key: string): number {
    const tokens = this.refill(key).tokens;
    if (tokens >= 1) return 0;
    return Math.max(1, Math.ceil((1 - tokens) / this.perSecond()));
  }

  /** Spends one event of `key`'s allowance (it may go below zero: flooding keeps it closed). */
  spend(key: string): void {
    const bucket = this.refill(key);
    bucket.tokens = Math.max(bucket.tokens - 1, -this.rule.limit);
    setMostRecent(this.buckets, key, bucket, MAX_KEYS);
  }

  private perSecond(): number {
    return this.rule.limit / this.rule.windowSeconds;
  }

  private refill(key: string): Bucket {
    const now = this.now();
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.rule.limit, updatedAt: now };
    const earned = ((now - bucket.updatedAt) / 1000) * this.perSecond();
    bucket.tokens = Math.min(this.rule.limit, bucket.tokens + earned);
    bucket.updatedAt = now;
    return bucket;
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
      const wait = limiter.retryAfterSeconds(address);
      if (wait > 0) {
        refuse(
          c,
          wait,
          `Too many quizzes were started from your network just now. Wait ${inWords(wait)} and try again.`,
        );
      }
      limiter.spend(address);
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
    const wait = limiter.retryAfterSeconds(address);
    if (wait > 0) {
      refuse(
        c,
        wait,
        `Too many codes that open nothing were typed from your network. Wait ${inWords(wait)}, check the code with your teacher, and try again.`,
      );
    }
    await next();
    if (c.res.status === 404) limiter.spend(address);
  };
}
