import { Route, Routes } from 'react-router';
import { ReaderPage } from '../features/reader/reader-page';
import { paths } from '../lib/paths';
import { AppLayout } from './app-layout';
import { lazyPage, onDemand } from './on-demand';

// Only the reader is in the entry: its article comes in the server's HTML, and the page must take
// over that HTML as soon as the entry runs. Every other page is a chunk of its own, so a student
// downloads React, the router and one page before the first paint: the quiz's answer controls,
// draft store and sync, the library's join form and the teacher's pages come only when opened.
const LibraryPage = lazyPage(() => import('../features/library/library-page'), 'LibraryPage');
const QuizPage = lazyPage(() => import('../features/quiz/quiz-page'), 'QuizPage');
const ReviewPage = lazyPage(() => import('../features/review/review-page'), 'ReviewPage');
const JoinPage = lazyPage(() => import('../features/join/join-page'), 'JoinPage');
const NotFoundPage = lazyPage(() => import('./not-found-page'), 'NotFoundPage');
/** The teacher's pages with their routes: a chunk that holds the table of the other chunks. */
const TeacherRoutes = lazyPage(() => import('./teacher-routes'), 'TeacherRoutes');

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
        <Route path={`${paths.teacherDashboard}/*`} element={onDemand(<TeacherRoutes />)} />
        <Route path="*" element={onDemand(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}
