import { assignmentApi, type Assignment } from '../../../lib/assignment-api-client';
import { getHref } from '../../../lib/paths';

/** Letters read one at a time ("K 7 M P Q 2"), so a screen reader spells the code out. */
function spellOut(code: string): string {
  return [...code].join(' ');
}

/**
 * The three ways into an assignment: the join code to type, the join link, and a QR code of the
 * link. `large` sets them for a projector.
 */
export function JoinDetails({
  assignment,
  large = false,
}: {
  assignment: Assignment;
  large?: boolean;
}) {
  const joinFormUrl = new URL(getHref.joinForm(), assignment.joinUrl).href;
  return (
    <div className={large ? 'join-details join-details-large' : 'join-details'}>
      <div className="join-details-text">
        <p className="join-code-label">Join code</p>
        <p className="join-code">
          <span aria-hidden="true">{assignment.joinCode}</span>
          <span className="visually-hidden">{spellOut(assignment.joinCode)}</span>
        </p>
        <p className="join-instructions">
          Go to <strong className="join-url">{joinFormUrl}</strong> and type the code, or open{' '}
          <a className="join-url" href={assignment.joinPath}>
            {assignment.joinUrl}
          </a>
        </p>
      </div>
      <img
        className="join-qr"
        src={assignmentApi.files(assignment.id).qrCode}
        alt={`QR code that opens ${assignment.joinUrl}`}
        width={large ? 480 : 200}
        height={large ? 480 : 200}
      />
    </div>
  );
}
