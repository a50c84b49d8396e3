import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppDatabase } from '../db/database';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteTeacherSessions,
  extendSession,
  findSession,
  insertSession,
  type Teacher,
} from './teacher-queries';
import { ApiError } from '../http/errors';
import { createToken, hashToken } from '../http/tokens';
import { isHttpsRequest, type ProxyTrust } from '../http/request-origin';

/** The cookie that carries a teacher's session token. */
export const SESSION_COOKIE = 'readproof_session';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session ends this long after it was last renewed. */
export const SESSION_LIFETIME_MS = 14 * DAY_MS;
/** A session used with less than this left is renewed, so a teacher who keeps working stays in. */
const RENEW_WHEN_LEFT_MS = 7 * DAY_MS;

/** The Hono environment of routes behind `requireTeacher`: `c.var.teacher` is the signed-in teacher. */
export interface TeacherEnv {
  Variables: { teacher: Teacher };
}

export interface TeacherSessionOptions extends ProxyTrust {
  db: AppDatabase;
  now: () => Date;
}

/**
 * Teacher sessions: a random token in an HttpOnly, SameSite=Lax cookie (Secure over HTTPS), of
 * which the database keeps only the sha-256, so a copy of the database opens no session.
 */
export function createTeacherSessions({ db, now, trustProxy }: TeacherSessionOptions) {
  function setSessionCookie(c: Context, token: string): void {
    setCookie(c, SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttpsRequest(c, { trustProxy }),
      maxAge: SESSION_LIFETIME_MS / 1000,
    });
  }

  function clearSessionCookie(c: Context): void {
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttpsRequest(c, { trustProxy }) });
  }

  return {
    /** Signs `teacherId` in on this response: a new session and its cookie. */
    async start(c: Context, teacherId: string): Promise<void> {
      const startedAt = now();
      const token = createToken();
      await deleteExpiredSessions(db, teacherId, startedAt.toISOString());
      await insertSession(db, {
        tokenHash: hashToken(token),
        teacherId,
        createdAt: startedAt.toISOString(),
        expiresAt: new Date(startedAt.getTime() + SESSION_LIFETIME_MS).toISOString(),
      });
      setSessionCookie(c, token);
    },

    /** Signs out: forgets this request's session, if any, and clears its cookie. */
    async end(c: Context): Promise<void> {
      const token = getCookie(c, SESSION_COOKIE);
      if (token !== undefined) await deleteSession(db, hashToken(token));
      clearSessionCookie(c);
    },

    /** Signs `teacherId` out on every device, e.g. after logging in on a shared computer. */
    async endEverywhere(c: Context, teacherId: string): Promise<void> {
      await deleteTeacherSessions(db, teacherId);
      clearSessionCookie(c);
    },

    /**
     * Lets the request through only with a live session, as `c.var.teacher`; otherwise 401. Only
     * the cookie counts: an attempt's bearer token opens nothing here.
     */
    requireTeacher: createMiddleware<TeacherEnv>(async (c, next) => {
      const token = getCookie(c, SESSION_COOKIE);
      const current = now();
      const session =
        token === undefined
          ? undefined
          : await findSession(db, hashToken(token), current.toISOString());
      if (token === undefined || !session) {
        throw new ApiError(401, 'not-signed-in', 'Log in as a teacher to use this page.');
      }
      if (new Date(session.expiresAt).getTime() - current.getTime() < RENEW_WHEN_LEFT_MS) {
        await extendSession(
          db,
          session.tokenHash,
          new Date(current.getTime() + SESSION_LIFETIME_MS).toISOString(),
        );
        setSessionCookie(c, token);
      }
      c.set('teacher', session.teacher);
      await next();
    }),
  };
}

export type TeacherSessions = ReturnType<typeof createTeacherSessions>;
