import { ApiError, NetworkError } from './api-client';

/** What went wrong with a request, in one sentence for an alert beside its button. */
export function describeRequestProblem(error: unknown): string {
  if (error instanceof NetworkError) {
    return 'The server could not be reached. Check your connection and try again.';
  }
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again.';
}
