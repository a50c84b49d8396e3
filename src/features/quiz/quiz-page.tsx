import { Navigate, useParams } from 'react-router';
import { NotOnThisDevice } from '../../components/not-on-this-device';
import { LoadError, Loading } from '../../components/load-error';
import { readAttemptRecord } from '../../lib/attempt-records';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { QuizSession } from './components/quiz-session';
import { quizResource } from './quiz-resource';
import './quiz.css';

/**
 * An attempt, opened from its link. Only the browser that started it holds its token; a
 * submitted attempt goes on to its results.
 */
export function QuizPage() {
  const { attemptId = '' } = useParams();
  const record = readAttemptRecord(attemptId);
  const token = record?.token;
  const { resource, reload } = useResource(
    token ? quizResource(attemptId, token) : { key: 'no-token', load: () => Promise.resolve(null) },
  );
  useDocumentTitle(
    resource.status === 'ready' && resource.data ? `Quiz: ${resource.data.title}` : 'Quiz',
  );

  if (!token) {
    return (
      <NotOnThisDevice heading="This quiz is not on this device">
        A quiz can be continued only in the browser where it was started. Start the quiz again from
        the library.
      </NotOnThisDevice>
    );
  }
  if (resource.status === 'loading') return <Loading label="Loading your quiz…" />;
  if (resource.status === 'error') {
    return (
      <>
        <h1>Quiz</h1>
        <LoadError error={resource.error} onRetry={reload} />
      </>
    );
  }
  if (!resource.data) return null;
  const { attempt, article, title } = resource.data;
  if (attempt.status === 'submitted') return <Navigate to={getHref.review(attemptId)} replace />;
  return (
    <QuizSession key={attemptId} title={title} attempt={attempt} article={article} token={token} />
  );
}
