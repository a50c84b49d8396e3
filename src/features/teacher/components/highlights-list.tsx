import { findSentence, type Article } from '../../../domain/article';
import { HIGHLIGHT_COLOUR_NAMES, type Highlight } from '../../../domain/highlights';
import '../../../components/student-highlights.css';

/**
 * The student's highlights and notes on the attempt page, in reading order: the words they
 * marked, the colour by name, and their note. Their notes are their own text, shown as text.
 */
export function HighlightsList({
  highlights,
  article,
}: {
  highlights: readonly Highlight[];
  article: Article;
}) {
  return (
    <section className="card highlights-list" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">Highlights and notes</h2>
      {highlights.length === 0 ? (
        <p className="muted">The student highlighted nothing and wrote no notes.</p>
      ) : (
        <ul>
          {highlights.map((highlight) => {
            const text = findSentence(article, highlight.sentenceId)?.text ?? '';
            const words = highlight.span
              ? text.slice(highlight.span.start, highlight.span.end)
              : text;
            return (
              <li key={highlight.key}>
                <p>
                  <mark className={`student-highlight student-highlight-${highlight.colour}`}>
                    “{words}”
                  </mark>{' '}
                  <span className="muted">
                    {HIGHLIGHT_COLOUR_NAMES[highlight.colour]} highlight, sentence{' '}
                    {highlight.sentenceId}
                  </span>
                </p>
                {highlight.note !== null && (
                  <p className="highlight-note">
                    <strong>Note:</strong> {highlight.note}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
