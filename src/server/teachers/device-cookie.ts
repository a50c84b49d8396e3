import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isHttpsRequest, type ProxyTrust } from '../http/request-origin';

/**
 * The cookie by which a browser that once logged in to an account is recognised at the next
 * login (OWASP's "device cookies", Authentication Cheat Sheet): strangers' failures on the account
 * do not lock this browser out, which gets a small budget of its own instead.
 */
export const DEVICE_COOKIE = 'readproof_device';

/** Only the login route reads it, so it is sent nowhere else. */
const DEVICE_COOKIE_PATH = '/api/teacher/login';
const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export interface DeviceCookieOptions extends ProxyTrust {
  /** The HMAC-SHA256 key; a promise, as it may first have to be read from the database. */
  secret: () => Promise<Buffer>;
}

/**
 * Device cookies: `<teacher id>.<random nonce>.<HMAC-SHA256 of both>`. The signature binds a
 * cookie to one account, so a cookie earned on one's own account is worth nothing on another's;
 * the nonce names the browser for its own failure budget.
 */
export function createDeviceCookies({ secret, trustProxy }: DeviceCookieOptions) {
  async function sign(teacherId: string, nonce: string): Promise<Buffer> {
    return createHmac('sha256', await secret())
      .update(`device:${teacherId}.${nonce}`)
      .digest();
  }

  return {
    /** The nonce of this request's device cookie if it is validly signed for `teacherId`. */
    async verify(c: Context, teacherId: string): Promise<string | undefined> {
      const [id, nonce, signature, ...rest] = (getCookie(c, DEVICE_COOKIE) ?? '').split('.');
      if (id !== teacherId || !nonce || !signature || rest.length > 0) return undefined;
      const expected = await sign(teacherId, nonce);
      const presented = Buffer.from(signature, 'base64url');
      return presented.length === expected.length && timingSafeEqual(presented, expected)
        ? nonce
        : undefined;
    },

    /** Sets a fresh device cookie for `teacherId` on this response, after a successful login. */
    async issue(c: Context, teacherId: string): Promise<void> {
      const nonce = randomBytes(16).toString('base64url');
      const signature = (await sign(teacherId, nonce)).toString('base64url');
      setCookie(c, DEVICE_COOKIE, `${teacherId}.${nonce}.${signature}`, {
        path: DEVICE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttpsRequest(c, { trustProxy }),
        maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
      });
    },
  };
}

export type DeviceCookies = ReturnType<typeof createDeviceCookies>;
