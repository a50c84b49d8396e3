import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { LoginThrottle } from '../auth/login-throttle';
import { hashPassword, verifyPassword, type ScryptCost } from '../auth/password-hash';
import { clientAddress, type ProxyTrust } from '../auth/request-origin';
import type { TeacherSessions } from '../auth/session';
import { createRouter, jsonBody } from '../create-router';
import type { AppDatabase } from '../db/database';
import { findTeacherByEmail, insertTeacher, normaliseEmail, type Teacher } from '../db/teachers';
import { ApiError, errorResponse } from '../errors';
import { createConcurrencyLimit } from '../limit-concurrency';
import { cookieAuth, sameOriginRefused } from '../teacher-openapi';

export const MIN_PASSWORD_LENGTH = 10;

/** Two hashes at once keep both cores busy without queueing memory for more. */
const MAX_CONCURRENT_HASHES = 2;

export interface TeacherAuthOptions extends ProxyTrust {
  db: AppDatabase;
  sessions: TeacherSessions;
  passwordCost: ScryptCost;
  /** Failed logins per email. */
  accountThrottle: LoginThrottle;
  /** Failed logins, and sign-ups for a taken email, per client address. */
  addressThrottle: LoginThrottle;
  now: () => Date;
}

export const teacherSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    createdAt: z.string(),
  })
  .openapi('Teacher');

const emailSchema = z.string().trim().max(254).pipe(z.email('Type a whole email address.'));

const signupRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'Type your name.').max(100),
    email: emailSchema,
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(1000),
  })
  .openapi('SignupRequest');

const loginRequestSchema = z
  .object({
    // Not checked as an email: a login answers the same for anything that is not an account.
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(1000),
  })
  .openapi('LoginRequest');

const throttled = {
  ...errorResponse(
    '`too-many-attempts`: too many failures from this account or address; wait `Retry-After` seconds.',
  ),
  headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
} as const;

const teacherResponse = (description: string) =>
  ({ description, content: { 'application/json': { schema: teacherSchema } } }) as const;

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
    400: errorResponse('A field is missing or invalid (password under 10 characters, ...).'),
    403: sameOriginRefused,
    409: errorResponse('`email-taken`: an account with this email exists; log in instead.'),
    429: throttled,
  },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['teacher accounts'],
  summary: 'Signs a teacher in',
  request: { body: jsonBody(loginRequestSchema) },
  responses: {
    200: teacherResponse('Signed in (`Set-Cookie: readproof_session=...`).'),
    400: errorResponse('The body is not `{ "email", "password" }`.'),
    401: errorResponse(
      '`invalid-credentials`: the email and password do not match an account (never says which).',
    ),
    403: sameOriginRefused,
    429: throttled,
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
  const { db, sessions, passwordCost, accountThrottle, addressThrottle, now, trustProxy } = options;
  const hashing = createConcurrencyLimit(MAX_CONCURRENT_HASHES);
  let decoyHash: Promise<string> | undefined;

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

  /** Refuses with 429 when the account or the address must still wait; checked before any hashing. */
  function refuseIfThrottled(c: Context, keys: { account?: string; address: string }): void {
    const wait = Math.max(
      keys.account === undefined ? 0 : accountThrottle.retryAfterSeconds(keys.account),
      addressThrottle.retryAfterSeconds(keys.address),
    );
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(
        429,
        'too-many-attempts',
        `Too many failed attempts. Try again in ${formatWait(wait)}.`,
        { retryAfterSeconds: wait },
      );
    }
  }

  return createRouter()
    .openapi(signupRoute, async (c) => {
      const { name, email, password } = c.req.valid('json');
      const address = clientAddress(c, { trustProxy });
      refuseIfThrottled(c, { address });
      const teacher: Teacher = {
        id: randomUUID(),
        name,
        email: normaliseEmail(email),
        createdAt: now().toISOString(),
      };
      const passwordHash = await hashing(() => hashPassword(password, passwordCost));
      if (!(await insertTeacher(db, { ...teacher, passwordHash }))) {
        // Sign-up has to say an email is taken; counting it as a failure slows anyone probing emails.
        addressThrottle.recordFailure(address);
        throw new ApiError(
          409,
          'email-taken',
          'An account with this email already exists: log in instead.',
        );
      }
      await sessions.start(c, teacher.id);
      return c.json(teacher, 201);
    })
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid('json');
      const keys = { account: normaliseEmail(email), address: clientAddress(c, { trustProxy }) };
      refuseIfThrottled(c, keys);
      const found = await findTeacherByEmail(db, email);
      // An unknown email is checked against a decoy hash so it takes as long as a wrong password.
      decoyHash ??= hashing(() => hashPassword('decoy password for unknown emails', passwordCost));
      const storedHash = found?.passwordHash ?? (await decoyHash);
      const matches = await hashing(() => verifyPassword(password, storedHash));
      if (!found || !matches) {
        accountThrottle.recordFailure(keys.account);
        addressThrottle.recordFailure(keys.address);
        throw new ApiError(401, 'invalid-credentials', 'The email or the password is not right.');
      }
      accountThrottle.recordSuccess(keys.account);
      await sessions.start(c, found.id);
      return c.json(
        { id: found.id, name: found.name, email: found.email, createdAt: found.createdAt },
        200,
      );
    })
    .openapi(logoutRoute, async (c) => {
      await sessions.end(c);
      return c.body(null, 204);
    })
    .openapi(meRoute, (c) => {
      return c.json(c.var.teacher, 200);
    });
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
