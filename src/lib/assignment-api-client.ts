import { hc, type InferRequestType } from 'hono/client';
// A type only: the browser bundle never contains server code, it borrows the routes' types.
import type { AppType } from '../server/app';
import { NetworkError, send } from './api-client';

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
    logOutEverywhere: () => send(() => teacher['logout-all'].$post()),
    getTeacher: () => send(() => teacher.me.$get()),

    getBank: (bankId: string) => send(() => api.banks[':bankId'].$get({ param: { bankId } })),
    listAssignments: () => send(() => teacher.assignments.$get()),
    createAssignment: (json: NewAssignment) => send(() => teacher.assignments.$post({ json })),
    getAssignment: (assignmentId: string) => send(() => assignment.$get(param(assignmentId))),
    updateAssignment: (assignmentId: string, json: AssignmentChanges) =>
      send(() => assignment.$patch({ ...param(assignmentId), json })),
    duplicateAssignment: (assignmentId: string) =>
      send(() => assignment.duplicate.$post(param(assignmentId))),
    deleteAssignment: (assignmentId: string) => send(() => assignment.$delete(param(assignmentId))),
    /** Removes a stray attempt; the server keeps who removed it and when in an audit trail. */
    removeAttempt: (assignmentId: string, attemptId: string) =>
      send(() => assignment.attempts[':attemptId'].$delete({ param: { assignmentId, attemptId } })),
    listRemovedAttempts: (assignmentId: string) =>
      send(() => assignment['removed-attempts'].$get(param(assignmentId))),
    closeAssignment: (assignmentId: string) =>
      send(() => assignment.close.$post(param(assignmentId))),
    reopenAssignment: (assignmentId: string) =>
      send(() => assignment.reopen.$post(param(assignmentId))),
    getGradebook: (assignmentId: string) =>
      send(() => assignment.gradebook.$get(param(assignmentId))),
    /**
     * The gradebook with its ETag, or null when it has not changed since the copy whose ETag is
     * `etag` (the server answers 304 without a body).
     */
    pollGradebook: async (assignmentId: string, etag: string | null) => {
      let response;
      try {
        response = await assignment.gradebook.$get(
          param(assignmentId),
          etag === null ? {} : { headers: { 'If-None-Match': etag } },
        );
      } catch {
        throw new NetworkError();
      }
      if (response.status === 304) return null;
      const answered = response;
      const gradebook = await send(() => Promise.resolve(answered));
      return { gradebook, etag: answered.headers.get('ETag') };
    },
    getAttempt: (assignmentId: string, attemptId: string) =>
      send(() => assignment.attempts[':attemptId'].$get({ param: { assignmentId, attemptId } })),
    getStatistics: (assignmentId: string, include: 'all' | 'counted') =>
      send(() => assignment.statistics.$get({ ...param(assignmentId), query: { include } })),
    /** The regrade history: every accepted typed answer, live or undone, most recent first. */
    listAcceptedAnswers: (assignmentId: string) =>
      send(() => assignment['accepted-answers'].$get(param(assignmentId))),
    /** Accepts a typed answer for every attempt of the assignment; the server regrades them. */
    acceptAnswer: (
      assignmentId: string,
      json: { questionId: string; gapId: string | null; answer: string },
    ) => send(() => assignment['accepted-answers'].$post({ ...param(assignmentId), json })),
    /** Undoes an acceptance and regrades; the history keeps it, with who undid it and when. */
    revokeAcceptedAnswer: (assignmentId: string, acceptanceId: string) =>
      send(() =>
        assignment['accepted-answers'][':acceptanceId'].revoke.$post({
          param: { assignmentId, acceptanceId },
        }),
      ),
    getStudentCopy: (assignmentId: string) =>
      send(() => assignment.print['student-copy'].$get(param(assignmentId))),
    getAnswerKey: (assignmentId: string) =>
      send(() => assignment.print['answer-key'].$get(param(assignmentId))),
    /** Addresses the browser fetches itself: an image and two downloads in local time. */
    files: (assignmentId: string, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone) => ({
      qrCode: assignment['qr.svg'].$path(param(assignmentId)),
      summaryCsv: assignment.export['summary.csv'].$path({
        ...param(assignmentId),
        query: { timeZone },
      }),
      responsesCsv: assignment.export['responses.csv'].$path({
        ...param(assignmentId),
        query: { timeZone },
      }),
    }),

    findAssignmentByCode: (code: string) => send(() => api.join[':code'].$get({ param: { code } })),
    joinAssignment: (code: string, name: string) =>
      send(() => api.join[':code'].$post({ param: { code }, json: { name } })),
    /** Starts, or reopens when unfinished, the attempt of the class-list student with this code. */
    joinWithPersonalCode: (code: string, personalCode: string) =>
      send(() => api.join[':code'].$post({ param: { code }, json: { personalCode } })),
    /** A class-list student's own attempts, with their tokens, to continue or review anywhere. */
    findStudentRecord: (code: string, personalCode: string) =>
      send(() => api.join[':code'].student.$post({ param: { code }, json: { personalCode } })),
    getRoster: (assignmentId: string) => send(() => assignment.roster.$get(param(assignmentId))),
    saveRoster: (assignmentId: string, json: { classList: string; requireRoster: boolean }) =>
      send(() => assignment.roster.$put({ ...param(assignmentId), json })),
    deleteRoster: (assignmentId: string) =>
      send(() => assignment.roster.$delete(param(assignmentId))),
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
/** What `PATCH /api/teacher/assignments/:assignmentId` takes: any of the settings. */
export type AssignmentChanges = InferRequestType<
  Api['teacher']['assignments'][':assignmentId']['$patch']
>['json'];

export type Teacher = Result<'getTeacher'>;
export type Assignment = Result<'getAssignment'>;
export type Gradebook = Result<'getGradebook'>;
export type GradebookAttempt = Gradebook['attempts'][number];
export type TeacherAttempt = Result<'getAttempt'>;
export type AssignmentStatistics = Result<'getStatistics'>;
export type StudentCopy = Result<'getStudentCopy'>;
export type AnswerKey = Result<'getAnswerKey'>;
export type AttemptRemoval = Result<'listRemovedAttempts'>[number];
export type AcceptedAnswer = Result<'listAcceptedAnswers'>[number];
export type TypedAnswerTally = AssignmentStatistics['typedAnswers'][number];
export type PublicBank = Result<'getBank'>;
export type StudentAssignment = Result<'findAssignmentByCode'>;
export type JoinedAttempt = Result<'joinAssignment'>;
export type StudentRecord = Result<'findStudentRecord'>;
export type Roster = Result<'getRoster'>;
export type RosterStudent = Roster['students'][number];
