import { useMemo, useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router';
import { ArticleView } from '../../components/article-view';
import { LoadError, Loading } from '../../components/load-error';
import { QuizList } from '../../components/quiz-list';
import { ApiError } from '../../lib/api-client';
import { listAttemptRecords, type AttemptRecord } from '../../lib/attempt-records';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { readerResource } from './reader-resource';
import './reader.css';

const readAttemptsSnapshot = () => JSON.stringify(listAttemptRecords());
// The server's HTML knows no device's attempts: hydration starts from none, then reads them.
const readServerSnapshot = () => '[]';
function subscribeToStorage(onChange: () => void) {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

/**
 * The attempts this device has started, as a string snapshot of localStorage so that React can
 * tell a change from a re-read; while the server-rendered page is hydrated, none.
 */
function useAttemptRecords(): AttemptRecord[] {
  const snapshot = useSyncExternalStore(
    subscribeToStorage,
    readAttemptsSnapshot,
    readServerSnapshot,
  );
  return useMemo(() => JSON.parse(snapshot) as AttemptRecord[], [snapshot]);
}

/**
 * One article set for reading, with its quizzes beside it. The server sends this page's HTML
 * already rendered (src/app/prerender.tsx); the entry hydrates it once the same data has come.
 */
export function ReaderPage() {
  const { articleId = '' } = useParams();
  const { resource, reload } = useResource(readerResource(articleId));
  const attempts = useAttemptRecords();
  useDocumentTitle(resource.status === 'ready' ? resource.data.article.meta.title : 'Article');

  return (
    <>
      <p className="breadcrumb">
        <Link to={getHref.library()}>← All articles</Link>
      </p>
      {resource.status === 'loading' && <Loading label="Loading the article…" />}
      {resource.status === 'error' && (
        <>
          <h1>
            {resource.error instanceof ApiError && resource.error.status === 404
              ? 'Article not found'
              : 'Article'}
          </h1>
          <LoadError error={resource.error} onRetry={reload} />
        </>
      )}
      {/* On a phone the quizzes come after the whole article: a way to them from the top. */}
      {resource.status === 'ready' && resource.data.banks.length > 0 && (
        <p className="reader-jump">
          <a href="#reader-quizzes-heading">
            {resource.data.banks.length === 1
              ? 'Go to the quiz on this article'
              : `Go to the ${resource.data.banks.length} quizzes on this article`}
          </a>
        </p>
      )}
      {resource.status === 'ready' && (
        <div className="reader-layout">
          <ArticleView article={resource.data.article} headingLevel={1} withSettings />
          <aside className="reader-quizzes" aria-labelledby="reader-quizzes-heading">
            <h2 id="reader-quizzes-heading" tabIndex={-1}>
              Quizzes on this article
            </h2>
            {resource.data.banks.length > 0 ? (
              <QuizList banks={resource.data.banks} attempts={attempts} headingLevel={3} />
            ) : (
              <p className="muted">No quizzes on this article yet.</p>
            )}
          </aside>
        </div>
      )}
    </>
  );
}
