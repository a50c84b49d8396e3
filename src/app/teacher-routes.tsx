import { Route, Routes } from 'react-router';
import { paths } from '../lib/paths';
import { lazyPage, onDemand } from './on-demand';

/**
 * The teacher's pages and their routes. This module is a chunk of its own, mounted at
 * `/teacher/*` (app-routes.tsx), so neither the route table nor the list of page chunks is in
 * what a student downloads; each page is again a chunk of its own.
 */
const Area = lazyPage(() => import('../features/teacher/teacher-area'), 'TeacherArea');
const Signup = lazyPage(() => import('../features/teacher/signup-page'), 'SignupPage');
const Login = lazyPage(() => import('../features/teacher/login-page'), 'LoginPage');
const Dashboard = lazyPage(() => import('../features/teacher/dashboard-page'), 'DashboardPage');
const NewAssignment = lazyPage(
  () => import('../features/teacher/new-assignment-page'),
  'NewAssignmentPage',
);
const Assignment = lazyPage(() => import('../features/teacher/assignment-page'), 'AssignmentPage');
const EditAssignment = lazyPage(
  () => import('../features/teacher/edit-assignment-page'),
  'EditAssignmentPage',
);
const Project = lazyPage(() => import('../features/teacher/project-page'), 'ProjectPage');
const Statistics = lazyPage(() => import('../features/teacher/statistics-page'), 'StatisticsPage');
const Roster = lazyPage(() => import('../features/teacher/roster-page'), 'RosterPage');
const Attempt = lazyPage(() => import('../features/teacher/attempt-page'), 'AttemptPage');
const StudentCopy = lazyPage(
  () => import('../features/teacher/print-student-copy-page'),
  'PrintStudentCopyPage',
);
const AnswerKey = lazyPage(
  () => import('../features/teacher/print-answer-key-page'),
  'PrintAnswerKeyPage',
);
const NewArticle = lazyPage(
  () => import('../features/authoring/pages/new-article-page'),
  'NewArticlePage',
);
const EditArticle = lazyPage(
  () => import('../features/authoring/pages/article-editor-page'),
  'ArticleEditorPage',
);
const Import = lazyPage(() => import('../features/authoring/pages/import-page'), 'ImportPage');
const NotFound = lazyPage(() => import('./not-found-page'), 'NotFoundPage');
const EditBank = lazyPage(
  () => import('../features/authoring/pages/bank-editor-page'),
  'BankEditorPage',
);

/**
 * A teacher path as a route below `/teacher`: routes rendered under a `/*` route match the rest
 * of the URL, so `paths.assignment` becomes `assignments/:assignmentId`.
 */
function belowTeacher(path: string): string {
  const root = `${paths.teacherDashboard}/`;
  if (!path.startsWith(root)) throw new Error(`${path} is not a teacher's path`);
  return path.slice(root.length);
}

export function TeacherRoutes() {
  return (
    <Routes>
      <Route path={belowTeacher(paths.teacherSignup)} element={onDemand(<Signup />)} />
      <Route path={belowTeacher(paths.teacherLogin)} element={onDemand(<Login />)} />
      {/* Every page below needs a signed-in teacher; the area checks the session first. */}
      <Route element={onDemand(<Area />)}>
        <Route index element={onDemand(<Dashboard />)} />
        {(
          [
            [paths.newAssignment, <NewAssignment />],
            [paths.assignment, <Assignment />],
            [paths.editAssignment, <EditAssignment />],
            [paths.projectAssignment, <Project />],
            [paths.assignmentStatistics, <Statistics />],
            [paths.assignmentRoster, <Roster />],
            [paths.assignmentAttempt, <Attempt />],
            [paths.printStudentCopy, <StudentCopy />],
            [paths.printAnswerKey, <AnswerKey />],
            [paths.newArticle, <NewArticle />],
            [paths.editArticle, <EditArticle />],
            [paths.editBank, <EditBank />],
            [paths.teacherImport, <Import />],
          ] as const
        ).map(([path, page]) => (
          <Route key={path} path={belowTeacher(path)} element={onDemand(page)} />
        ))}
      </Route>
      <Route path="*" element={onDemand(<NotFound />)} />
    </Routes>
  );
}
