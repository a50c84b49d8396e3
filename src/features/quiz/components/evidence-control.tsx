import { useId } from 'react';
import { findSentence, type Article } from '../../../domain/article';
import type { EvidenceResponse } from '../../../domain/responses';

interface EvidenceControlProps {
  label: string;
  /** The claim to prove; Part B of a two-part question proves Part A instead. */
  claim?: string;
  article: Article;
  response: EvidenceResponse | undefined;
  /** Undefined when the student removes the last sentence. */
  onChange: (response: EvidenceResponse | undefined) => void;
  /** Where the article is, in words: "beside this question" or "in the Article tab". */
  articlePlace: string;
  /** Shows the article, on screens where it is not beside the question. */
  onOpenArticle?: () => void;
}

/**
 * Evidence is selected in the article itself (each sentence is a toggle button there); this part
 * says what to do and lists the selection, with a way to remove each sentence.
 */
export function EvidenceControl({
  label,
  claim,
  article,
  response,
  onChange,
  articlePlace,
  onOpenArticle,
}: EvidenceControlProps) {
  const id = useId();
  const selected = response?.sentences ?? [];

  return (
    <div className="evidence-control" role="group" aria-labelledby={`${id}-prompt`}>
      <p className="question-prompt" id={`${id}-prompt`}>
        {label}
      </p>
      {claim && (
        <blockquote className="statement">
          <p className="statement-label">Claim</p>
          <p>{claim}</p>
        </blockquote>
      )}
      <p className="field-hint">
        Select the sentences that prove it in the article {articlePlace}: press a sentence to select
        it, press it again to unselect it.
      </p>
      {onOpenArticle && (
        <p>
          <button type="button" className="button" onClick={onOpenArticle}>
            Select sentences in the article
          </button>
        </p>
      )}
      <p className="evidence-selected-heading" id={`${id}-selected`}>
        Your evidence ({selected.length} {selected.length === 1 ? 'sentence' : 'sentences'})
      </p>
      {selected.length === 0 ? (
        <p className="muted">No sentences selected yet.</p>
      ) : (
        <ul className="evidence-selected" aria-labelledby={`${id}-selected`}>
          {selected.map((sentenceId) => {
            const text = findSentence(article, sentenceId)?.text ?? sentenceId;
            return (
              <li key={sentenceId}>
                <q>{text}</q>{' '}
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`Remove “${text}”`}
                  onClick={() => {
                    const sentences = selected.filter((candidate) => candidate !== sentenceId);
                    onChange(sentences.length > 0 ? { sentences } : undefined);
                  }}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
