import { lazy, Suspense, useMemo, useState, useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router';
import { ArticleView } from '../../components/article-view';
import { LoadError, Loading } from '../../components/load-error';
import { QuizList } from '../../components/quiz-list';
import type { Article } from '../../domain/article';
import { ApiError } from '../../lib/api-client';
import { listAttemptRecords, type AttemptRecord } from '../../lib/attempt-records';
import { getHref } from '../../lib/paths';
import { readerHighlightsKey } from '../../lib/reader-highlights-key';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { readerResource } from './reader-resource';
import './reader.css';

/** Highlighting in the reader: its tools, storage and marks load on first use only. */
const ReaderHighlights = lazy(() =>
  import('./reader-highlights').then((module) => ({ default: module.ReaderHighlights })),
);

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
 * The article, and highlighting in it once wanted: after the button is pressed, or (once the
 * server's HTML has been hydrated) when this device keeps highlights for the article. Until then,
 * and while the tools load, the article as the server rendered it, with the same button.
 */
function ReaderArticle({ article }: { article: Article }) {
  const [started, setStarted] = useState(false);
  const kept = useSyncExternalStore(
    subscribeToStorage,
    () => localStorage.getItem(readerHighlightsKey(article.meta.id)) !== null,
    () => false,
  );
  const plain = (
    <div className="reader-article">
      <div className="highlight-mode">
        <button type="button" className="button button-small" onClick={() => setStarted(true)}>
          Highlight and take notes
        </button>
      </div>
      <ArticleView article={article} headingLevel={1} withSettings />
    </div>
  );
  if (!started && !kept) return plain;
  return (
    <Suspense fallback={plain}>
      {/* Clearing the kept highlights leaves the tools in place, where focus is. */}
      <ReaderHighlights article={article} startOn={started} onCleared={() => setStarted(true)} />
    </Suspense>
  );
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
          <ReaderArticle article={resource.data.article} />
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
