import { useParams } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useResource } from '../../../lib/use-resource';

/**
 * The data of a printed sheet (answer key, student copy) of the assignment in the address, loaded
 * under `${key}:<assignment id>`; the page is titled by the sheet's `name`, then the assignment's.
 */
export function usePrintedSheet<T extends { assignment: { title: string } }>(
  name: string,
  key: string,
  load: (assignmentId: string) => Promise<T>,
) {
  const { assignmentId = '' } = useParams();
  const { resource, reload } = useResource({
    key: `${key}:${assignmentId}`,
    load: () => load(assignmentId),
  });
  useDocumentTitle(
    resource.status === 'ready' ? `${name}: ${resource.data.assignment.title}` : name,
  );
  return { assignmentId, resource, reload };
}
