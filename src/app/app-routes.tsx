import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../components/load-error';
import { LibraryPage } from '../features/library/library-page';
import { QuizPage } from '../features/quiz/quiz-page';
import { ReaderPage } from '../features/reader/reader-page';
import { paths } from '../lib/paths';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';

/** A page whose code is fetched the first time it is shown (a chunk of its own). */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const page: ComponentType = (await load())[name];
    return { default: page };
  });
}

const onDemand = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

// Pages a student reaches only after a quiz, or rarely, load on demand: the quiz stays small.
const ReviewPage = lazyPage(() => import('../features/review/review-page'), 'ReviewPage');
const JoinPage = lazyPage(() => import('../features/join/join-page'), 'JoinPage');

// Only teachers use these: none of them is in what a student downloads.
const teacher = {
  Area: lazyPage(() => import('../features/teacher/teacher-area'), 'TeacherArea'),
  Signup: lazyPage(() => import('../features/teacher/signup-page'), 'SignupPage'),
  Login: lazyPage(() => import('../features/teacher/login-page'), 'LoginPage'),
  Dashboard: lazyPage(() => import('../features/teacher/dashboard-page'), 'DashboardPage'),
  NewAssignment: lazyPage(
    () => import('../features/teacher/new-assignment-page'),
    'NewAssignmentPage',
  ),
  Assignment: lazyPage(() => import('../features/teacher/assignment-page'), 'AssignmentPage'),
  EditAssignment: lazyPage(
    () => import('../features/teacher/edit-assignment-page'),
    'EditAssignmentPage',
  ),
  Project: lazyPage(() => import('../features/teacher/project-page'), 'ProjectPage'),
  Statistics: lazyPage(() => import('../features/teacher/statistics-page'), 'StatisticsPage'),
  Roster: lazyPage(() => import('../features/teacher/roster-page'), 'RosterPage'),
  Attempt: lazyPage(() => import('../features/teacher/attempt-page'), 'AttemptPage'),
  StudentCopy: lazyPage(
    () => import('../features/teacher/print-student-copy-page'),
    'PrintStudentCopyPage',
  ),
  AnswerKey: lazyPage(
    () => import('../features/teacher/print-answer-key-page'),
    'PrintAnswerKeyPage',
  ),
};

/** The route table: every path of `paths` and the page it shows. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path={paths.library} element={<LibraryPage />} />
        <Route path={paths.reader} element={<ReaderPage />} />
        <Route path={paths.quiz} element={<QuizPage />} />
        <Route path={paths.review} element={onDemand(<ReviewPage />)} />
        <Route path={paths.joinForm} element={onDemand(<JoinPage />)} />
        <Route path={paths.join} element={onDemand(<JoinPage />)} />
        <Route path={paths.joinAsStudent} element={onDemand(<JoinPage />)} />
        <Route path={paths.teacherSignup} element={onDemand(<teacher.Signup />)} />
        <Route path={paths.teacherLogin} element={onDemand(<teacher.Login />)} />
        {/* Every page below needs a signed-in teacher; the area checks the session first. */}
        <Route element={onDemand(<teacher.Area />)}>
          <Route path={paths.teacherDashboard} element={onDemand(<teacher.Dashboard />)} />
          <Route path={paths.newAssignment} element={onDemand(<teacher.NewAssignment />)} />
          <Route path={paths.assignment} element={onDemand(<teacher.Assignment />)} />
          <Route path={paths.editAssignment} element={onDemand(<teacher.EditAssignment />)} />
          <Route path={paths.projectAssignment} element={onDemand(<teacher.Project />)} />
          <Route path={paths.assignmentStatistics} element={onDemand(<teacher.Statistics />)} />
          <Route path={paths.assignmentRoster} element={onDemand(<teacher.Roster />)} />
          <Route path={paths.assignmentAttempt} element={onDemand(<teacher.Attempt />)} />
          <Route path={paths.printStudentCopy} element={onDemand(<teacher.StudentCopy />)} />
          <Route path={paths.printAnswerKey} element={onDemand(<teacher.AnswerKey />)} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
