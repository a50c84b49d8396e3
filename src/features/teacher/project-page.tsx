import { Link, useParams } from 'react-router';
import { Loading } from '../../components/load-error';
import { assignmentApi } from '../../lib/assignment-api-client';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { JoinDetails } from './components/join-details';
import { TeacherLoadError } from './components/teacher-load-error';

/** The join code, link and QR code as large as the screen allows, for a projector. */
export function ProjectPage() {
  const { assignmentId = '' } = useParams();
  const { resource, reload } = useResource({
    key: `assignment:${assignmentId}`,
    load: () => assignmentApi.getAssignment(assignmentId),
  });
  useDocumentTitle(resource.status === 'ready' ? `Join: ${resource.data.title}` : 'Join code');

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    return <TeacherLoadError heading="Join code" error={resource.error} onRetry={reload} />;
  }
  const assignment = resource.data;
  return (
    <div className="project-view">
      <h1 className="project-title">{assignment.title}</h1>
      <JoinDetails assignment={assignment} large />
      <p className="project-back">
        <Link to={getHref.assignment(assignment.id)}>Back to the assignment</Link>
      </p>
    </div>
  );
}
