import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { getHref } from '../../../lib/paths';

/**
 * The frame of a printable page: on screen a toolbar to print or go back; on paper (print CSS in
 * print.css) only the sheet, black on white, without the site's navigation.
 */
export function PrintSheet({
  assignmentId,
  kind,
  children,
}: {
  assignmentId: string;
  kind: string;
  children: ReactNode;
}) {
  return (
    <div className="print-page">
      <div className="print-toolbar">
        <p className="breadcrumb">
          <Link to={getHref.assignment(assignmentId)}>← Back to the assignment</Link>
        </p>
        <p className="button-row">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            Print the {kind}
          </button>
          <span className="muted">To keep a file, choose “Save as PDF” in the print dialog.</span>
        </p>
      </div>
      <div className="print-sheet">{children}</div>
    </div>
  );
}
