import { createElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../components/load-error';
import { ReaderPage } from '../features/reader/reader-page';
import { paths } from '../lib/paths';
import { AppLayout } from './app-layout';
import type { TeacherPageName } from './teacher-pages';

/** A page whose code is fetched the first time it is shown (a chunk of its own). */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const page: ComponentType = (await load())[name];
    return { default: page };
  });
}

const onDemand = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

// Only the reader is in the entry: its article comes in the server's HTML, and the page must take
// over that HTML as soon as the entry runs. Every other page is a chunk of its own, so a student
// downloads React, the router and one page before the first paint: the quiz's answer controls,
// draft store and sync, the library's join form and the teacher's pages come only when opened.
const LibraryPage = lazyPage(() => import('../features/library/library-page'), 'LibraryPage');
const QuizPage = lazyPage(() => import('../features/quiz/quiz-page'), 'QuizPage');
const ReviewPage = lazyPage(() => import('../features/review/review-page'), 'ReviewPage');
const JoinPage = lazyPage(() => import('../features/join/join-page'), 'JoinPage');
const NotFoundPage = lazyPage(() => import('./not-found-page'), 'NotFoundPage');

/** The teacher's pages come from a table that is itself a chunk (teacher-pages.ts). */
const teacherPage = (name: TeacherPageName) =>
  lazy(async () => {
    const page: ComponentType = await (await import('./teacher-pages')).teacherPageLoaders[name]();
    return { default: page };
  });
const teacher = {
  Area: teacherPage('Area'),
  Signup: teacherPage('Signup'),
  Login: teacherPage('Login'),
  Dashboard: teacherPage('Dashboard'),
  NewAssignment: teacherPage('NewAssignment'),
  Assignment: teacherPage('Assignment'),
  EditAssignment: teacherPage('EditAssignment'),
  Project: teacherPage('Project'),
  Statistics: teacherPage('Statistics'),
  Roster: teacherPage('Roster'),
  Attempt: teacherPage('Attempt'),
  StudentCopy: teacherPage('StudentCopy'),
  AnswerKey: teacherPage('AnswerKey'),
} satisfies Record<TeacherPageName, ComponentType>;

const teacherOnDemand = (name: TeacherPageName) => onDemand(createElement(teacher[name]));

/** The route table: every path of `paths` and the page it shows. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path={paths.library} element={onDemand(<LibraryPage />)} />
        <Route path={paths.reader} element={<ReaderPage />} />
        <Route path={paths.quiz} element={onDemand(<QuizPage />)} />
        <Route path={paths.review} element={onDemand(<ReviewPage />)} />
        <Route path={paths.joinForm} element={onDemand(<JoinPage />)} />
        <Route path={paths.join} element={onDemand(<JoinPage />)} />
        <Route path={paths.joinAsStudent} element={onDemand(<JoinPage />)} />
        <Route path={paths.teacherSignup} element={teacherOnDemand('Signup')} />
        <Route path={paths.teacherLogin} element={teacherOnDemand('Login')} />
        {/* Every page below needs a signed-in teacher; the area checks the session first. */}
        <Route element={teacherOnDemand('Area')}>
          <Route path={paths.teacherDashboard} element={teacherOnDemand('Dashboard')} />
          <Route path={paths.newAssignment} element={teacherOnDemand('NewAssignment')} />
          <Route path={paths.assignment} element={teacherOnDemand('Assignment')} />
          <Route path={paths.editAssignment} element={teacherOnDemand('EditAssignment')} />
          <Route path={paths.projectAssignment} element={teacherOnDemand('Project')} />
          <Route path={paths.assignmentStatistics} element={teacherOnDemand('Statistics')} />
          <Route path={paths.assignmentRoster} element={teacherOnDemand('Roster')} />
          <Route path={paths.assignmentAttempt} element={teacherOnDemand('Attempt')} />
          <Route path={paths.printStudentCopy} element={teacherOnDemand('StudentCopy')} />
          <Route path={paths.printAnswerKey} element={teacherOnDemand('AnswerKey')} />
        </Route>
        <Route path="*" element={onDemand(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}
