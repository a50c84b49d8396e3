import { listSentences, type Article, type Paragraph, type Sentence } from '../../domain/article';
import { resolveEvidence } from '../../domain/evidence';
import type { EvidenceQuoteDraft } from './draft-bank';

/** The sentences each quote touches, or none for a quote the article does not hold once. */
function sentencesOfQuotes(article: Article, quotes: readonly EvidenceQuoteDraft[]): string[][] {
  return quotes.map((quote) => {
    const resolution = resolveEvidence(article, quote);
    return resolution.ok ? resolution.evidence.sentenceIds : [];
  });
}

/** The sentences the quotes name, each once, in the quotes' order: the key of an evidence question. */
export function listQuotedSentenceIds(
  article: Article,
  quotes: readonly EvidenceQuoteDraft[],
): string[] {
  return [...new Set(sentencesOfQuotes(article, quotes).flat())];
}

/** The text of the sentences the quotes name, which typed answers may borrow words from. */
export function readQuotedText(article: Article, quotes: readonly EvidenceQuoteDraft[]): string {
  const ids = new Set(listQuotedSentenceIds(article, quotes));
  return listSentences(article)
    .filter((sentence) => ids.has(sentence.id))
    .map((sentence) => sentence.text)
    .join(' ');
}

/**
 * The quote that names exactly `sentence`: its text, with the paragraph's words before it as
 * `after` when the same words appear elsewhere in the article.
 */
function quoteSentence(article: Article, sentence: Sentence): EvidenceQuoteDraft {
  const resolution = resolveEvidence(article, sentence.text);
  if (resolution.ok || sentence.start === 0) return sentence.text;
  const paragraph: Paragraph | undefined = article.paragraphs.find(
    (candidate) => candidate.id === sentence.paragraphId,
  );
  const before = paragraph?.text.slice(0, sentence.start).trim() ?? '';
  return before === '' ? sentence.text : { quote: sentence.text, after: before };
}

/**
 * The quotes with `sentenceId` named or no longer named. Unnaming it removes each quote that
 * touches it, and quotes again, whole, the other sentences such a quote touched.
 */
export function toggleSentence(
  article: Article,
  quotes: readonly EvidenceQuoteDraft[],
  sentenceId: string,
): EvidenceQuoteDraft[] {
  const touched = sentencesOfQuotes(article, quotes);
  const sentence = listSentences(article).find((candidate) => candidate.id === sentenceId);
  if (sentence === undefined) return [...quotes];
  if (!touched.some((ids) => ids.includes(sentenceId))) {
    return [...quotes, quoteSentence(article, sentence)];
  }
  const kept = quotes.filter((_, index) => !touched[index]?.includes(sentenceId));
  const stillNamed = new Set(listQuotedSentenceIds(article, kept));
  const requote = listSentences(article).filter(
    (other) =>
      other.id !== sentenceId &&
      !stillNamed.has(other.id) &&
      touched.some((ids) => ids.includes(sentenceId) && ids.includes(other.id)),
  );
  return [...kept, ...requote.map((other) => quoteSentence(article, other))];
}
