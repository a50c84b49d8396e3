import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../../../lib/format-date-time';
import { getHref } from '../../../lib/paths';
import type { SaveStatus, useAutosave } from './use-autosave';

/** What the notices read and call of a draft's `useAutosave`. */
type AutosaveState = Pick<
  ReturnType<typeof useAutosave>,
  'status' | 'localCopy' | 'saveNow' | 'loadCurrentDraft' | 'restoreLocalCopy' | 'discardLocalCopy'
>;

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${status.message}`;
    case 'conflict':
      return 'Not saved: this draft was changed elsewhere (another tab or device) since you opened it.';
  }
}

/**
 * Where the draft stands, announced politely as it changes, with what to do when it is not saved:
 * log in again, try again, or load the draft saved elsewhere.
 */
export function AutosaveNotices({ draft }: { draft: AutosaveState }) {
  const { status, localCopy } = draft;
  const { pathname } = useLocation();
  const trouble = status.kind === 'failed' || status.kind === 'conflict';
  return (
    <div className="autosave">
      <p
        role="status"
        className={trouble ? 'autosave-status notice notice-danger' : 'autosave-status muted'}
      >
        {statusText(status)}
      </p>
      {status.kind === 'failed' && (
        <p className="button-row">
          {status.signedOut ? (
            <Link className="button button-small" to={getHref.teacherLogin(pathname)}>
              Log in again
            </Link>
          ) : (
            <button
              type="button"
              className="button button-small"
              onClick={() => void draft.saveNow()}
            >
              Try saving again
            </button>
          )}
        </p>
      )}
      {status.kind === 'conflict' && (
        <p className="button-row">
          <button
            type="button"
            className="button button-small"
            onClick={() => void draft.loadCurrentDraft()}
          >
            Load the current draft
          </button>
          <span className="muted">Your text on this page is kept on this device.</span>
        </p>
      )}
      {localCopy && (
        <section className="notice notice-warning" aria-labelledby="local-copy-heading">
          <h2 id="local-copy-heading">Text not saved from {formatDateTime(localCopy.savedAt)}</h2>
          <p>
            This device has text for this draft that the server does not have (from before a reload,
            a lost connection, an expired session or a change made elsewhere).
          </p>
          <p className="button-row">
            <button type="button" className="button button-small" onClick={draft.restoreLocalCopy}>
              Restore the unsaved text
            </button>
            <button type="button" className="button button-small" onClick={draft.discardLocalCopy}>
              Discard it
            </button>
          </p>
        </section>
      )}
    </div>
  );
}
