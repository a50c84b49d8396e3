import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../components/load-error';
import { LibraryPage } from '../features/library/library-page';
import { QuizPage } from '../features/quiz/quiz-page';
import { ReaderPage } from '../features/reader/reader-page';
import { paths } from '../lib/paths';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';

// Pages a student reaches only after a quiz, or rarely, load on demand: the quiz stays small.
const ReviewPage = lazy(() =>
  import('../features/review/review-page').then((module) => ({ default: module.ReviewPage })),
);
const JoinPage = lazy(() =>
  import('../features/join/join-page').then((module) => ({ default: module.JoinPage })),
);

/** The route table: every path of `paths` and the page it shows. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path={paths.library} element={<LibraryPage />} />
        <Route path={paths.reader} element={<ReaderPage />} />
        <Route path={paths.quiz} element={<QuizPage />} />
        <Route
          path={paths.review}
          element={
            <Suspense fallback={<Loading />}>
              <ReviewPage />
            </Suspense>
          }
        />
        <Route
          path={paths.joinForm}
          element={
            <Suspense fallback={<Loading />}>
              <JoinPage />
            </Suspense>
          }
        />
        <Route
          path={paths.join}
          element={
            <Suspense fallback={<Loading />}>
              <JoinPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
