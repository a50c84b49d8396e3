import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/load-error';
import { NotOnThisDevice } from '../../components/not-on-this-device';
import { ResultsOpenAt } from '../../components/results-open-at';
import { api, ApiError } from '../../lib/api-client';
import { markAttemptSubmitted, readAttemptRecord } from '../../lib/attempt-records';
import { formatDateTime } from '../../lib/format-date-time';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { AttemptReviewView } from './components/attempt-review-view';
import './review.css';

/** When an assignment's policy shows the review (`details.opensAt` of the 403), or null for never. */
function reviewOpensAt(error: ApiError): string | null {
  const details = error.details as { opensAt?: unknown } | undefined;
  return typeof details?.opensAt === 'string' ? details.opensAt : null;
}

/** The results of a submitted attempt, for the browser that took it. */
export function ReviewPage() {
  const { attemptId = '' } = useParams();
  const token = readAttemptRecord(attemptId)?.token;
  const { resource, reload } = useResource({
    key: `review:${attemptId}`,
    load: () => (token ? api.getReview(attemptId, token) : Promise.resolve(null)),
  });
  useDocumentTitle(
    resource.status === 'ready' && resource.data
      ? `Results: ${resource.data.assignmentTitle ?? resource.data.bankTitle}`
      : 'Results',
  );
  // The score is kept on this device too, for the library to show beside the quiz.
  const percent =
    resource.status === 'ready' && resource.data ? resource.data.result.percent : undefined;
  useEffect(() => {
    if (percent !== undefined) markAttemptSubmitted(attemptId, percent);
  }, [percent, attemptId]);

  if (!token) {
    return (
      <NotOnThisDevice heading="These results are not on this device">
        Results are shown only in the browser where the quiz was taken.
      </NotOnThisDevice>
    );
  }
  if (resource.status === 'loading') return <Loading label="Loading your results…" />;
  if (resource.status === 'error') {
    const { error } = resource;
    if (error instanceof ApiError && error.status === 409) {
      return (
        <>
          <h1>This quiz is not submitted yet</h1>
          <p className="page-intro">Results appear once the answers are submitted.</p>
          <p>
            <Link to={getHref.quiz(attemptId)}>Go back to the quiz</Link>
          </p>
        </>
      );
    }
    if (error instanceof ApiError && error.status === 403) {
      const opensAt = reviewOpensAt(error);
      return (
        <>
          <h1>Your answers are in</h1>
          <p className="page-intro">
            {error.code === 'review-held' ? (
              `Results for this quiz are held while a class is being assessed on it; come back ${opensAt ? `after ${formatDateTime(opensAt)}` : 'later'}.`
            ) : opensAt ? (
              <ResultsOpenAt opensAt={opensAt} onOpen={reload} />
            ) : (
              'Your teacher sees your answers; the results are not shown here.'
            )}
          </p>
          <p>
            <Link to={getHref.library()}>Go to the library</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <h1>Results</h1>
        <LoadError error={error} onRetry={reload} />
      </>
    );
  }
  if (!resource.data) return null;
  return <AttemptReviewView review={resource.data} />;
}
