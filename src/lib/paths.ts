/**
 * Every route of the app in one table. Components link with `getHref.*` so no URL is built by hand;
 * the router reads the patterns in `paths`. It lives in lib, not app, because features link to
 * each other's pages and may import lib but never app.
 */
export const paths = {
  library: '/',
  reader: '/articles/:articleId',
  quiz: '/attempts/:attemptId',
  review: '/attempts/:attemptId/review',
  joinForm: '/join',
  join: '/join/:code',
  joinAsStudent: '/join/:code/:personalCode',
  teacherSignup: '/teacher/signup',
  teacherLogin: '/teacher/login',
  teacherDashboard: '/teacher',
  newAssignment: '/teacher/assignments/new',
  assignment: '/teacher/assignments/:assignmentId',
  editAssignment: '/teacher/assignments/:assignmentId/edit',
  projectAssignment: '/teacher/assignments/:assignmentId/project',
  assignmentStatistics: '/teacher/assignments/:assignmentId/statistics',
  assignmentRoster: '/teacher/assignments/:assignmentId/roster',
  assignmentAttempt: '/teacher/assignments/:assignmentId/attempts/:attemptId',
  printStudentCopy: '/teacher/assignments/:assignmentId/print/student-copy',
  printAnswerKey: '/teacher/assignments/:assignmentId/print/answer-key',
  newArticle: '/teacher/articles/new',
  editArticle: '/teacher/articles/:articleId',
  editBank: '/teacher/banks/:bankId',
  teacherImport: '/teacher/import',
} as const;

const segment = encodeURIComponent;

export const getHref = {
  library: () => paths.library,
  reader: (articleId: string) => `/articles/${segment(articleId)}`,
  quiz: (attemptId: string) => `/attempts/${segment(attemptId)}`,
  review: (attemptId: string) => `/attempts/${segment(attemptId)}/review`,
  joinForm: () => paths.joinForm,
  join: (code: string) => `/join/${segment(code)}`,
  /** A class-list student's personal join link. */
  joinAsStudent: (code: string, personalCode: string) =>
    `/join/${segment(code)}/${segment(personalCode)}`,
  /** `next`: the teacher page to return to after signing up or logging in. */
  teacherSignup: (next?: string) => withNext(paths.teacherSignup, next),
  teacherLogin: (next?: string) => withNext(paths.teacherLogin, next),
  teacherDashboard: () => paths.teacherDashboard,
  /** `bankId`: the quiz to start the form with, such as a bank the teacher has just published. */
  newAssignment: (bankId?: string) =>
    bankId === undefined
      ? paths.newAssignment
      : `${paths.newAssignment}?${new URLSearchParams({ bank: bankId }).toString()}`,
  assignment: (assignmentId: string) => `/teacher/assignments/${segment(assignmentId)}`,
  editAssignment: (assignmentId: string) => `/teacher/assignments/${segment(assignmentId)}/edit`,
  projectAssignment: (assignmentId: string) =>
    `/teacher/assignments/${segment(assignmentId)}/project`,
  assignmentStatistics: (assignmentId: string) =>
    `/teacher/assignments/${segment(assignmentId)}/statistics`,
  assignmentRoster: (assignmentId: string) =>
    `/teacher/assignments/${segment(assignmentId)}/roster`,
  assignmentAttempt: (assignmentId: string, attemptId: string) =>
    `/teacher/assignments/${segment(assignmentId)}/attempts/${segment(attemptId)}`,
  printStudentCopy: (assignmentId: string) =>
    `/teacher/assignments/${segment(assignmentId)}/print/student-copy`,
  printAnswerKey: (assignmentId: string) =>
    `/teacher/assignments/${segment(assignmentId)}/print/answer-key`,
  newArticle: () => paths.newArticle,
  editArticle: (articleId: string) => `/teacher/articles/${segment(articleId)}`,
  editBank: (bankId: string) => `/teacher/banks/${segment(bankId)}`,
  /** Importing a Readproof zip or file, or a GIFT, Moodle XML or QTI 3.0 file. */
  teacherImport: () => paths.teacherImport,
};

function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?${new URLSearchParams({ next }).toString()}` : path;
}
