import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { getHref } from '../lib/paths';

/**
 * What the quiz and results pages say when this browser has no record of the attempt: `heading`,
 * why (`children`), and the way back to the library.
 */
export function NotOnThisDevice({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <>
      <h1>{heading}</h1>
      <p className="page-intro">{children}</p>
      <p>
        <Link to={getHref.library()}>Go to the library</Link>
      </p>
    </>
  );
}
