import { Link } from 'react-router';
import { ApiError, NetworkError } from '../lib/api-client';
import { getHref } from '../lib/paths';

/** A missing page or a refused request stays so on a retry; a timeout or a busy server may not. */
function isWorthRetrying(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

/** Explains why a page's data could not be loaded, in the student's terms, with a way on. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const worthRetrying = isWorthRetrying(error);
  const message =
    error instanceof NetworkError
      ? 'The server could not be reached. Check your connection and try again.'
      : error instanceof ApiError && error.status === 404
        ? 'This page does not exist, or it was removed.'
        : error instanceof ApiError
          ? error.message
          : 'Something went wrong while loading this page.';
  return (
    <div className="notice notice-danger" role="alert">
      <p>{message}</p>
      <p className="button-row">
        {onRetry && worthRetrying && (
          <button type="button" className="button button-small" onClick={onRetry}>
            Try again
          </button>
        )}
        <Link to={getHref.library()}>Back to the library</Link>
      </p>
    </div>
  );
}

/** A polite "Loading…" line, announced once. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="muted">
      {label}
    </p>
  );
}
