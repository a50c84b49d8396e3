import type { Article } from './article';
import type { EvidenceQuote } from './question-schema';

/** A quote found in the article: where it is, and which sentences it touches. */
export interface ResolvedEvidence {
  quote: string;
  paragraphId: string;
  /** Offsets of the quote in the paragraph's text; `end` is exclusive. */
  start: number;
  end: number;
  /** The sentences the quote overlaps, in reading order. */
  sentenceIds: string[];
}

export type EvidenceResolution =
  | { ok: true; evidence: ResolvedEvidence }
  | { ok: false; reason: 'not-found' | 'context-not-found'; message: string }
  | { ok: false; reason: 'ambiguous'; message: string; paragraphIds: string[] };

/**
 * Typographic quotes and apostrophes are matched to their straight forms, so an author who types
 * `Moscow's` finds `Moscow’s`. Each replacement is one character for one, so offsets in the
 * normalised text are offsets in the original.
 */
export function normaliseQuotes(text: string): string {
  return text.replace(/[‘’‛′]/g, "'").replace(/[“”„″]/g, '"');
}

function occurrences(haystack: string, needle: string, from = 0): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle, from); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

function quoteParts(quote: EvidenceQuote): { quote: string; after?: string } {
  return typeof quote === 'string' ? { quote } : quote;
}

/**
 * Finds an evidence quote in the article. The quote must occur exactly once, within one paragraph;
 * `after` narrows the search to the first occurrence that follows that text in the same paragraph.
 */
export function resolveEvidence(
  article: Article,
  evidenceQuote: EvidenceQuote,
): EvidenceResolution {
  const { quote, after } = quoteParts(evidenceQuote);
  const needle = normaliseQuotes(quote.trim().replace(/\s+/g, ' '));
  const matches: { paragraphId: string; start: number }[] = [];
  let contextSeen = false;

  for (const paragraph of article.paragraphs) {
    const haystack = normaliseQuotes(paragraph.text);
    if (after === undefined) {
      for (const start of occurrences(haystack, needle))
        matches.push({ paragraphId: paragraph.id, start });
      continue;
    }
    const context = normaliseQuotes(after.trim().replace(/\s+/g, ' '));
    const starts = new Set<number>();
    for (const contextStart of occurrences(haystack, context)) {
      contextSeen = true;
      const start = haystack.indexOf(needle, contextStart + context.length);
      if (start !== -1) starts.add(start);
    }
    for (const start of starts) matches.push({ paragraphId: paragraph.id, start });
  }

  if (after !== undefined && !contextSeen) {
    return {
      ok: false,
      reason: 'context-not-found',
      message: `The context "${after}" given in "after" is not in the article.`,
    };
  }
  const [match, ...others] = matches;
  if (!match) {
    return {
      ok: false,
      reason: 'not-found',
      message: `The quote "${quote}" is not in the article${after === undefined ? '' : ` after "${after}"`}. Copy it exactly from one paragraph.`,
    };
  }
  if (others.length > 0) {
    return {
      ok: false,
      reason: 'ambiguous',
      message: `The quote "${quote}" appears ${matches.length} times (in ${matches.map((m) => m.paragraphId).join(', ')}). Lengthen it or add "after" with the words before the one you mean.`,
      paragraphIds: matches.map((m) => m.paragraphId),
    };
  }

  const paragraph = article.paragraphs.find((candidate) => candidate.id === match.paragraphId);
  const end = match.start + needle.length;
  const sentenceIds = (paragraph?.sentences ?? [])
    .filter((sentence) => sentence.start < end && sentence.end > match.start)
    .map((sentence) => sentence.id);
  return {
    ok: true,
    evidence: {
      quote: paragraph?.text.slice(match.start, end) ?? quote,
      paragraphId: match.paragraphId,
      start: match.start,
      end,
      sentenceIds,
    },
  };
}
