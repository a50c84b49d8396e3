import type { ResultStatus } from '../domain/results';
import { RESULT_STATUS_LABELS } from '../lib/question-labels';

/**
 * How a question (or, with `part`, one part of a two-part question) went, in words with a mark,
 * never by colour alone.
 */
export function StatusBadge({ status, part = false }: { status: ResultStatus; part?: boolean }) {
  const { mark, label } = RESULT_STATUS_LABELS[status];
  return (
    <span className={`${part ? 'part-status' : 'status-badge'} status-badge-${status}`}>
      <span aria-hidden="true">{mark}</span> {label}
    </span>
  );
}
