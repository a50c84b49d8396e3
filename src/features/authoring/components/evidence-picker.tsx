import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { listSentences, type Article } from '../../../domain/article';
import { fieldId, type DataPath, type EvidenceQuoteDraft } from '../draft-bank';
import { listQuotedSentenceIds, toggleSentence } from '../evidence-selection';
import { FieldProblems } from './fields';
import { useFieldProblems } from './problems-context';

function quoteText(quote: EvidenceQuoteDraft): string {
  return typeof quote === 'string' ? quote : quote.quote;
}

function QuoteRow({
  quote,
  path,
  n,
  onRemove,
}: {
  quote: EvidenceQuoteDraft;
  path: DataPath;
  n: number;
  onRemove: () => void;
}) {
  const id = fieldId(path);
  const problems = useFieldProblems(path);
  return (
    <li id={id}>
      <q>{quoteText(quote)}</q>{' '}
      <button type="button" className="button button-small button-quiet" onClick={onRemove}>
        Remove quote {n}
      </button>
      <FieldProblems id={id} messages={problems} />
    </li>
  );
}

/**
 * The article beside the editor, each sentence chosen or unchosen as evidence by a click, or from
 * the keyboard: one tab stop into the list, arrow keys between sentences, Space or Enter to
 * choose. The value is what the bank file stores, the evidence quotes.
 */
export function EvidencePicker({
  article,
  path,
  value,
  onChange,
}: {
  article: Article;
  path: DataPath;
  value: readonly EvidenceQuoteDraft[];
  onChange: (quotes: EvidenceQuoteDraft[]) => void;
}) {
  const headingId = useId();
  const listId = fieldId(path);
  const problems = useFieldProblems(path);
  const sentences = useMemo(() => listSentences(article), [article]);
  const chosen = useMemo(() => new Set(listQuotedSentenceIds(article, value)), [article, value]);
  const [active, setActive] = useState(() => sentences.find((s) => chosen.has(s.id))?.id);
  const optionId = (sentenceId: string) => `${listId}-${sentenceId.replace('.', '-')}`;
  const activeId = active ?? sentences[0]?.id;

  const moveTo = (sentenceId: string | undefined) => {
    if (sentenceId === undefined) return;
    setActive(sentenceId);
    document.getElementById(optionId(sentenceId))?.scrollIntoView({ block: 'nearest' });
  };
  const toggle = (sentenceId: string) => onChange(toggleSentence(article, value, sentenceId));

  const onKeyDown = (event: KeyboardEvent) => {
    const index = sentences.findIndex((sentence) => sentence.id === activeId);
    const next: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: sentences.length - 1,
    };
    if (event.key in next) {
      event.preventDefault();
      moveTo(sentences[Math.max(0, Math.min(sentences.length - 1, next[event.key] ?? index))]?.id);
    } else if ((event.key === ' ' || event.key === 'Enter') && activeId !== undefined) {
      event.preventDefault();
      toggle(activeId);
    }
  };

  return (
    <section className="evidence-picker" aria-labelledby={headingId}>
      <h3 id={headingId}>Evidence</h3>
      <p className="field-hint" id={`${listId}-hint`}>
        Choose the sentences that prove the answer: click them, or use the arrow keys and Space.
        {` ${chosen.size === 1 ? '1 sentence' : `${chosen.size} sentences`} chosen.`}
      </p>
      <FieldProblems id={listId} messages={problems} />
      <div
        id={listId}
        role="listbox"
        aria-multiselectable="true"
        aria-label={`Sentences of “${article.meta.title}”`}
        aria-describedby={
          problems.length > 0 ? `${listId}-hint ${listId}-problems` : `${listId}-hint`
        }
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-activedescendant={activeId === undefined ? undefined : optionId(activeId)}
        tabIndex={0}
        className="evidence-picker-article"
        onKeyDown={onKeyDown}
      >
        {article.paragraphs.map((paragraph, index) => (
          <div
            key={paragraph.id}
            role="group"
            aria-label={`Paragraph ${index + 1}`}
            className="evidence-picker-paragraph"
          >
            {paragraph.sentences.map((sentence) => {
              const selected = chosen.has(sentence.id);
              return (
                // The listbox takes the keys for its options (aria-activedescendant), so an
                // option is clicked but never focused itself.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
                <div
                  key={sentence.id}
                  id={optionId(sentence.id)}
                  role="option"
                  aria-selected={selected}
                  className="evidence-picker-sentence"
                  data-active={sentence.id === activeId || undefined}
                  onClick={() => {
                    setActive(sentence.id);
                    toggle(sentence.id);
                  }}
                >
                  {selected ? (
                    <span className="evidence-picker-mark" aria-hidden="true">
                      ✓{' '}
                    </span>
                  ) : null}
                  {sentence.text}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {value.length > 0 ? (
        <>
          <h4>Quotes in the bank file</h4>
          <ol className="evidence-picker-quotes">
            {value.map((quote, index) => (
              <QuoteRow
                // Quotes are plain text; two equal ones are a problem the validation reports.
                key={`${index}:${quoteText(quote)}`}
                quote={quote}
                path={[...path, index]}
                n={index + 1}
                onRemove={() => onChange(value.filter((_, at) => at !== index))}
              />
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
