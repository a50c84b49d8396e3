import { Link, useParams } from 'react-router';
import { JoinCodeForm } from '../../components/join-code-form';
import { parseJoinCode } from '../../domain/assignment-rules';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * Where a join link or a typed code lands. Assigned quizzes arrive with the teacher pages; until
 * then the page says so plainly instead of pretending to join.
 */
export function JoinPage() {
  useDocumentTitle('Join with a code');
  const { code } = useParams();
  const parsed = code === undefined ? null : parseJoinCode(code);

  return (
    <div className="join-page">
      <h1>Join with a code</h1>
      {code !== undefined && (
        <div className="notice notice-warning" role="status">
          {parsed ? (
            <p>
              Assigned quizzes are coming soon: the code <strong>{parsed}</strong> cannot be used
              yet. Meanwhile, every quiz in the <Link to={getHref.library()}>library</Link> is open
              for practice.
            </p>
          ) : (
            <p>“{code}” is not a join code. A code has six letters and digits, like K7MPQ2.</p>
          )}
        </div>
      )}
      <p className="page-intro">Type the code your teacher shows you to take an assigned quiz.</p>
      <JoinCodeForm key={code} initialCode={parsed ?? ''} />
    </div>
  );
}
