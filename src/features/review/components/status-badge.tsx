import type { ResultStatus } from '../../../domain/results';

const STATUS_LABELS: Record<ResultStatus, string> = {
  correct: 'Correct',
  partial: 'Partly right',
  incorrect: 'Wrong',
  unanswered: 'Not answered',
};

const STATUS_ICONS: Record<ResultStatus, string> = {
  correct: '✓',
  partial: '◐',
  incorrect: '✗',
  unanswered: '–',
};

/**
 * How a question (or, with `part`, one part of a two-part question) went, in words with an icon,
 * never by colour alone.
 */
export function StatusBadge({ status, part = false }: { status: ResultStatus; part?: boolean }) {
  return (
    <span className={`${part ? 'part-status' : 'status-badge'} status-badge-${status}`}>
      <span aria-hidden="true">{STATUS_ICONS[status]}</span> {STATUS_LABELS[status]}
    </span>
  );
}
