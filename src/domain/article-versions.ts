import type { Article } from './article';
import { resolveEvidence, type EvidenceResolution } from './evidence';
import type { EvidenceQuote } from './question-schema';

/** One evidence quote of a question that the new version of the article does not resolve. */
export interface UnresolvedQuote {
  /** Its place in the question's `evidence` list. */
  quoteIndex: number;
  quote: EvidenceQuote;
  /** Gone from the text, its `after` context gone, or now found in more than one place. */
  reason: Extract<EvidenceResolution, { ok: false }>['reason'];
  /** What is wrong and what to do, in the words `check:content` uses. */
  message: string;
  /** Its path in the bank, `['questions', 3, 'evidence', 0]`, to place it beside the field. */
  path: ['questions', number, 'evidence', number];
}

export interface QuestionWithUnresolvedEvidence {
  questionId: string;
  questionIndex: number;
  quotes: UnresolvedQuote[];
}

/**
 * The questions of a bank whose evidence quotes no longer resolve against a new version of its
 * article, in bank order, each with the quotes that fail and why: what a teacher must fix before
 * the bank can be published on the new text. Questions whose quotes all resolve are left out,
 * even when the sentences they land on are numbered differently now (sentence ids are derived
 * from the quotes, so they follow the text). Takes only each question's id and evidence, so a
 * draft whose other fields are still wrong can be checked too.
 */
export function questionsWithUnresolvedEvidence(
  bank: { questions: readonly { id: string; evidence: readonly EvidenceQuote[] }[] },
  article: Article,
): QuestionWithUnresolvedEvidence[] {
  return bank.questions.flatMap((question, questionIndex) => {
    const quotes = question.evidence.flatMap((quote, quoteIndex): UnresolvedQuote[] => {
      const resolution = resolveEvidence(article, quote);
      if (resolution.ok) return [];
      return [
        {
          quoteIndex,
          quote,
          reason: resolution.reason,
          message: resolution.message,
          path: ['questions', questionIndex, 'evidence', quoteIndex],
        },
      ];
    });
    return quotes.length === 0 ? [] : [{ questionId: question.id, questionIndex, quotes }];
  });
}
