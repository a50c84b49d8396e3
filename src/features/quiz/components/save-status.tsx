import { useAttemptDraft } from '../stores/attempt-draft-context';
import type { SaveStatus } from '../stores/attempt-draft-store';

const MESSAGES: Record<Exclude<SaveStatus, 'refused' | 'closed'>, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  offline: 'Offline — your answers are kept on this device',
};

/** Says whether the answers are on the server, on their way, or waiting on this device. */
export function SaveStatusIndicator() {
  const status = useAttemptDraft((draft) => draft.saveStatus);
  const refusal = useAttemptDraft((draft) => draft.refusal);
  return (
    <p className={`save-status save-status-${status}`} role="status">
      <span className="save-status-dot" aria-hidden="true" />
      {status === 'refused' || status === 'closed'
        ? `Not saved: ${refusal ?? 'the server refused the answer.'}`
        : MESSAGES[status]}
    </p>
  );
}
