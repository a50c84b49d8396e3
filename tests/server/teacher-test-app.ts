import type { AppOptions } from '../../src/server/app';
import type { PublicQuestion } from '../../src/domain/public-question';
import { createTestApp, type TestApp } from './test-app';

/** The origin `app.request()` addresses; teacher requests send it as `Origin`, as browsers do. */
export const ORIGIN = 'http://localhost';

/** scrypt at N=2^10: the same code path as N=2^17 at a thousandth of the cost. */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };

export const PASSWORD = 'correct horse battery';

/** A clock the test moves by hand. */
export interface TestClock {
  now: () => Date;
  set: (instant: Date | string) => void;
  advanceMinutes: (minutes: number) => void;
  advanceSeconds: (seconds: number) => void;
}

export function createClock(start: string): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant);
    },
    advanceMinutes: (minutes) => {
      current = new Date(current.getTime() + minutes * 60_000);
    },
    advanceSeconds: (seconds) => {
      current = new Date(current.getTime() + seconds * 1000);
    },
  };
}

export interface TeacherTestApp extends TestApp {
  clock: TestClock;
}

/** The app over a fresh in-memory database, a hand-moved clock and cheap password hashing. */
export async function createTeacherTestApp(
  options: Partial<AppOptions> = {},
  start = '2026-03-02T09:00:00.000Z',
): Promise<TeacherTestApp> {
  const clock = createClock(start);
  const testApp = await createTestApp({
    now: clock.now,
    passwordCost: TEST_PASSWORD_COST,
    ...options,
  });
  return { ...testApp, clock };
}

interface SendOptions {
  cookie?: string;
  body?: unknown;
  origin?: string | null;
  headers?: Record<string, string>;
}

/** A request as the teacher pages send it: JSON, this site's Origin, and the session cookie. */
export function send(
  { app }: TestApp,
  method: string,
  path: string,
  { cookie, body, origin = ORIGIN, headers = {} }: SendOptions = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(origin === null ? {} : { Origin: origin }),
        ...(cookie === undefined ? {} : { Cookie: cookie }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** The `name=value` of the cookie `name` a response sets, for the `Cookie` header. */
function cookieOf(response: Response, name: string): string {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith(`${name}=`));
  if (!cookie) throw new Error(`No ${name} cookie in the ${response.status} response`);
  return cookie.split(';')[0] ?? '';
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookieOf(response: Response): string {
  return cookieOf(response, 'readproof_session');
}

/** The `name=value` of the device cookie a response sets. */
export function deviceCookieOf(response: Response): string {
  return cookieOf(response, 'readproof_device');
}

let teacherCount = 0;

export interface SignedInTeacher {
  id: string;
  email: string;
  cookie: string;
}

/** Signs a new teacher up through the API and returns their session cookie. */
export async function signUpTeacher(
  testApp: TestApp,
  name = 'Ms Rivera',
): Promise<SignedInTeacher> {
  teacherCount += 1;
  const email = `teacher${teacherCount}@school.example`;
  const response = await send(testApp, 'POST', '/api/teacher/signup', {
    body: { name, email, password: PASSWORD },
  });
  if (response.status !== 201)
    throw new Error(`Sign-up failed: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  return { id, email, cookie: sessionCookieOf(response) };
}

export interface AssignmentBody {
  id: string;
  title: string;
  bankId: string;
  questionIds: string[];
  questionCount: number;
  maxPoints: number;
  joinCode: string;
  joinPath: string;
  joinUrl: string;
  status: string;
  dueAt: string | null;
  opensAt: string;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  reviewPolicy: { when: string; show: string };
  extraTime: Record<string, number>;
  closedAt: string | null;
  attemptCount: number;
  submittedCount: number;
  studentCount: number;
}

/** The first shipped bank's id. */
export function firstBankId({ content }: TestApp): string {
  const first = [...content.banks.values()][0];
  if (!first) throw new Error('No shipped bank');
  return first.bank.id;
}

export async function createAssignment(
  testApp: TestApp,
  teacher: SignedInTeacher,
  settings: Record<string, unknown> = {},
): Promise<AssignmentBody> {
  const response = await send(testApp, 'POST', '/api/teacher/assignments', {
    cookie: teacher.cookie,
    body: { bankId: firstBankId(testApp), title: 'Kursk visit, period 3', ...settings },
  });
  if (response.status !== 201) {
    throw new Error(`Creating the assignment failed: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as AssignmentBody;
}

export interface JoinedAttempt {
  attemptId: string;
  token: string;
  deadline: string | null;
  startedAt: string;
  questions: PublicQuestion[];
  studentName: string | null;
}

export function join(testApp: TestApp, code: string, name: string): Promise<Response> {
  return send(testApp, 'POST', `/api/join/${code}`, { body: { name } });
}

export async function joinAs(testApp: TestApp, code: string, name: string): Promise<JoinedAttempt> {
  const response = await join(testApp, code, name);
  if (response.status !== 201)
    throw new Error(`Joining failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as JoinedAttempt;
}

export function studentRequest(
  { app }: TestApp,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

export function saveAnswer(
  testApp: TestApp,
  attempt: JoinedAttempt,
  questionId: string,
  response: unknown,
): Promise<Response> {
  return studentRequest(
    testApp,
    'PUT',
    `/api/attempts/${attempt.attemptId}/responses/${questionId}`,
    attempt.token,
    { response },
  );
}

export function submit(testApp: TestApp, attempt: JoinedAttempt): Promise<Response> {
  return studentRequest(
    testApp,
    'POST',
    `/api/attempts/${attempt.attemptId}/submit`,
    attempt.token,
  );
}

interface AnswerKeyBody {
  questions: { question: PublicQuestion; correctResponse: unknown }[];
}

/** The right answer to each question of an assignment, from its printed answer key. */
export async function readAnswerKey(
  testApp: TestApp,
  teacher: SignedInTeacher,
  assignmentId: string,
): Promise<Map<string, unknown>> {
  const response = await send(
    testApp,
    'GET',
    `/api/teacher/assignments/${assignmentId}/print/answer-key`,
    { cookie: teacher.cookie },
  );
  const key = (await response.json()) as AnswerKeyBody;
  return new Map(key.questions.map((item) => [item.question.id, item.correctResponse]));
}

/**
 * Every teacher route over one assignment as `[method, path]`, the attempt routes at `attemptId`;
 * deleting the assignment comes last.
 */
export function assignmentRoutes(assignmentId: string, attemptId: string): [string, string][] {
  const base = `/api/teacher/assignments/${assignmentId}`;
  return [
    ['GET', base],
    ['PATCH', base],
    ['POST', `${base}/close`],
    ['POST', `${base}/reopen`],
    ['GET', `${base}/qr.svg`],
    ['GET', `${base}/gradebook`],
    ['GET', `${base}/statistics`],
    ['GET', `${base}/attempts/${attemptId}`],
    ['DELETE', `${base}/attempts/${attemptId}`],
    ['GET', `${base}/export/summary.csv`],
    ['GET', `${base}/export/responses.csv`],
    ['GET', `${base}/print/student-copy`],
    ['GET', `${base}/print/answer-key`],
    ['POST', `${base}/duplicate`],
    ['GET', `${base}/removed-attempts`],
    ['DELETE', base],
  ];
}

/** A fresh app with a signed-up teacher and their new assignment (`settings` over the defaults). */
export async function createTeacherWithAssignment(
  settings: Record<string, unknown> = {},
  options: Partial<AppOptions> = {},
): Promise<{ testApp: TeacherTestApp; teacher: SignedInTeacher; assignment: AssignmentBody }> {
  const testApp = await createTeacherTestApp(options);
  const teacher = await signUpTeacher(testApp);
  const assignment = await createAssignment(testApp, teacher, settings);
  return { testApp, teacher, assignment };
}
