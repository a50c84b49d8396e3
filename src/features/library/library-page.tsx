import { useState } from 'react';
import { Link } from 'react-router';
import { OpenBookIllustration } from '../../components/illustrations';
import { JoinCodeForm } from '../../components/join-code-form';
import { LoadError, Loading } from '../../components/load-error';
import { QuizList } from '../../components/quiz-list';
import { listAttemptRecords } from '../../lib/attempt-records';
import { formatMinutes } from '../../lib/labels';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { libraryResource } from './library-resource';
import './library.css';

/** The articles and their quizzes, and the way in for students whose teacher gave them a code. */
export function LibraryPage() {
  useDocumentTitle('Library');
  const { resource, reload } = useResource(libraryResource());
  const [attempts] = useState(listAttemptRecords);

  return (
    <>
      <h1>Read closely, then prove it</h1>
      <p className="page-intro">
        Read a news article, answer questions about it, and see the sentence that proves each
        answer.
      </p>
      <div className="library-layout">
        <section aria-labelledby="articles-heading" className="library-articles">
          <h2 id="articles-heading">Articles</h2>
          {resource.status === 'loading' && <Loading label="Loading the library…" />}
          {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
          {resource.status === 'ready' &&
            (resource.data.articles.length === 0 ? (
              <div className="empty-state card">
                <OpenBookIllustration />
                <p>No articles yet. Once your teacher adds one, it appears here.</p>
              </div>
            ) : (
              <ul className="article-list">
                {resource.data.articles.map((article) => {
                  const banks = resource.data.banks.filter((bank) => bank.articleId === article.id);
                  return (
                    <li key={article.id} className="card article-card">
                      <h3 className="article-card-title">
                        <Link to={getHref.reader(article.id)}>{article.title}</Link>
                      </h3>
                      <p>{article.summary}</p>
                      <p className="muted">{formatMinutes(article.readingMinutes)} to read</p>
                      {banks.length > 0 ? (
                        <QuizList banks={banks} attempts={attempts} headingLevel={4} />
                      ) : (
                        <p className="muted">No quizzes on this article yet.</p>
                      )}
                    </li>
                  );
                })}
              </ul>
            ))}
        </section>
        <aside aria-labelledby="join-heading" className="card library-join">
          <h2 id="join-heading">Join with a code</h2>
          <p>Has your teacher given you a code for an assigned quiz? Type it here.</p>
          <JoinCodeForm />
        </aside>
      </div>
    </>
  );
}
