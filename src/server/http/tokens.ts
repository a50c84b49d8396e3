import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A fresh URL-safe attempt id: 16 random bytes, unguessable so ids can appear in links. */
export function createAttemptId(): string {
  return randomBytes(16).toString('base64url');
}

/** Plan seeds (an attempt's, a printed copy's) stay below 2^31, a signed 32-bit integer. */
export const PLAN_SEED_LIMIT = 2 ** 31;

/** A fresh seed for an attempt's or a printed copy's shuffles. */
export function createPlanSeed(): number {
  return randomInt(PLAN_SEED_LIMIT);
}

/** A fresh secret for an attempt's `Authorization: Bearer` header: 32 random bytes. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its sha-256, so a stolen database grants no access. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares a presented token with a stored hash in time that does not depend on where they differ. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
