import { Navigate, useLocation } from 'react-router';
import { LoadError } from '../../../components/load-error';
import { getHref } from '../../../lib/paths';
import { isSignedOut } from '../problems';

/** Goes to the login page, which comes back here after signing in. */
export function RedirectToLogin() {
  const { pathname, search } = useLocation();
  return <Navigate to={getHref.teacherLogin(pathname + search)} replace />;
}

/**
 * Why a teacher page's data did not load, under the page's `heading` when the page has nothing
 * else to show; an expired session goes to the login page instead.
 */
export function TeacherLoadError({
  error,
  onRetry,
  heading,
}: {
  error: unknown;
  onRetry?: () => void;
  heading?: string;
}) {
  if (isSignedOut(error)) return <RedirectToLogin />;
  return (
    <>
      {heading !== undefined && <h1>{heading}</h1>}
      <LoadError error={error} onRetry={onRetry} />
    </>
  );
}
