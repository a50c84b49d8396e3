import {
  Fragment,
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Article, ArticleOrigin as Origin, Sentence } from '../domain/article';
import type { GlossaryEntry } from '../domain/glossary';
import { formatMinutes } from '../lib/labels';
import { READING_SETTINGS_KEY } from './reading-settings-key';
import './article-view.css';

/** The settings' code, panel and store in one chunk: loaded on first use only. */
const loadReadingSettings = () => import('./reading-settings-panel');
const ReadingSettingsPanel = lazy(() =>
  loadReadingSettings().then(({ ReadingSettingsPanel }) => ({ default: ReadingSettingsPanel })),
);

/** Read-aloud's player, engine and store in one chunk: loaded when the Listen button is pressed. */
const ReadAloudPlayer = lazy(() =>
  import('./read-aloud-player').then((module) => ({ default: module.ReadAloudPlayer })),
);

/** A glossary definition's popover: loaded when a term is first opened. */
const GlossaryPopover = lazy(() =>
  import('./glossary-popover').then((module) => ({ default: module.GlossaryPopover })),
);

/** The article's glossary, the term open (its button's id) and how to open or close one. */
interface Glossary {
  entries: GlossaryEntry[];
  open: string | undefined;
  toggle: (termId?: string) => void;
}

/**
 * A sentence's text, from `from` to `to`, with its glossary terms as buttons, each opening its
 * definition just after it, inside the sentence's element (a term stays in its sentence, for
 * highlighting and read-aloud); a term cut by either end is plain text there. Ids come from the
 * sentence, so the server's HTML and the browser's match.
 */
function sentenceWords(
  { id, text, terms }: Sentence,
  glossary?: Glossary,
  from = 0,
  to = text.length,
): ReactNode {
  if (!glossary || !terms) return text.slice(from, to);
  let at = from;
  const inside = terms.filter(({ start, end }) => start >= from && end <= to);
  const words: ReactNode[] = inside.flatMap(({ start, end, entry }) => {
    const termId = `term-${id}-${start}`;
    const open = glossary.open === termId;
    const before = text.slice(at, start);
    at = end;
    return [
      before,
      <button
        key={termId}
        type="button"
        id={termId}
        className="glossary-term"
        aria-expanded={open}
        aria-controls={open ? `${termId}-definition` : undefined}
        onClick={() => glossary.toggle(open ? undefined : termId)}
      >
        {text.slice(start, end)}
      </button>,
      open && (
        <Suspense key="definition">
          <GlossaryPopover
            termId={termId}
            entry={glossary.entries[entry]}
            onClose={glossary.toggle}
          />
        </Suspense>
      ),
    ];
  });
  words.push(text.slice(at, to));
  return words;
}

/** A sentence's words as the article shows them, whole or in part (for a student's marks). */
export interface SentenceWords {
  all: ReactNode;
  /** The words from `start` to `end`, offsets in the sentence's text. */
  between: (start: number, end: number) => ReactNode;
}

function wordsOf(sentence: Sentence, glossary?: Glossary): SentenceWords {
  return {
    all: sentenceWords(sentence, glossary),
    between: (start, end) => sentenceWords(sentence, glossary, start, end),
  };
}

/**
 * A button over the article that opens a tool below it (reading settings, read-aloud), whose code
 * loads on first opening. Closing a tool unmounts it (read-aloud stops reading).
 */
function ArticleTool({
  label,
  className,
  onOpen,
  children,
}: {
  label: string;
  className: string;
  onOpen?: () => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={className}>
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          setOpen(!open);
          onOpen?.();
        }}
      >
        {label}
      </button>
      <div id={id}>
        {open && <Suspense fallback={<p className="muted">Loading…</p>}>{children}</Suspense>}
      </div>
    </div>
  );
}

/**
 * Sets the article's element for this device's reading settings, once the page has been
 * hydrated (the server's HTML is the standard setting, and the content security policy allows no
 * inline script to set it earlier). The settings' code loads only when settings are stored or the
 * panel has been opened, so a reader who never uses them never downloads it.
 */
function useArticleSettings(wanted: boolean) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!wanted && localStorage.getItem(READING_SETTINGS_KEY) === null) return;
    let detach: (() => void) | undefined;
    let stopped = false;
    void loadReadingSettings().then(({ attachReadingSettings }) => {
      if (!stopped && ref.current) detach = attachReadingSettings(ref.current);
    });
    return () => {
      stopped = true;
      detach?.();
    };
  }, [wanted]);
  return ref;
}

/** The DOM id of a sentence's element, so a page can scroll to it and focus it. */
export function sentenceElementId(sentenceId: string): string {
  return `sentence-${sentenceId}`;
}

export interface SentenceSelection {
  selected: ReadonlySet<string>;
  onToggle: (sentenceId: string) => void;
}

interface ArticleViewProps {
  article: Article;
  /** The level of the article's title; section headings take the next one. */
  headingLevel: 1 | 2;
  /** Turns each sentence into a toggle button, for evidence questions. */
  selection?: SentenceSelection;
  /** Sentences to mark, such as the evidence of a reviewed question; they can take focus. */
  highlighted?: ReadonlySet<string>;
  /**
   * Sentences hidden behind a placeholder, such as the sentence a cloze question on screen is
   * copied from (it holds the gaps' answers word for word).
   */
  masked?: ReadonlySet<string>;
  /** A short line shown above the text (instructions for selecting). */
  notice?: ReactNode;
  /**
   * Shown right after the last highlighted sentence, so it comes next in reading and tab order
   * (a "Back to question" button).
   */
  afterHighlight?: ReactNode;
  /**
   * Shows the "Reading settings" and "Listen" buttons (reader, quiz, review); stored settings
   * apply anyway.
   */
  withSettings?: boolean;
  /** Draws marks on a sentence's words (a student's highlights); the sentence stays one element. */
  renderWords?: (sentence: Sentence, words: SentenceWords) => ReactNode;
  /** Shown right after each sentence (a student's note, the highlight toolbar). */
  afterSentence?: (sentence: Sentence) => ReactNode;
}

function SentenceText({
  sentence,
  selection,
  highlighted,
  masked,
  glossary,
  renderWords = (_sentence, words) => words.all,
}: {
  sentence: Sentence;
  selection?: SentenceSelection;
  highlighted: boolean;
  masked: boolean;
  glossary?: Glossary;
  renderWords?: ArticleViewProps['renderWords'];
}) {
  const common = { id: sentenceElementId(sentence.id), 'data-sentence-id': sentence.id };
  if (masked) {
    return (
      <span {...common} className="sentence sentence-masked">
        [A sentence is hidden here while you fill the gaps.]
      </span>
    );
  }
  if (selection) {
    const pressed = selection.selected.has(sentence.id);
    return (
      <button
        {...common}
        type="button"
        className="sentence sentence-toggle"
        aria-pressed={pressed}
        onClick={() => selection.onToggle(sentence.id)}
      >
        {/* No glossary buttons inside a button. */}
        {renderWords(sentence, wordsOf(sentence))}
      </button>
    );
  }
  if (highlighted) {
    return (
      <mark {...common} className="sentence sentence-highlight" tabIndex={-1}>
        {renderWords(sentence, wordsOf(sentence, glossary))}
      </mark>
    );
  }
  return (
    <span {...common} className="sentence">
      {renderWords(sentence, wordsOf(sentence, glossary))}
    </span>
  );
}

/** Where the text comes from, as its author gave it: publication, date, licence, a link. */
function ArticleOrigin({ origin }: { origin: Origin }) {
  const { publication, date, licence, url } = origin;
  const from = [publication, date].filter(Boolean).join(', ');
  return (
    <p className="article-origin">
      {from && `From ${from}. `}
      {licence && `Licence: ${licence}. `}
      {/* The schema allows only http(s) links; checked again so no other scheme becomes a link. */}
      {url && /^https?:\/\//i.test(url) && <a href={url}>The original</a>}
    </p>
  );
}

/**
 * An article set for reading: title, sources, reading time and sections, with every sentence an
 * element of its own (`sentence-p8.s2`) so it can be selected as evidence or highlighted, and the
 * glossary's terms as buttons that open their definitions (not in evidence toggles).
 */
export function ArticleView({
  article,
  headingLevel,
  selection,
  highlighted,
  masked,
  notice,
  afterHighlight,
  withSettings = false,
  renderWords,
  afterSentence,
}: ArticleViewProps) {
  const [settingsWanted, setSettingsWanted] = useState(false);
  const [openTerm, setOpenTerm] = useState<string>();
  const glossary = article.meta.glossary && {
    entries: article.meta.glossary,
    open: openTerm,
    toggle: setOpenTerm,
  };
  const articleRef = useArticleSettings(settingsWanted);
  const TitleTag = headingLevel === 1 ? 'h1' : 'h2';
  const SectionTag = headingLevel === 1 ? 'h2' : 'h3';
  const paragraphsById = new Map(article.paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  const titleId = `article-title-${article.meta.id}`;
  const lastHighlighted = highlighted
    ? article.paragraphs
        .flatMap((paragraph) => paragraph.sentences)
        .findLast((sentence) => highlighted.has(sentence.id))?.id
    : undefined;

  return (
    <article className="article-view" aria-labelledby={titleId} ref={articleRef}>
      <header className="article-header">
        <p className="article-kicker">{article.meta.genre}</p>
        <TitleTag id={titleId} className="article-title">
          {article.meta.title}
        </TitleTag>
        <p className="article-meta">
          {formatMinutes(article.readingMinutes)} to read · {article.wordCount} words
        </p>
        {article.meta.origin && <ArticleOrigin origin={article.meta.origin} />}
        <div className="article-sources">
          <p className="article-sources-label">Sources named in the article</p>
          <ul>
            {article.meta.sources.map((source) => (
              <li key={source}>{source}</li>
            ))}
          </ul>
        </div>
        <p className="article-note">{article.meta.note}</p>
        {withSettings && (
          <div className="article-tools">
            <ArticleTool
              label="Reading settings"
              className="reading-settings"
              onOpen={() => setSettingsWanted(true)}
            >
              <ReadingSettingsPanel />
            </ArticleTool>
            <ArticleTool label="Listen" className="read-aloud">
              <ReadAloudPlayer article={article} masked={masked} />
            </ArticleTool>
          </div>
        )}
      </header>
      {notice}
      <div className="article-body">
        {article.sections.map((section) => (
          <section
            key={section.id}
            aria-labelledby={section.heading ? `section-${section.id}` : undefined}
          >
            {section.heading && (
              <SectionTag id={`section-${section.id}`}>{section.heading}</SectionTag>
            )}
            {section.paragraphIds.map((paragraphId) => {
              const paragraph = paragraphsById.get(paragraphId);
              if (!paragraph) return null;
              return (
                <p
                  key={paragraph.id}
                  id={`paragraph-${paragraph.id}`}
                  data-paragraph-id={paragraph.id}
                >
                  {paragraph.sentences.map((sentence, index) => (
                    <Fragment key={sentence.id}>
                      {index > 0 && ' '}
                      <SentenceText
                        sentence={sentence}
                        selection={selection}
                        highlighted={highlighted?.has(sentence.id) ?? false}
                        masked={masked?.has(sentence.id) ?? false}
                        glossary={glossary}
                        renderWords={renderWords}
                      />
                      {afterSentence?.(sentence)}
                      {sentence.id === lastHighlighted && afterHighlight}
                    </Fragment>
                  ))}
                </p>
              );
            })}
          </section>
        ))}
      </div>
    </article>
  );
}
