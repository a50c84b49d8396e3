import { Link } from 'react-router';
import { OpenBookIllustration } from '../components/illustrations';
import { getHref } from '../lib/paths';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <>
      <OpenBookIllustration />
      <h1>Page not found</h1>
      <p className="page-intro">There is no page at this address. It may have been mistyped.</p>
      <p>
        <Link to={getHref.library()}>Go to the library</Link>
      </p>
    </>
  );
}
