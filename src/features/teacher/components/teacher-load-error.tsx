import { Navigate, useLocation } from 'react-router';
import { LoadError } from '../../../components/load-error';
import { getHref } from '../../../lib/paths';
import { isSignedOut } from '../problems';

/** Goes to the login page, which comes back here after signing in. */
export function RedirectToLogin() {
  const { pathname, search } = useLocation();
  return <Navigate to={getHref.teacherLogin(pathname + search)} replace />;
}

/** Why a teacher page's data did not load; an expired session goes to the login page instead. */
export function TeacherLoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (isSignedOut(error)) return <RedirectToLogin />;
  return <LoadError error={error} onRetry={onRetry} />;
}
