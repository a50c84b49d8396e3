import { useId, useRef, useState } from 'react';
import { findSentence, type Article } from '../../../domain/article';
import type { EvidenceResponse } from '../../../domain/responses';
import { useMediaQuery } from '../../../lib/use-media-query';
import { toggleSentence } from '../evidence-target';
import { WIDE_LAYOUT_QUERY } from '../layout';

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
  /** Shows the article (on a narrow screen, its tab) and takes focus there. */
  onOpenArticle?: () => void;
}

interface SentenceListProps {
  id: string;
  hidden: boolean;
  article: Article;
  selected: readonly string[];
  onToggle: (sentenceId: string) => void;
  onDone: () => void;
}

/** The article's sentences as toggle buttons, section by section, for a phone-sized screen. */
function SentenceList({ id, hidden, article, selected, onToggle, onDone }: SentenceListProps) {
  const paragraphsById = new Map(article.paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  return (
    <div
      id={id}
      className="evidence-sentences"
      role="group"
      aria-label="Sentences of the article"
      hidden={hidden}
    >
      {article.sections.map((section) => (
        <div key={section.id} className="evidence-section">
          {section.heading && <p className="evidence-section-heading">{section.heading}</p>}
          <ul className="evidence-sentence-list">
            {section.paragraphIds.flatMap((paragraphId) =>
              (paragraphsById.get(paragraphId)?.sentences ?? []).map((sentence, index) => (
                <li
                  key={sentence.id}
                  className={
                    index === 0 ? 'evidence-sentence paragraph-start' : 'evidence-sentence'
                  }
                >
                  <button
                    type="button"
                    className="evidence-sentence-toggle"
                    aria-pressed={selected.includes(sentence.id)}
                    onClick={() => onToggle(sentence.id)}
                  >
                    {sentence.text}
                  </button>
                </li>
              )),
            )}
          </ul>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={onDone}>
        Done: hide the sentences
      </button>
    </div>
  );
}

/**
 * Evidence is selected in the article itself (each sentence is a toggle button there); this part
 * says what to do and lists the selection, with a way to remove each sentence. Where the article
 * is not beside the question (a phone), the article's sentences can also be shown and selected
 * right here, so the student need not switch back and forth between the question and the article.
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
  // Where the article is not beside the question, its sentences are listed here too.
  const listedHere = !useMediaQuery(WIDE_LAYOUT_QUERY);
  // Open at first while nothing is selected: choosing sentences is the whole task.
  const [listOpen, setListOpen] = useState(selected.length === 0);
  const listToggle = useRef<HTMLButtonElement>(null);

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
        {listedHere
          ? `Select the sentences that prove it, here or in the article ${articlePlace}`
          : `Select the sentences that prove it in the article ${articlePlace}`}
        : press a sentence to select it, press it again to unselect it.
      </p>
      {(listedHere || onOpenArticle) && (
        <p className="button-row evidence-actions">
          {listedHere && (
            <button
              ref={listToggle}
              type="button"
              className="button button-primary"
              aria-expanded={listOpen}
              aria-controls={`${id}-sentences`}
              onClick={() => setListOpen(!listOpen)}
            >
              {listOpen ? 'Hide the sentences' : 'Choose sentences here'}
            </button>
          )}
          {onOpenArticle && (
            <button type="button" className="button" onClick={onOpenArticle}>
              Select sentences in the article
            </button>
          )}
        </p>
      )}
      {listedHere && (
        <SentenceList
          id={`${id}-sentences`}
          hidden={!listOpen}
          article={article}
          selected={selected}
          onToggle={(sentenceId) => onChange(toggleSentence(article, selected, sentenceId))}
          onDone={() => {
            setListOpen(false);
            listToggle.current?.focus();
          }}
        />
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
