import type { ReactNode } from 'react';
import './kicker.css';

/** The line in small capitals above a page's heading, saying what kind of page it is. */
export function Kicker({ className, children }: { className?: string; children: ReactNode }) {
  return <p className={className ? `kicker ${className}` : 'kicker'}>{children}</p>;
}
