import { ApiError, NetworkError } from '../../lib/api-client';
import type { FieldProblem } from '../../components/form-field';

/** The session is missing or expired: the server answered 401. */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** What went wrong with an action, in one sentence for an alert next to its button. */
export function describeProblem(error: unknown): string {
  if (error instanceof NetworkError) {
    return 'The server could not be reached. Check your connection and try again.';
  }
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again.';
}

/** How long a 429 (too many tries) or 503 (busy) says to wait (`details.retryAfterSeconds`), or null. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof ApiError) || (error.status !== 429 && error.status !== 503)) return null;
  const details = error.details as { retryAfterSeconds?: unknown } | undefined;
  return typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : null;
}

/**
 * The request fields a 400 names in `details.issues`, as problems of the form's controls:
 * `fieldIds` maps a request field (the issue's first path segment) to its control's id.
 */
export function fieldProblemsOf(error: unknown, fieldIds: Record<string, string>): FieldProblem[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const details = error.details as { issues?: { path?: unknown[]; message?: unknown }[] };
  return (details?.issues ?? []).flatMap((issue) => {
    const fieldId = fieldIds[String(issue.path?.[0])];
    return fieldId && typeof issue.message === 'string'
      ? [{ fieldId, message: issue.message }]
      : [];
  });
}
