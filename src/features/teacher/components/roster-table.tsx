import type { Roster, RosterStudent } from '../../../lib/assignment-api-client';
import { ScrollTable } from './scroll-table';
import { TableHead } from '../../../components/table-head';

const PROGRESS_LABELS: Record<RosterStudent['progress'], string> = {
  'not-started': 'Not started yet',
  started: 'Started',
  submitted: 'Handed in',
};

/**
 * Each student's personal code and link, to print and hand out (a slip per student) or to send
 * one by one; with how far each has got.
 */
export function RosterTable({ roster }: { roster: Roster }) {
  return (
    <section aria-labelledby="roster-codes-heading" className="roster-codes">
      <div className="page-heading-row">
        <h2 id="roster-codes-heading">Personal codes</h2>
        <p className="button-row no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            Print the codes
          </button>
        </p>
      </div>
      <p className="no-print">
        {roster.requireRoster
          ? 'Students join with their personal code (or link) only: no one can take a classmate’s place.'
          : 'Students may join by name or with their personal code.'}{' '}
        With the code a student also continues their quiz, or sees their results, on another device.
      </p>
      <ScrollTable label="Personal codes">
        <table className="data-table roster-table">
          <TableHead
            columns={[
              'Name',
              'Personal code',
              'Personal link',
              { label: 'Progress', className: 'no-print' },
            ]}
          />
          <tbody>
            {roster.students.map((student) => (
              <tr key={student.personalCode}>
                <th scope="row">{student.name}</th>
                <td className="roster-code">{student.personalCode}</td>
                <td className="roster-link">{student.joinUrl}</td>
                <td className="no-print">{PROGRESS_LABELS[student.progress]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
