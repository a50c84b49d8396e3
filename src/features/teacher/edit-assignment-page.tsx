import { useParams } from 'react-router';
import { Loading } from '../../components/load-error';
import { assignmentApi } from '../../lib/assignment-api-client';
import { useResource } from '../../lib/use-resource';
import { TeacherLoadError } from './components/teacher-load-error';
import { NewAssignmentPage } from './new-assignment-page';

/** The assignment form again, filled in with an assignment's settings, to change them. */
export function EditAssignmentPage() {
  const { assignmentId = '' } = useParams();
  const { resource, reload } = useResource({
    key: `assignment:${assignmentId}`,
    load: () => assignmentApi.getAssignment(assignmentId),
  });
  if (resource.status === 'loading') return <Loading label="Loading the assignment…" />;
  if (resource.status === 'error') {
    return <TeacherLoadError heading="Edit assignment" error={resource.error} onRetry={reload} />;
  }
  return <NewAssignmentPage editing={resource.data} />;
}
