import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { assignmentApi, type Roster } from '../../../lib/assignment-api-client';
import { getHref } from '../../../lib/paths';

/**
 * The students of the class list who have not started, beside the gradebook (which lists only
 * those who have). Fetched again whenever the gradebook counts another attempt; until the first
 * answer, and if it fails, nothing is shown: the gradebook reports the connection itself.
 */
export function NotStartedList({
  assignmentId,
  attemptCount,
}: {
  assignmentId: string;
  /** The gradebook's attempt count: a change means someone may have started. */
  attemptCount: number;
}) {
  const [roster, setRoster] = useState<Roster | null>(null);
  useEffect(() => {
    let current = true;
    assignmentApi.getRoster(assignmentId).then(
      (loaded) => {
        if (current) setRoster(loaded);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [assignmentId, attemptCount]);

  if (!roster) return null;
  const rosterLink = (
    <Link to={getHref.assignmentRoster(assignmentId)}>
      {roster.hasRoster ? 'Class list and personal codes' : 'Add a class list'}
    </Link>
  );
  if (!roster.hasRoster) {
    return (
      <section aria-labelledby="not-started-heading" className="not-started">
        <h3 id="not-started-heading">Class list</h3>
        <p>
          With a class list, each student gets a personal code, and you see here who has not
          started. {rosterLink}
        </p>
      </section>
    );
  }
  const count = roster.notStarted.length;
  return (
    <section aria-labelledby="not-started-heading" className="not-started">
      <h3 id="not-started-heading">Not started yet{count > 0 && ` (${count})`}</h3>
      {count === 0 ? (
        <p>Everyone on the class list has started.</p>
      ) : (
        <ul className="not-started-list">
          {roster.notStarted.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
      <p>{rosterLink}</p>
    </section>
  );
}
