import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AttemptPlan } from '../../domain/attempt-plan';
import type { AppDatabase } from '../db/database';
import { getAttempt, type Attempt } from './attempt-queries';
import { ApiError } from '../http/errors';
import { hashToken, tokenMatches } from '../http/tokens';
import { SESSION_COOKIE } from '../teachers/session';
import { findSession } from '../teachers/teacher-queries';

/** What never changes about an attempt once started: who may open it, and what it asks. */
export interface AttemptKeys {
  id: string;
  tokenHash: string;
  contentVersion: string;
  plan: AttemptPlan;
  /** A teacher's preview opens only with that teacher's session as well as the token. */
  previewTeacherId?: string | null;
}

/** Enough for every attempt in progress on a busy server; older entries are read again. */
const MAX_REMEMBERED_ATTEMPTS = 20_000;

const BEARER = /^Bearer +([A-Za-z0-9_-]{1,200})$/i;

/** The one answer to a wrong token, an unknown id and a deleted attempt alike. */
export function attemptNotFoundError(): ApiError {
  return new ApiError(404, 'attempt-not-found', 'There is no attempt with this id and token.');
}

export interface AttemptAccess {
  /** The attempt this request's token opens, read from the database. */
  open(c: Context, attemptId: string): Promise<Attempt>;
  /**
   * The unchanging part of the attempt this request's token opens, from memory when it can be:
   * autosave needs no more, and its write checks status and deadline itself.
   */
  openKeys(c: Context, attemptId: string): Promise<AttemptKeys>;
  remember(keys: AttemptKeys): void;
}

/**
 * Checks `Authorization: Bearer <token>` against an attempt. A missing header is a 401; a wrong
 * token and an unknown id are the same 404, so a guess learns nothing about which attempts exist.
 */
export function createAttemptAccess(db: AppDatabase, now: () => Date): AttemptAccess {
  // Safe with several instances: an attempt's keys never change, and one another instance
  // deleted meanwhile is still refused by the write itself (see attempt-routes' writeResponse).
  const remembered = new Map<string, AttemptKeys>();

  function remember({ id, tokenHash, contentVersion, plan, previewTeacherId }: AttemptKeys): void {
    remembered.delete(id);
    remembered.set(id, { id, tokenHash, contentVersion, plan, previewTeacherId });
    if (remembered.size > MAX_REMEMBERED_ATTEMPTS) {
      const oldest = remembered.keys().next().value;
      if (oldest !== undefined) remembered.delete(oldest);
    }
  }

  function readToken(c: Context): string | undefined {
    const header = c.req.header('authorization');
    if (header === undefined || !/^Bearer\b/i.test(header)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ApiError(
        401,
        'unauthorized',
        'Send the attempt token as `Authorization: Bearer <token>`.',
      );
    }
    return BEARER.exec(header)?.[1];
  }

  function check<T extends { tokenHash: string }>(
    token: string | undefined,
    found: T | undefined,
  ): T {
    if (!token || !found || !tokenMatches(token, found.tokenHash)) {
      throw attemptNotFoundError();
    }
    return found;
  }

  /**
   * A preview is its teacher's alone: a token copied to another browser, or left behind on a
   * shared computer after the teacher logged out, opens nothing without their session.
   */
  async function checkPreviewOwner<T extends AttemptKeys>(c: Context, keys: T): Promise<T> {
    if (!keys.previewTeacherId) return keys;
    const cookie = getCookie(c, SESSION_COOKIE);
    const session =
      cookie === undefined
        ? undefined
        : await findSession(db, hashToken(cookie), now().toISOString());
    if (session?.teacher.id !== keys.previewTeacherId) throw attemptNotFoundError();
    return keys;
  }

  return {
    async open(c, attemptId) {
      const token = readToken(c);
      const attempt = check(token, await getAttempt(db, attemptId));
      remember(attempt);
      return checkPreviewOwner(c, attempt);
    },
    async openKeys(c, attemptId) {
      const token = readToken(c);
      const known = remembered.get(attemptId);
      if (known) return checkPreviewOwner(c, check(token, known));
      const attempt = check(token, await getAttempt(db, attemptId));
      remember(attempt);
      return checkPreviewOwner(c, attempt);
    },
    remember,
  };
}
