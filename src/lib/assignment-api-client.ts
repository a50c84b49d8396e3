import { hc, type InferRequestType } from 'hono/client';
// A type only: the browser bundle never contains server code, it borrows the routes' types.
import type { AppType } from '../server/app';
import { send } from './api-client';

/**
 * The API of assignments: the teacher's routes (behind the session cookie, which the browser sends
 * with every same-origin request) and the join routes students use. Only the lazily loaded teacher
 * and join pages import it, so it stays out of the quiz's first download.
 */
export function createAssignmentApiClient(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  const { api } = hc<AppType>(
    typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
    { fetch: fetchImpl },
  );
  const { teacher } = api;
  const assignment = teacher.assignments[':assignmentId'];
  const param = (assignmentId: string) => ({ param: { assignmentId } });

  return {
    signUp: (json: { name: string; email: string; password: string }) =>
      send(() => teacher.signup.$post({ json })),
    logIn: (json: { email: string; password: string }) => send(() => teacher.login.$post({ json })),
    logOut: () => send(() => teacher.logout.$post()),
    getTeacher: () => send(() => teacher.me.$get()),

    getBank: (bankId: string) => send(() => api.banks[':bankId'].$get({ param: { bankId } })),
    listAssignments: () => send(() => teacher.assignments.$get()),
    createAssignment: (json: NewAssignment) => send(() => teacher.assignments.$post({ json })),
    getAssignment: (assignmentId: string) => send(() => assignment.$get(param(assignmentId))),
    closeAssignment: (assignmentId: string) =>
      send(() => assignment.close.$post(param(assignmentId))),
    reopenAssignment: (assignmentId: string) =>
      send(() => assignment.reopen.$post(param(assignmentId))),
    getGradebook: (assignmentId: string) =>
      send(() => assignment.gradebook.$get(param(assignmentId))),
    getAttempt: (assignmentId: string, attemptId: string) =>
      send(() => assignment.attempts[':attemptId'].$get({ param: { assignmentId, attemptId } })),
    getStatistics: (assignmentId: string, include: 'all' | 'counted') =>
      send(() => assignment.statistics.$get({ ...param(assignmentId), query: { include } })),
    getStudentCopy: (assignmentId: string) =>
      send(() => assignment.print['student-copy'].$get(param(assignmentId))),
    getAnswerKey: (assignmentId: string) =>
      send(() => assignment.print['answer-key'].$get(param(assignmentId))),
    /** Addresses the browser fetches itself: an image and two downloads. */
    files: (assignmentId: string) => ({
      qrCode: assignment['qr.svg'].$path(param(assignmentId)),
      summaryCsv: assignment.export['summary.csv'].$path(param(assignmentId)),
      responsesCsv: assignment.export['responses.csv'].$path(param(assignmentId)),
    }),

    findAssignmentByCode: (code: string) => send(() => api.join[':code'].$get({ param: { code } })),
    joinAssignment: (code: string, name: string) =>
      send(() => api.join[':code'].$post({ param: { code }, json: { name } })),
  };
}

export type AssignmentApiClient = ReturnType<typeof createAssignmentApiClient>;

export const assignmentApi = createAssignmentApiClient();

type Result<K extends keyof AssignmentApiClient> = Awaited<
  ReturnType<
    AssignmentApiClient[K] extends (...args: never[]) => unknown ? AssignmentApiClient[K] : never
  >
>;

type Api = ReturnType<typeof hc<AppType>>['api'];

/** What `POST /api/teacher/assignments` takes. */
export type NewAssignment = InferRequestType<Api['teacher']['assignments']['$post']>['json'];

export type Teacher = Result<'getTeacher'>;
export type Assignment = Result<'getAssignment'>;
export type Gradebook = Result<'getGradebook'>;
export type GradebookAttempt = Gradebook['attempts'][number];
export type TeacherAttempt = Result<'getAttempt'>;
export type AssignmentStatistics = Result<'getStatistics'>;
export type StudentCopy = Result<'getStudentCopy'>;
export type AnswerKey = Result<'getAnswerKey'>;
export type PublicBank = Result<'getBank'>;
export type StudentAssignment = Result<'findAssignmentByCode'>;
export type JoinedAttempt = Result<'joinAssignment'>;
