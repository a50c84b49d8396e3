import { randomInt } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { LoadedContent } from '../content/load-content';
import { OWASP_SCRYPT_COST, type ScryptCost } from './teachers/password-hash';
import { requireSameOrigin } from './http/same-origin';
import { createTeacherSessions } from './teachers/session';
import { createContentStore, type ContentStore } from './content/content-store';
import type { AppDatabase } from './db/database';
import { handleError, handleNotFound, validationHook } from './http/errors';
import { createArticleRoutes } from './content/article-routes';
import { createAuthoredArticleRoutes } from './authoring/authored-article-routes';
import { createAuthoredBankRoutes } from './authoring/authored-bank-routes';
import { createAuthoredFileRoutes } from './authoring/authored-file-routes';
import { createPreviewRoutes } from './authoring/preview-routes';
import { isAuthoringPath, limitAuthoringBodySize } from './authoring/authoring-body-limit';
import { createInteropRoutes } from './authoring/interop-routes';
import { createAssignmentResultRoutes } from './results/result-routes';
import { createAssignmentRoutes } from './assignments/assignment-routes';
import { createPrintRoutes } from './assignments/print-routes';
import { createAttemptRoutes } from './attempts/attempt-routes';
import { createBankRoutes } from './content/bank-routes';
import { createHealthRoutes } from './http/health-routes';
import { createJoinRoutes } from './assignments/join-routes';
import { createTeacherAuthRoutes } from './teachers/teacher-auth-routes';
import {
  DEFAULT_RATE_LIMITS,
  RateLimiter,
  limitAttemptStarts,
  limitCodeMisses,
  type RateLimitRules,
} from './http/rate-limit';
import { createThrottleStore } from './http/throttle-store';
import { refuseNulCharacters } from './http/refuse-nul-characters';
import { createRosterRoutes } from './rosters/roster-routes';
import { createSecurityHeaders, keepApiResponsesOutOfCaches, limitBodySize } from './http/security';
import { serveClient } from './http/serve-client';
import { cookieAuthScheme } from './teachers/teacher-openapi';

export interface AppOptions {
  db: AppDatabase;
  content: LoadedContent;
  /** The banks attempts use; main.ts shares one with the overdue sweep. Default: a new one. */
  store?: ContentStore;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** The built React app (dist/client). Without it the server is API-only. */
  clientDir?: string;
  /** scrypt's cost for new password hashes; tests pass a low one. Default N=2^17, r=8, p=1. */
  passwordCost?: ScryptCost;
  /**
   * Believe `X-Forwarded-Proto`, `-Host` and `-For` (for Secure cookies, the CSRF origin check
   * and login throttling per address). Only behind a reverse proxy that sets them.
   */
  trustProxy?: boolean;
  /** The public origin for join links and QR codes, e.g. `https://quiz.school.example`. */
  publicOrigin?: string;
  /** Other origins allowed to send state-changing teacher requests. */
  allowedOrigins?: string[];
  /** Uniform integers in [0, max) for join codes. Default: `crypto.randomInt`. */
  randomIndex?: (exclusiveMax: number) => number;
  /** Per-address limits on starting attempts and on wrong codes. Default: DEFAULT_RATE_LIMITS. */
  rateLimits?: RateLimitRules;
  /**
   * The key that signs device cookies (main.ts passes `SESSION_SECRET`). Default: one generated
   * once and kept in the database.
   */
  sessionSecret?: string;
}

/** The Readproof HTTP app: the JSON API under /api and, given `clientDir`, the React app. */
export function createApp({
  db,
  content,
  store = createContentStore(db, content),
  now = () => new Date(),
  clientDir,
  passwordCost = OWASP_SCRYPT_COST,
  trustProxy = false,
  publicOrigin,
  allowedOrigins = [],
  randomIndex = randomInt,
  rateLimits = DEFAULT_RATE_LIMITS,
  sessionSecret,
}: AppOptions) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.use('*', createSecurityHeaders({ trustProxy }));
  // Articles, files and zips are larger than any answer: the authoring routes have a limit of
  // their own.
  app.use('/api/*', (c, next) =>
    isAuthoringPath(c.req.path) ? limitAuthoringBodySize(c, next) : limitBodySize(c, next),
  );
  app.use('/api/*', refuseNulCharacters);
  // CSRF: the teacher's cookie must not let another site act for them; joining is kept to this
  // site's pages as well, so no other page can start attempts in a teacher's assignment.
  const sameOrigin = requireSameOrigin({ trustProxy, allowedOrigins });
  app.use('/api/teacher/*', sameOrigin);
  app.use('/api/join/*', sameOrigin);
  // Sessions, tokens, answers, reviews, students' names and scores stay out of every cache.
  app.use('/api/*', keepApiResponsesOutOfCaches);

  const sessions = createTeacherSessions({ db, now, trustProxy });
  const clock = () => now().getTime();
  // Starting attempts fills the disk and wrong codes are guesses: both are limited per address.
  // The counts of these limits and of the login throttles: in this process's memory on SQLite
  // (one process by design), in the database on PostgreSQL, so that several instances on one
  // database share each allowance instead of multiplying it.
  const throttleStore = createThrottleStore(db);
  const startLimiter = new RateLimiter(
    rateLimits.attemptStarts,
    throttleStore,
    'attempt-starts',
    clock,
  );
  const missLimiter = new RateLimiter(rateLimits.codeMisses, throttleStore, 'code-misses', clock);
  app.use('/api/attempts', limitAttemptStarts(startLimiter, { trustProxy }));
  app.use('/api/join/:code', limitAttemptStarts(startLimiter, { trustProxy }));
  app.use('/api/join/*', limitCodeMisses(missLimiter, { trustProxy }));
  const teacherOptions = { db, store, sessions, now, trustProxy, publicOrigin };
  const authoringOptions = { db, content, sessions, now };

  const routes = app
    .route('/api/health', createHealthRoutes({ db, now }))
    .route('/api/articles', createArticleRoutes(content))
    .route('/api/banks', createBankRoutes(content))
    .route('/api/attempts', createAttemptRoutes({ db, store, now }))
    .route(
      '/api/teacher',
      createTeacherAuthRoutes({
        db,
        sessions,
        passwordCost,
        sessionSecret,
        now,
        trustProxy,
        throttleStore,
      }),
    )
    .route('/api/teacher/assignments', createAssignmentRoutes({ ...teacherOptions, randomIndex }))
    .route('/api/teacher/assignments', createPrintRoutes(teacherOptions))
    .route('/api/teacher/assignments', createAssignmentResultRoutes(teacherOptions))
    .route('/api/teacher/assignments', createRosterRoutes({ ...teacherOptions, randomIndex }))
    .route('/api/join', createJoinRoutes({ db, store, now }))
    .route('/api/teacher/articles', createAuthoredArticleRoutes(authoringOptions))
    .route('/api/teacher/articles', createAuthoredFileRoutes(authoringOptions))
    .route('/api/teacher/banks', createAuthoredBankRoutes(authoringOptions))
    .route('/api/teacher/banks', createPreviewRoutes({ ...authoringOptions, store }))
    .route('/api/teacher/banks', createInteropRoutes(authoringOptions));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'The `token` returned when the attempt was created.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', cookieAuthScheme);
  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Readproof API',
      version: '1.0.0',
      description:
        'Articles, quizzes, attempts, and the teacher\'s accounts, assignments and results. Errors are `{ "error": { "code", "message", "details" } }`. State-changing requests under /api/teacher and /api/join must carry this site\'s `Origin` (browsers send it) or `Sec-Fetch-Site: same-origin`.',
    },
  });
  if (clientDir !== undefined) app.get('*', serveClient(clientDir, { content }));
  app.notFound(handleNotFound);
  app.onError(handleError);
  return routes;
}

/** The API's type, for the browser's typed client (`hc<AppType>`); import it as a type only. */
export type AppType = ReturnType<typeof createApp>;
