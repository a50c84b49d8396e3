import type { ComponentType } from 'react';

type Load = () => Promise<ComponentType>;

/**
 * How to fetch each of the teacher's pages, each a chunk of its own. This table is itself fetched
 * only when a teacher page is opened (app-routes.tsx), so the list of those chunks and their
 * preloads is not in what a student downloads.
 */
export const teacherPageLoaders = {
  Area: async () => (await import('../features/teacher/teacher-area')).TeacherArea,
  Signup: async () => (await import('../features/teacher/signup-page')).SignupPage,
  Login: async () => (await import('../features/teacher/login-page')).LoginPage,
  Dashboard: async () => (await import('../features/teacher/dashboard-page')).DashboardPage,
  NewAssignment: async () =>
    (await import('../features/teacher/new-assignment-page')).NewAssignmentPage,
  Assignment: async () => (await import('../features/teacher/assignment-page')).AssignmentPage,
  EditAssignment: async () =>
    (await import('../features/teacher/edit-assignment-page')).EditAssignmentPage,
  Project: async () => (await import('../features/teacher/project-page')).ProjectPage,
  Statistics: async () => (await import('../features/teacher/statistics-page')).StatisticsPage,
  Roster: async () => (await import('../features/teacher/roster-page')).RosterPage,
  Attempt: async () => (await import('../features/teacher/attempt-page')).AttemptPage,
  StudentCopy: async () =>
    (await import('../features/teacher/print-student-copy-page')).PrintStudentCopyPage,
  AnswerKey: async () =>
    (await import('../features/teacher/print-answer-key-page')).PrintAnswerKeyPage,
} satisfies Record<string, Load>;

export type TeacherPageName = keyof typeof teacherPageLoaders;
