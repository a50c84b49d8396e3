import { ApiError } from '../../../lib/api-client';
import type { ContentProblem } from '../../../lib/authoring-api-client';

/** The problems a 422 lists in `details.problems` (file, line, column, message), or none. */
export function problemsOf(error: unknown): ContentProblem[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const details = error.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? (details.problems as ContentProblem[]) : [];
}
