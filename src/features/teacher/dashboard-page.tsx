import { Link } from 'react-router';
import { AuthoredContentList } from '../../components/authored-content-list';
import { Loading } from '../../components/load-error';
import { assignmentApi } from '../../lib/assignment-api-client';
import { formatDateTime } from '../../lib/format-date-time';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { AssignmentStatusBadge } from './components/assignment-status-badge';
import { ScrollTable } from './components/scroll-table';
import { TeacherLoadError } from './components/teacher-load-error';
import { TableHead } from '../../components/table-head';

/** The teacher's assignments, newest first, with where each stands; then their own articles. */
export function DashboardPage() {
  useDocumentTitle('Your assignments');
  const { resource, reload } = useResource({
    key: 'teacher:assignments',
    load: () => assignmentApi.listAssignments(),
  });

  return (
    <>
      <div className="page-heading-row">
        <h1>Your assignments</h1>
        <Link className="button button-primary" to={getHref.newAssignment()}>
          New assignment
        </Link>
      </div>
      {resource.status === 'loading' && <Loading label="Loading your assignments…" />}
      {resource.status === 'error' && <TeacherLoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.length === 0 ? (
          <div className="card">
            <p>You have no assignments yet.</p>
            <p>
              Choose a quiz, set when it is due, and give your class the join code: no student
              accounts needed.
            </p>
            <Link to={getHref.newAssignment()}>Create your first assignment</Link>
          </div>
        ) : (
          <ScrollTable label="Your assignments">
            <table className="data-table">
              <TableHead columns={['Title', 'Quiz', 'Status', 'Due', 'Join code', 'Submitted']} />
              <tbody>
                {resource.data.map((assignment) => (
                  <tr key={assignment.id}>
                    <th scope="row">
                      <Link to={getHref.assignment(assignment.id)}>{assignment.title}</Link>
                    </th>
                    <td>{assignment.bankTitle}</td>
                    <td>
                      <AssignmentStatusBadge status={assignment.status} />
                    </td>
                    <td>{assignment.dueAt ? formatDateTime(assignment.dueAt) : 'No due time'}</td>
                    <td className="join-code-cell">{assignment.joinCode}</td>
                    <td className="numeric">{assignment.submittedCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        ))}
      <AuthoredContentList />
    </>
  );
}
