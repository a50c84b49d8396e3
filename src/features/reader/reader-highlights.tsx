import { useEffect, useRef, useState } from 'react';
import { ArticleView } from '../../components/article-view';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useHighlighting } from '../../components/use-highlighting';
import type { Article } from '../../domain/article';
import { sortHighlights, type Highlight } from '../../domain/highlights';
import { loadReaderHighlights, saveReaderHighlights } from '../../lib/reader-highlights';

/**
 * The reader's article with the student's highlights and notes, kept on this device
 * (lib/reader-highlights.ts) and copied into a quiz on the same article when one starts. Loaded
 * only when the student first presses "Highlight and take notes" or has highlights kept here.
 */
export function ReaderHighlights({
  article,
  startOn,
  onCleared,
}: {
  article: Article;
  /** The student pressed "Highlight and take notes": highlighting starts on, its button focused. */
  startOn: boolean;
  onCleared: () => void;
}) {
  const [highlights, setHighlights] = useState(() => loadReaderHighlights(article));
  const [confirmingClear, setConfirmingClear] = useState(false);
  const cleared = useRef(false);

  function keep(next: Highlight[]) {
    setHighlights(next);
    saveReaderHighlights(article, next);
  }

  const highlighting = useHighlighting({
    article,
    highlights,
    onSave: (highlight) =>
      keep(sortHighlights([...highlights.filter(({ key }) => key !== highlight.key), highlight])),
    onRemove: (key) => keep(highlights.filter((highlight) => highlight.key !== key)),
    allowed: true,
    startOn,
  });

  const { focusModeButton } = highlighting;
  useEffect(() => {
    // The Clear button is gone with the highlights: focus goes to the button beside it, once the
    // dialog has closed (nothing outside a modal dialog can take focus).
    if (!cleared.current) return;
    cleared.current = false;
    focusModeButton();
  });

  return (
    <div className="reader-article">
      <div className="highlight-mode">
        {highlighting.modeButton}
        {highlights.length > 0 && (
          <button
            type="button"
            className="button button-small"
            onClick={() => setConfirmingClear(true)}
          >
            Clear highlights
          </button>
        )}
      </div>
      <ArticleView
        article={article}
        headingLevel={1}
        withSettings
        renderWords={highlighting.renderWords}
        afterSentence={highlighting.afterSentence}
        selection={highlighting.selection}
        notice={highlighting.notice}
      />
      <ConfirmDialog
        open={confirmingClear}
        title="Clear your highlights?"
        confirmLabel="Clear highlights"
        onConfirm={() => {
          keep([]);
          setConfirmingClear(false);
          cleared.current = true;
          onCleared();
        }}
        onCancel={() => setConfirmingClear(false)}
      >
        <p>
          This removes the{' '}
          {highlights.length === 1 ? 'highlight' : `${highlights.length} highlights`} and notes you
          made on this article in the reader on this device. Highlights already in a quiz stay
          there.
        </p>
      </ConfirmDialog>
    </div>
  );
}
