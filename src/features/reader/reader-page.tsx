import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ArticleView } from '../../components/article-view';
import { LoadError, Loading } from '../../components/load-error';
import { QuizList } from '../../components/quiz-list';
import { listAttemptRecords } from '../../lib/attempt-records';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { readerResource } from './reader-resource';
import './reader.css';

/** One article set for reading, with its quizzes beside it. */
export function ReaderPage() {
  const { articleId = '' } = useParams();
  const { resource, reload } = useResource(readerResource(articleId));
  const [attempts] = useState(listAttemptRecords);
  useDocumentTitle(resource.status === 'ready' ? resource.data.article.meta.title : 'Article');

  return (
    <>
      <p className="breadcrumb">
        <Link to={getHref.library()}>← All articles</Link>
      </p>
      {resource.status === 'loading' && <Loading label="Loading the article…" />}
      {resource.status === 'error' && (
        <>
          <h1>Article</h1>
          <LoadError error={resource.error} onRetry={reload} />
        </>
      )}
      {resource.status === 'ready' && (
        <div className="reader-layout">
          <ArticleView article={resource.data.article} headingLevel={1} />
          <aside className="reader-quizzes" aria-labelledby="reader-quizzes-heading">
            <h2 id="reader-quizzes-heading">Quizzes on this article</h2>
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
