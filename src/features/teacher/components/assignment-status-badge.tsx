import type { Assignment } from '../../../lib/assignment-api-client';
import { ASSIGNMENT_STATUS_LABELS } from '../teacher-labels';

export function AssignmentStatusBadge({ status }: { status: Assignment['status'] }) {
  return (
    <span className={`status-pill status-pill-${status}`}>{ASSIGNMENT_STATUS_LABELS[status]}</span>
  );
}
