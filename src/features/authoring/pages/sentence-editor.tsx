import { Fragment, useId, useRef, useState } from 'react';
import type { Article, Paragraph } from '../../../domain/article';
import {
  mergeCorrection,
  splitCorrection,
  type SentenceCorrection,
} from '../../../domain/sentence-corrections';

/** The words of a sentence after its first, each with where it starts in the paragraph. */
function wordsAfterFirst(paragraph: Paragraph, sentenceIndex: number) {
  const sentence = paragraph.sentences[sentenceIndex];
  if (!sentence) return [];
  const words = [...sentence.text.matchAll(/\S+/g)];
  return words.slice(1).map((match, index) => ({
    offset: sentence.start + match.index,
    label: `${words[index]?.[0] ?? ''} | ${match[0]}`,
  }));
}

function SplitForm({
  paragraph,
  sentenceIndex,
  onSplit,
  onCancel,
}: {
  paragraph: Paragraph;
  sentenceIndex: number;
  onSplit: (correction: SentenceCorrection) => void;
  onCancel: () => void;
}) {
  const selectId = useId();
  const words = wordsAfterFirst(paragraph, sentenceIndex);
  const [offset, setOffset] = useState(words[0]?.offset ?? 0);
  const correction = splitCorrection(paragraph, offset);
  return (
    <span className="split-form" role="group" aria-label={`Split sentence ${sentenceIndex + 1}`}>
      <label htmlFor={selectId}>Start a new sentence between</label>
      <select
        id={selectId}
        className="select-input"
        value={offset}
        // The form opens on this choice, which is what the teacher came for.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        onChange={(event) => setOffset(Number(event.target.value))}
      >
        {words.map((word) => (
          <option key={word.offset} value={word.offset}>
            {word.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-small"
        disabled={!correction}
        onClick={() => correction && onSplit(correction)}
      >
        Split here
      </button>
      <button type="button" className="button button-small button-quiet" onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}

function describeCorrection(correction: SentenceCorrection): string {
  const where = `“${correction.before} | ${correction.after}” in paragraph ${correction.paragraph.slice(1)}`;
  return correction.action === 'merge' ? `Merged at ${where}` : `Split at ${where}`;
}

/**
 * The article as the splitter (and the teacher's corrections) cut it: each paragraph's sentences,
 * with a button between two sentences to merge them and one on each sentence to split it. Each
 * change is a correction added to the front matter (`onChange`), which the next save applies.
 */
export function SentenceEditor({
  article,
  corrections,
  onChange,
}: {
  article: Article;
  corrections: readonly SentenceCorrection[];
  onChange: (corrections: SentenceCorrection[]) => void;
}) {
  const [splitting, setSplitting] = useState<string | null>(null);
  const paragraphRefs = useRef(new Map<string, HTMLElement>());
  const add = (paragraphId: string, correction: SentenceCorrection | undefined) => {
    if (!correction) return;
    onChange([...corrections, correction]);
    setSplitting(null);
    // The button pressed goes once the draft is saved; the paragraph keeps the teacher's place.
    paragraphRefs.current.get(paragraphId)?.focus();
  };

  return (
    <>
      <ol className="sentence-paragraphs">
        {article.paragraphs.map((paragraph, paragraphIndex) => (
          <li
            key={paragraph.id}
            className="sentence-paragraph"
            tabIndex={-1}
            aria-label={`Paragraph ${paragraphIndex + 1}`}
            ref={(element) => {
              if (element) paragraphRefs.current.set(paragraph.id, element);
              else paragraphRefs.current.delete(paragraph.id);
            }}
          >
            {paragraph.sentences.map((sentence, index) => (
              <Fragment key={sentence.id}>
                <span className="sentence-item">
                  <span className="sentence-text">{sentence.text}</span>{' '}
                  {splitting === sentence.id ? (
                    <SplitForm
                      paragraph={paragraph}
                      sentenceIndex={index}
                      onSplit={(correction) => add(paragraph.id, correction)}
                      onCancel={() => setSplitting(null)}
                    />
                  ) : (
                    wordsAfterFirst(paragraph, index).length > 0 && (
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        aria-label={`Split sentence ${index + 1} of paragraph ${paragraphIndex + 1}`}
                        onClick={() => setSplitting(sentence.id)}
                      >
                        Split
                      </button>
                    )
                  )}
                </span>
                {index < paragraph.sentences.length - 1 && (
                  <button
                    type="button"
                    className="button button-small sentence-merge"
                    aria-label={`Merge sentences ${index + 1} and ${index + 2} of paragraph ${paragraphIndex + 1}`}
                    onClick={() => add(paragraph.id, mergeCorrection(paragraph, index))}
                  >
                    Merge
                  </button>
                )}
              </Fragment>
            ))}
          </li>
        ))}
      </ol>
      {corrections.length > 0 && (
        <>
          <h3>Your corrections</h3>
          <ul className="authoring-list">
            {corrections.map((correction, index) => (
              <li key={`${index}:${correction.paragraph}:${correction.before}`}>
                {describeCorrection(correction)}{' '}
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`Undo correction ${index + 1}: ${describeCorrection(correction)}`}
                  onClick={() => onChange(corrections.filter((_, at) => at !== index))}
                >
                  Undo
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
