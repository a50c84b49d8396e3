import type { ReactNode } from 'react';

/** One entry of a description list: a term and its description, kept together in a group. */
export function Detail({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
