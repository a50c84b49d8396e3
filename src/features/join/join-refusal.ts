import { ApiError, NetworkError } from '../../lib/api-client';
import type { StudentAssignment } from '../../lib/assignment-api-client';
import { formatDateTime } from '../../lib/format-date-time';

/** Why an open-looking assignment refused a student, in their words. */
export function describeRefusal(error: unknown, assignment: StudentAssignment): string {
  if (error instanceof NetworkError) {
    return 'The server could not be reached. Check your connection and try again.';
  }
  if (!(error instanceof ApiError)) return 'The quiz could not be started. Try again.';
  switch (error.code) {
    case 'assignment-not-open-yet':
      return `This assignment opens ${formatDateTime(assignment.opensAt)}. Try again then.`;
    case 'assignment-past-due':
      return assignment.dueAt
        ? `This assignment was due ${formatDateTime(assignment.dueAt)}: it can no longer be started.`
        : error.message;
    default:
      return error.message;
  }
}

/** Whether a refusal means the assignment changed since the page showed it. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.code.startsWith('assignment-');
}
