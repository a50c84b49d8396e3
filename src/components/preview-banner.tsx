import { Link } from 'react-router';
import { getHref } from '../lib/paths';

/**
 * Says on the quiz player and the review that a teacher is previewing their own quiz, so nothing
 * here is graded, and leads back to the quiz's editor.
 */
export function PreviewBanner({ bankId }: { bankId: string }) {
  return (
    <section className="notice notice-warning preview-banner" aria-label="Preview">
      <p>
        <strong>Preview — not graded.</strong> You see this quiz as a student would; your answers
        reach no gradebook, statistics or export.
      </p>
      <p>
        <Link to={getHref.editBank(bankId)}>Back to the quiz editor</Link>
      </p>
    </section>
  );
}
