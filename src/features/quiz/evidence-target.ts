import { listSentences, type Article } from '../../domain/article';
import type { PublicQuestion } from '../../domain/public-question';
import type { EvidenceResponse, QuestionResponse } from '../../domain/responses';
import { asEvidence, asTwoPart } from '../../lib/narrow-response';
import { withPart } from './two-part-response';

/** Where the sentences a student selects in the article go, for the question on screen. */
export interface EvidenceTarget {
  selected: string[];
  /**
   * The question's new response once `sentenceId` is selected or unselected; undefined once the
   * last sentence is unselected and nothing else is answered.
   */
  toggle: (sentenceId: string) => QuestionResponse | undefined;
}

/** Sentence ids in the order they are read, whatever order they were picked in. */
function inReadingOrder(article: Article, sentenceIds: Set<string>): string[] {
  return listSentences(article)
    .map((sentence) => sentence.id)
    .filter((id) => sentenceIds.has(id));
}

/**
 * The evidence with `sentenceId` selected or unselected, in reading order; undefined when none is
 * left. Shared by the sentences in the article and the list inside an evidence question.
 */
export function toggleSentence(
  article: Article,
  selected: string[],
  sentenceId: string,
): EvidenceResponse | undefined {
  const next = new Set(selected);
  if (next.has(sentenceId)) next.delete(sentenceId);
  else next.add(sentenceId);
  return next.size > 0 ? { sentences: inReadingOrder(article, next) } : undefined;
}

/**
 * The evidence selection of a question: an evidence question's own answer, or Part B of a
 * two-part question when Part B asks for evidence. Null for every other question.
 */
export function findEvidenceTarget(
  question: PublicQuestion,
  response: QuestionResponse | undefined,
  article: Article,
): EvidenceTarget | null {
  if (question.type === 'evidence') {
    const selected = asEvidence(response)?.sentences ?? [];
    return {
      selected,
      toggle: (sentenceId) => toggleSentence(article, selected, sentenceId),
    };
  }
  if (question.type === 'two-part' && question.partB.type === 'evidence') {
    const twoPart = asTwoPart(response) ?? {};
    const selected = asEvidence(twoPart.partB)?.sentences ?? [];
    return {
      selected,
      toggle: (sentenceId) =>
        withPart(twoPart, 'partB', toggleSentence(article, selected, sentenceId)),
    };
  }
  return null;
}
