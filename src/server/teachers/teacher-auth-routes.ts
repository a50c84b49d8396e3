import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { formatCount } from '../../domain/plural';
import { createDeviceCookies } from './device-cookie';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  DEVICE_THROTTLE,
  LoginThrottle,
  SIGNUP_THROTTLE,
  releaseTries,
  reserveTries,
  type Budget,
} from './login-throttle';
import { createMemoryThrottleStore, type ThrottleStore } from '../http/throttle-store';
import { hashPassword, verifyPassword, type ScryptCost } from './password-hash';
import { clientAddress, type ProxyTrust } from '../http/request-origin';
import { loadServerSecret } from './server-secret';
import type { TeacherSessions } from './session';
import { createRouter, jsonBody, jsonResponse } from '../http/create-router';
import type { AppDatabase } from '../db/database';
import { findTeacherByEmail, insertTeacher, normaliseEmail, type Teacher } from './teacher-queries';
import { ApiError, errorResponse } from '../http/errors';
import {
  QueueFullError,
  createConcurrencyLimit,
  type ConcurrencyBounds,
} from '../http/limit-concurrency';
import { cookieAuth, notSignedIn, sameOriginRefused } from './teacher-openapi';
import { FIELD_LIMITS, MIN_PASSWORD_LENGTH } from '../../domain/field-limits';

/**
 * Password hashes: two at once keep both cores busy without queueing memory for more, and at
 * most 8 wait, so an admitted login waits for at most about (8 / 2 + 1) x 0.7 s = 3.5 s at OWASP's
 * cost; any more are refused at once with 503 and Retry-After instead of queueing behind a flood.
 */
export const HASH_QUEUE: ConcurrencyBounds = { running: 2, waiting: 8 };

/** What a refusal for a full hash queue asks to wait: a full queue drains in about 3.5 s. */
const BUSY_RETRY_AFTER_SECONDS = 5;

export interface TeacherAuthOptions extends ProxyTrust {
  db: AppDatabase;
  sessions: TeacherSessions;
  passwordCost: ScryptCost;
  /** The key that signs device cookies. Default: one generated once and kept in the database. */
  sessionSecret?: string;
  now: () => Date;
  /** Where the throttles count (createApp picks it for the database). Default: in memory. */
  throttleStore?: ThrottleStore;
}

export const teacherSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    createdAt: z.string(),
  })
  .openapi('Teacher');

const emailSchema = z
  .string()
  .trim()
  .max(FIELD_LIMITS.email)
  .pipe(z.email('Type a whole email address.'));

const signupRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'Type your name.').max(FIELD_LIMITS.teacherName),
    email: emailSchema,
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(FIELD_LIMITS.password),
  })
  .openapi('SignupRequest');

const loginRequestSchema = z
  .object({
    // Not checked as an email: a login answers the same for anything that is not an account.
    email: z.string().trim().min(1).max(FIELD_LIMITS.email),
    password: z.string().min(1).max(FIELD_LIMITS.password),
  })
  .openapi('LoginRequest');

const retryAfterHeader = {
  'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
} as const;

const throttled = {
  ...errorResponse(
    '`too-many-attempts`: too many tries for this account, device or address; wait `Retry-After` seconds.',
  ),
  headers: retryAfterHeader,
} as const;

const busy = {
  ...errorResponse(
    '`server-busy`: too many passwords are being checked at this moment; wait `Retry-After` seconds.',
  ),
  headers: retryAfterHeader,
} as const;

const teacherResponse = (description: string) => jsonResponse(description, teacherSchema);

const signupRoute = createRoute({
  method: 'post',
  path: '/signup',
  tags: ['teacher accounts'],
  summary: 'Creates a teacher account and signs it in',
  description:
    'Sets the session cookie. Send `Origin` (browsers do): state-changing teacher requests from another site are refused.',
  request: { body: jsonBody(signupRequestSchema) },
  responses: {
    201: teacherResponse('The account, now signed in (`Set-Cookie: readproof_session=...`).'),
    400: errorResponse(
      `A field is missing or invalid (password under ${MIN_PASSWORD_LENGTH} characters, ...).`,
    ),
    403: sameOriginRefused,
    409: errorResponse('`email-taken`: an account with this email exists; log in instead.'),
    429: throttled,
    503: busy,
  },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['teacher accounts'],
  summary: 'Signs a teacher in',
  description:
    "Sets the session cookie and a device cookie (`readproof_device`, sent back only to this route): a browser that logged in to the account before is not held up by other browsers' failures on it.",
  request: { body: jsonBody(loginRequestSchema) },
  responses: {
    200: teacherResponse('Signed in (`Set-Cookie: readproof_session=...`).'),
    400: errorResponse('The body is not `{ "email", "password" }`.'),
    401: errorResponse(
      '`invalid-credentials`: the email and password do not match an account (never says which).',
    ),
    403: sameOriginRefused,
    429: throttled,
    503: busy,
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['teacher accounts'],
  summary: 'Signs out: ends the session and clears its cookie',
  responses: {
    204: { description: 'Signed out (also when there was no session).' },
    403: sameOriginRefused,
  },
});

export function createTeacherAuthRoutes(options: TeacherAuthOptions) {
  const {
    db,
    sessions,
    passwordCost,
    sessionSecret,
    now,
    trustProxy,
    throttleStore = createMemoryThrottleStore(),
  } = options;
  const clock = () => now().getTime();
  const throttles = {
    account: new LoginThrottle(ACCOUNT_THROTTLE, throttleStore, 'login-account', clock),
    device: new LoginThrottle(DEVICE_THROTTLE, throttleStore, 'login-device', clock),
    address: new LoginThrottle(ADDRESS_THROTTLE, throttleStore, 'login-address', clock),
    signup: new LoginThrottle(SIGNUP_THROTTLE, throttleStore, 'signup-address', clock),
  };
  const hashing = createConcurrencyLimit(HASH_QUEUE);
  // The first instance to ask stores the secret and every instance reads that one; it never changes.
  let secret: Promise<Buffer> | undefined;
  const devices = createDeviceCookies({
    trustProxy,
    secret: () =>
      (secret ??=
        sessionSecret === undefined
          ? loadServerSecret(db, 'device-cookie', now).catch((error: unknown) => {
              secret = undefined;
              throw error;
            })
          : Promise.resolve(Buffer.from(sessionSecret))),
  });
  let decoy: Promise<string> | undefined;
  // An unknown email is checked against a decoy hash so it takes as long as a wrong password.
  const decoyHash = () =>
    (decoy ??= hashPassword('decoy password for unknown emails', passwordCost));

  const meRoute = createRoute({
    method: 'get',
    path: '/me',
    tags: ['teacher accounts'],
    summary: 'The signed-in teacher',
    security: cookieAuth,
    middleware: [sessions.requireTeacher] as const,
    responses: {
      200: teacherResponse('The teacher this session belongs to.'),
      401: errorResponse('`not-signed-in`: no session, or it expired.'),
    },
  });

  const logoutAllRoute = createRoute({
    method: 'post',
    path: '/logout-all',
    tags: ['teacher accounts'],
    summary: 'Signs out everywhere: ends every session of this teacher, on every device',
    security: cookieAuth,
    middleware: [sessions.requireTeacher] as const,
    responses: {
      204: { description: 'Every session of the teacher has ended, this one included.' },
      401: notSignedIn,
      403: sameOriginRefused,
    },
  });

  /**
   * Counts this try against each budget before any hashing (so concurrent guesses cannot all be
   * checked), or refuses with 429 when one of them must still wait, counting nothing. Returns what
   * gives the tries back.
   */
  async function reserveTry(c: Context, budgets: readonly Budget[]): Promise<() => Promise<void>> {
    const wait = await reserveTries(budgets, clock());
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(
        429,
        'too-many-attempts',
        `Too many tries. Try again in ${formatWait(wait)}.`,
        {
          retryAfterSeconds: wait,
        },
      );
    }
    return () => releaseTries(budgets, clock());
  }

  /** Runs a password hash in turn; with the queue full, gives the try back and refuses with 503. */
  async function hashInTurn<T>(c: Context, giveBack: () => Promise<void>, task: () => Promise<T>) {
    try {
      return await hashing(task);
    } catch (error) {
      if (!(error instanceof QueueFullError)) throw error;
      await giveBack();
      c.header('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
      throw new ApiError(
        503,
        'server-busy',
        `Readproof is busy checking other passwords. Try again in ${formatWait(BUSY_RETRY_AFTER_SECONDS)}.`,
        { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
      );
    }
  }

  return createRouter()
    .openapi(signupRoute, async (c) => {
      const { name, email, password } = c.req.valid('json');
      // Every sign-up counts, taken email or not: each costs a hash, and a taken email tells
      // that an account exists.
      const giveBack = await reserveTry(c, [[throttles.signup, clientAddress(c, { trustProxy })]]);
      const teacher: Teacher = {
        id: randomUUID(),
        name,
        email: normaliseEmail(email),
        createdAt: now().toISOString(),
      };
      const passwordHash = await hashInTurn(c, giveBack, () =>
        hashPassword(password, passwordCost),
      );
      if (!(await insertTeacher(db, { ...teacher, passwordHash }))) {
        throw new ApiError(
          409,
          'email-taken',
          'An account with this email already exists: log in instead.',
        );
      }
      await sessions.start(c, teacher.id);
      await devices.issue(c, teacher.id);
      return c.json(teacher, 201);
    })
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid('json');
      const account = normaliseEmail(email);
      const address = clientAddress(c, { trustProxy });
      const found = await findTeacherByEmail(db, email);
      const device = found ? await devices.verify(c, found.id) : undefined;
      // A browser that logged in to this account before spends its own budget (OWASP's device
      // cookies); any other try counts against the account and the address.
      const budgets: Budget[] = device
        ? [[throttles.device, device]]
        : [
            [throttles.account, account],
            [throttles.address, address],
          ];
      const giveBack = await reserveTry(c, budgets);
      const matches = await hashInTurn(c, giveBack, async () =>
        verifyPassword(password, found?.passwordHash ?? (await decoyHash())),
      );
      if (!found || !matches) {
        throw new ApiError(401, 'invalid-credentials', 'The email or the password is not right.');
      }
      if (device) await throttles.device.recordSuccess(device);
      else {
        await throttles.account.recordSuccess(account);
        await throttles.address.release(address);
      }
      await sessions.start(c, found.id);
      await devices.issue(c, found.id);
      return c.json(
        { id: found.id, name: found.name, email: found.email, createdAt: found.createdAt },
        200,
      );
    })
    .openapi(logoutRoute, async (c) => {
      await sessions.end(c);
      return c.body(null, 204);
    })
    .openapi(logoutAllRoute, async (c) => {
      await sessions.endEverywhere(c, c.var.teacher.id);
      return c.body(null, 204);
    })
    .openapi(meRoute, (c) => {
      return c.json(c.var.teacher, 200);
    });
}

/** A wait as people say it: "30 seconds", "1 minute", "15 minutes". */
function formatWait(seconds: number): string {
  if (seconds < 60) return formatCount(seconds, 'second');
  return formatCount(Math.ceil(seconds / 60), 'minute');
}
