import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export type Pane = 'question' | 'article';

const PANES: { id: Pane; label: string }[] = [
  { id: 'question', label: 'Question' },
  { id: 'article', label: 'Article' },
];

/** On narrow screens, the question and the article as two tabs (ARIA tabs, arrow keys switch). */
export function PaneTabs({
  pane,
  onSelect,
  question,
  article,
}: {
  pane: Pane;
  onSelect: (pane: Pane) => void;
  question: ReactNode;
  article: ReactNode;
}) {
  const tabRefs = useRef<Record<Pane, HTMLButtonElement | null>>({ question: null, article: null });
  const contents: Record<Pane, ReactNode> = { question, article };

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const other: Pane = pane === 'question' ? 'article' : 'question';
    const target: Pane =
      event.key === 'Home' ? 'question' : event.key === 'End' ? 'article' : other;
    onSelect(target);
    tabRefs.current[target]?.focus();
  }

  return (
    <div className="quiz-tabs">
      <div role="tablist" aria-label="Show" className="tab-list">
        {PANES.map(({ id, label }) => (
          <button
            key={id}
            ref={(element) => {
              tabRefs.current[id] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            className="tab"
            aria-selected={pane === id}
            aria-controls={`panel-${id}`}
            tabIndex={pane === id ? 0 : -1}
            onClick={() => onSelect(id)}
            onKeyDown={onKeyDown}
          >
            {label}
          </button>
        ))}
      </div>
      {PANES.map(({ id }) => (
        <div
          key={id}
          role="tabpanel"
          id={`panel-${id}`}
          aria-labelledby={`tab-${id}`}
          hidden={pane !== id}
        >
          {contents[id]}
        </div>
      ))}
    </div>
  );
}
