import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { METHODS, expectHandled, mostly, segment } from './fuzz-requests';
import {
  ORIGIN,
  PASSWORD,
  createAssignment,
  createTeacherTestApp,
  firstBankId,
  joinAs,
  signUpTeacher,
  type AssignmentBody,
  type JoinedAttempt,
  type SignedInTeacher,
  type TeacherTestApp,
} from './teacher-test-app';

let testApp: TeacherTestApp;
let teacher: SignedInTeacher;
let assignments: AssignmentBody[];
let students: JoinedAttempt[];

beforeAll(async () => {
  testApp = await createTeacherTestApp();
  teacher = await signUpTeacher(testApp);
  assignments = [];
  for (let index = 0; index < 8; index += 1) {
    assignments.push(
      await createAssignment(testApp, teacher, { attemptsAllowed: 1, timeLimitMinutes: 5 }),
    );
  }
  students = [];
  for (const assignment of assignments) {
    students.push(await joinAs(testApp, assignment.joinCode, 'Sam'));
  }
});

const junkId = fc.oneof(
  fc.string(),
  fc.constantFrom('..', '%', '%00', '%2F', '-', ' ', '__proto__', 'constructor', 'o0O0o0'),
  fc.string({ minLength: 100, maxLength: 400 }),
);

const ROUTES: [string, string][] = [
  ['POST', '/api/teacher/signup'],
  ['POST', '/api/teacher/login'],
  ['POST', '/api/teacher/logout'],
  ['GET', '/api/teacher/me'],
  ['GET', '/api/teacher/assignments'],
  ['POST', '/api/teacher/assignments'],
  ['GET', '/api/teacher/assignments/{assignment}'],
  ['PATCH', '/api/teacher/assignments/{assignment}'],
  ['POST', '/api/teacher/assignments/{assignment}/close'],
  ['POST', '/api/teacher/assignments/{assignment}/reopen'],
  ['GET', '/api/teacher/assignments/{assignment}/qr.svg'],
  ['GET', '/api/teacher/assignments/{assignment}/gradebook'],
  ['GET', '/api/teacher/assignments/{assignment}/statistics'],
  ['GET', '/api/teacher/assignments/{assignment}/attempts/{attempt}'],
  ['GET', '/api/teacher/assignments/{assignment}/export/summary.csv'],
  ['GET', '/api/teacher/assignments/{assignment}/export/responses.csv'],
  ['GET', '/api/teacher/assignments/{assignment}/print/student-copy'],
  ['GET', '/api/teacher/assignments/{assignment}/print/answer-key'],
  ['GET', '/api/join/{code}'],
  ['POST', '/api/join/{code}'],
  ['GET', '/api/teacher/{junk}'],
];

/** Settings near what the teacher pages send, to get past the schema and into the checks. */
const settingsArbitrary = () =>
  fc.record(
    {
      bankId: mostly(fc.constant(firstBankId(testApp)), fc.jsonValue()),
      title: mostly(fc.string({ minLength: 1, maxLength: 50 }), fc.jsonValue()),
      questionIds: fc.array(
        fc.oneof(fc.constantFrom(...(assignments[0]?.questionIds ?? [])), fc.string()),
        { maxLength: 6 },
      ),
      opensAt: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.string(),
      ),
      dueAt: fc.oneof(
        fc.constant(null),
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.string(),
      ),
      timeLimitMinutes: fc.oneof(
        fc.constant(null),
        fc.integer({ min: -5, max: 2000 }),
        fc.double(),
      ),
      attemptsAllowed: fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 200 })),
      countedAttempt: fc.constantFrom('highest', 'last', 'first', 'average', 'best'),
      shuffleQuestions: fc.oneof(fc.boolean(), fc.jsonValue()),
      reviewPolicy: fc.record({
        when: fc.constantFrom('immediately', 'after-due', 'never', 'soon'),
        show: fc.constantFrom('score', 'full', 'all'),
      }),
      extraTime: fc.dictionary(
        fc.string(),
        fc.oneof(fc.integer({ min: -10, max: 2000 }), fc.string()),
      ),
    },
    { requiredKeys: ['bankId', 'title'] },
  );

/** Account bodies: real-looking ones, and near misses. */
const accountArbitrary = () =>
  fc.record({
    name: mostly(fc.constantFrom('Ms Rivera', 'A'), fc.string({ maxLength: 120 })),
    email: mostly(
      fc.constantFrom(teacher.email, 'new@school.example', 'NEW@School.example'),
      fc.oneof(fc.emailAddress(), fc.string()),
    ),
    password: mostly(fc.constantFrom(PASSWORD, 'wrong password'), fc.string({ maxLength: 40 })),
  });

/** Join bodies: Sam has used up the one attempt at every assignment; the others have not. */
const joinArbitrary = () =>
  fc.record({
    name: mostly(fc.constantFrom('Sam', 'sam ', 'Ann', 'Bo'), fc.string({ maxLength: 120 })),
  });

/** A body shaped for the route most of the time, and junk the rest. */
const bodyArbitrary = (path: string) => {
  const usual = path.startsWith('/api/join/')
    ? joinArbitrary()
    : /\/(signup|login)$/.test(path)
      ? accountArbitrary()
      : settingsArbitrary();
  return mostly(
    usual.map((body) => JSON.stringify(body)),
    fc.oneof(fc.constant(undefined), fc.string(), fc.json()),
  );
};

describe('any teacher or join request', () => {
  it('never gets a 5xx, and every error has the error shape', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc
          .record({
            route: fc.constantFrom(...ROUTES),
            otherMethod: mostly(fc.constant(null), fc.constantFrom(...METHODS)),
            index: fc.nat(),
            ids: fc.record({
              assignment: mostly(fc.constant(null), junkId),
              attempt: mostly(fc.constant(null), junkId),
              code: mostly(fc.constant(null), junkId),
              junk: junkId,
            }),
            cookie: mostly(
              fc.constant(teacher.cookie),
              fc.oneof(fc.constant(undefined), fc.string()),
            ),
            origin: mostly(fc.constant(ORIGIN), fc.oneof(fc.constant(undefined), fc.string())),
            contentType: mostly(fc.constant('application/json'), fc.string()),
          })
          .chain((request) =>
            bodyArbitrary(request.route[1]).map((body) => ({ ...request, body })),
          ),
        async ({ route, otherMethod, index, ids, cookie, origin, contentType, body }) => {
          const assignment = assignments[index % assignments.length];
          const student = students[index % students.length];
          const values: Record<string, string> = {
            assignment: ids.assignment ?? assignment?.id ?? '',
            attempt: ids.attempt ?? student?.attemptId ?? '',
            code: ids.code ?? assignment?.joinCode ?? '',
            junk: ids.junk,
          };
          const method = otherMethod ?? route[0];
          const path = route[1].replace(/\{(\w+)\}/g, (_, name: string) =>
            segment(values[name] ?? ''),
          );
          const headers = { cookie, origin, 'content-type': contentType };
          statuses.add(await expectHandled(testApp.app, { method, path, headers, body }));
        },
      ),
      { numRuns: 800 },
    );
    expect([...statuses].sort()).toEqual(
      expect.arrayContaining([200, 201, 400, 401, 403, 404, 409]),
    );
  }, 120_000);
});
