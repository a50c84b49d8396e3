import type { Article } from '../domain/article';
import {
  checkHighlight,
  fingerprintArticle,
  HIGHLIGHT_LIMITS,
  placesOverlap,
  sortHighlights,
  type Highlight,
} from '../domain/highlights';
import { readerHighlightsKey } from './reader-highlights-key';

/**
 * The highlights and notes a student made in the reader, kept in this device's localStorage:
 * per article, with the fingerprint of the article's sentences they were made on (a later version
 * of the article may number or word its sentences differently, so they are shown only on the
 * same one), and the attempts they were already copied into.
 */
interface StoredReaderHighlights {
  version: string;
  highlights: { key: string; colour: string; note: string | null }[];
  copiedTo: string[];
}

/** Attempts remembered as having received the copy; older ones are long submitted. */
const COPIED_TO_KEPT = 50;

function readStored(articleId: string): StoredReaderHighlights | undefined {
  try {
    const raw = localStorage.getItem(readerHighlightsKey(articleId));
    const stored = raw === null ? undefined : (JSON.parse(raw) as Partial<StoredReaderHighlights>);
    if (!stored || typeof stored.version !== 'string' || !Array.isArray(stored.highlights)) {
      return undefined;
    }
    return {
      version: stored.version,
      highlights: stored.highlights,
      copiedTo: Array.isArray(stored.copiedTo) ? stored.copiedTo : [],
    };
  } catch {
    // Storage refused (private mode) or an entry that is not ours: nothing kept.
    return undefined;
  }
}

function writeStored(articleId: string, stored: StoredReaderHighlights | null): void {
  try {
    const key = readerHighlightsKey(articleId);
    if (stored) localStorage.setItem(key, JSON.stringify(stored));
    else localStorage.removeItem(key);
  } catch {
    // A full or refused storage keeps what the page shows until it is closed.
  }
}

/**
 * The reader highlights kept for this version of the article, each checked again as the server
 * checks an attempt's (a stored entry is the student's own text and may have been edited).
 */
export function loadReaderHighlights(article: Article): Highlight[] {
  const stored = readStored(article.meta.id);
  if (!stored || stored.version !== fingerprintArticle(article)) return [];
  const highlights: Highlight[] = [];
  for (const { key, colour, note } of stored.highlights.slice(0, HIGHLIGHT_LIMITS.perAttempt)) {
    const check = checkHighlight(String(key), { colour, note }, article);
    if (check.ok) highlights.push(check.highlight);
  }
  return sortHighlights(highlights);
}

/** Keeps the reader's highlights for this version of the article (none: forgets them). */
export function saveReaderHighlights(article: Article, highlights: readonly Highlight[]): void {
  const version = fingerprintArticle(article);
  const previous = readStored(article.meta.id);
  if (highlights.length === 0) {
    writeStored(article.meta.id, null);
    return;
  }
  writeStored(article.meta.id, {
    version,
    highlights: highlights.map(({ key, colour, note }) => ({ key, colour, note })),
    copiedTo: previous?.version === version ? previous.copiedTo : [],
  });
}

/**
 * The reader's highlights to copy into an attempt on this version of the article, once per
 * attempt: those that do not overlap one the attempt already has, up to the attempt's limit. The
 * attempt is remembered as served, so a highlight the student then removes in the quiz stays
 * removed.
 */
export function takeReaderHighlights(
  article: Article,
  attemptId: string,
  existing: readonly Highlight[],
): Highlight[] {
  const stored = readStored(article.meta.id);
  if (!stored || stored.copiedTo.includes(attemptId)) return [];
  const taken: Highlight[] = [];
  let room = HIGHLIGHT_LIMITS.perAttempt - existing.length;
  for (const highlight of loadReaderHighlights(article)) {
    if (room <= 0) break;
    if ([...existing, ...taken].some((other) => placesOverlap(other, highlight))) continue;
    taken.push(highlight);
    room -= 1;
  }
  writeStored(article.meta.id, {
    ...stored,
    copiedTo: [...stored.copiedTo, attemptId].slice(-COPIED_TO_KEPT),
  });
  return taken;
}
