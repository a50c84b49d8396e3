import { Fragment } from 'react';
import type { Article } from '../../../domain/article';

interface EvidenceInPlaceProps {
  id: string;
  article: Article;
  /** The evidence sentences, in any order. */
  sentenceIds: readonly string[];
}

/**
 * The paragraphs that hold a question's evidence, shown under the question with the evidence
 * marked: on a phone the article is far below the questions, so the proof opens where the student
 * is reading instead of scrolling them thousands of pixels away.
 */
export function EvidenceInPlace({ id, article, sentenceIds }: EvidenceInPlaceProps) {
  const wanted = new Set(sentenceIds);
  const paragraphs = article.paragraphs
    .map((paragraph, index) => ({ paragraph, number: index + 1 }))
    .filter(({ paragraph }) => paragraph.sentences.some((sentence) => wanted.has(sentence.id)));
  return (
    <div id={id} className="evidence-in-place">
      <p className="evidence-in-place-label">In the article</p>
      {paragraphs.map(({ paragraph, number }) => (
        <figure key={paragraph.id} className="evidence-in-place-paragraph">
          <blockquote>
            <p>
              {paragraph.sentences.map((sentence, index) => (
                <Fragment key={sentence.id}>
                  {index > 0 && ' '}
                  {wanted.has(sentence.id) ? (
                    <mark className="sentence-highlight">{sentence.text}</mark>
                  ) : (
                    <span className="evidence-in-place-context">{sentence.text}</span>
                  )}
                </Fragment>
              ))}
            </p>
          </blockquote>
          <figcaption className="muted">Paragraph {number}</figcaption>
        </figure>
      ))}
    </div>
  );
}
