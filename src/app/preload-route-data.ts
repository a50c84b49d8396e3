import { matchPath } from 'react-router';
import { libraryResource } from '../features/library/library-resource';
import { quizResource } from '../features/quiz/quiz-resource';
import { readerResource } from '../features/reader/reader-resource';
import { readAttemptRecord } from '../lib/attempt-records';
import { paths } from '../lib/paths';
import { preloadResource, type ResourceRequest } from '../lib/use-resource';

/** Preloads `request`, and says when it has settled (either way): its data is then at hand. */
function preload<T>({ key, load }: ResourceRequest<T>): Promise<void> {
  let loading: Promise<T> | undefined;
  preloadResource({ key, load: () => (loading = load()) });
  return (loading ?? Promise.resolve()).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Starts fetching the data of the page the app opens at while React starts, instead of after its
 * first render: on a slow phone that is the difference between one wait and two in a row. The
 * promise settles when that data has come (or failed): a server-rendered page is hydrated then,
 * so that its first render is the HTML the server sent.
 */
export function preloadRouteData(pathname: string): Promise<void> {
  if (matchPath(paths.library, pathname)) return preload(libraryResource());
  const reader = matchPath(paths.reader, pathname);
  if (reader?.params.articleId) return preload(readerResource(reader.params.articleId));
  const quiz = matchPath(paths.quiz, pathname);
  const attemptId = quiz?.params.attemptId;
  const token = attemptId ? readAttemptRecord(attemptId)?.token : undefined;
  if (attemptId && token) return preload(quizResource(attemptId, token));
  return Promise.resolve();
}
