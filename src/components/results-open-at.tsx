import { useState } from 'react';
import { DEADLINE_GRACE_SECONDS } from '../domain/assignment-rules';
import { formatDateTime } from '../lib/format-date-time';
import { roundUpToMinute, useTimerAt } from '../lib/use-timer-at';

/**
 * Says when a student's results open (the due time plus the grace for answers still on their
 * way, shown rounded up to the minute so the time shown has never passed yet) and calls `onOpen`
 * at that instant, so the page shows the results by itself. Its text is a polite live region.
 */
export function ResultsOpenAt({ opensAt, onOpen }: { opensAt: string; onOpen: () => void }) {
  // Already past by this device's clock: the server's clock is a little behind; it asks again soon.
  const [late] = useState(() => Date.parse(opensAt) <= Date.now());
  useTimerAt(opensAt, onOpen);
  return (
    <span role="status">
      {late
        ? 'Your results open in a moment: this page shows them by itself.'
        : `Your results open at ${formatDateTime(roundUpToMinute(opensAt))}, once the due time and ${DEADLINE_GRACE_SECONDS} seconds for answers still on their way have passed. This page shows them by itself then.`}
    </span>
  );
}
