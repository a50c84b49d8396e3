import { useState } from 'react';
import { useAttemptDraft } from '../stores/attempt-draft-context';
import type { SaveStatus } from '../stores/attempt-draft-store';

const MESSAGES: Record<Exclude<SaveStatus, 'refused' | 'closed'>, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  offline: 'Offline — your answers are kept on this device',
};

/**
 * Says whether the answers are on the server, on their way, or waiting on this device. Until
 * there is an answer or a change it says nothing: "Saved" would claim answers that do not exist.
 * The status element stays in place, empty, so that the first change is announced.
 */
export function SaveStatusIndicator() {
  const status = useAttemptDraft((draft) => draft.saveStatus);
  const refusal = useAttemptDraft((draft) => draft.refusal);
  const hasAnswers = useAttemptDraft(
    (draft) => Object.keys(draft.responses).length > 0 || Object.keys(draft.highlights).length > 0,
  );
  // Once something was saved (even a cleared answer), "Saved" stays meaningful.
  const [active, setActive] = useState(false);
  const shown = active || hasAnswers || status !== 'saved';
  if (shown && !active) setActive(true);
  if (!shown) {
    return <p className="save-status-idle" role="status" />;
  }
  return (
    <p className={`save-status save-status-${status}`} role="status">
      <span className="save-status-dot" aria-hidden="true" />
      {status === 'refused' || status === 'closed'
        ? `Not saved: ${refusal ?? 'the server refused the answer.'}`
        : MESSAGES[status]}
    </p>
  );
}
