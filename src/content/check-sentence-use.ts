import { MAX_QUESTIONS_PER_SENTENCE } from '../domain/content-targets';
import { listEvidenceSentenceIds, type ResolvedBank } from '../domain/resolved-bank';
import type { ContentProblem } from './content-problem';
import { problemAtPath, type YamlSource } from './yaml-source';

/** A bank that loaded without problems, with the YAML it came from to place problems in. */
export interface SourcedBank {
  bank: ResolvedBank;
  source: YamlSource;
}

interface SentenceUse {
  source: YamlSource;
  questionIndex: number;
  questionId: string;
  evidenceIndex: number;
}

/**
 * Counts, for every sentence of every article, the questions whose evidence names it, across all
 * the article's banks in reading order. Each question past `limit` gets a problem at its quote in
 * that sentence, so the editor lands on a quote to move. Banks must be problem-free: question and
 * quote indexes are then those of the file.
 */
export function checkSentenceUse(
  banks: readonly SourcedBank[],
  limit: number = MAX_QUESTIONS_PER_SENTENCE,
): ContentProblem[] {
  const uses = new Map<string, { sentenceId: string; uses: SentenceUse[] }>();
  for (const { bank, source } of banks) {
    bank.questions.forEach((question, questionIndex) => {
      for (const sentenceId of listEvidenceSentenceIds(question)) {
        const key = `${bank.articleId}#${sentenceId}`;
        const entry = uses.get(key) ?? { sentenceId, uses: [] };
        entry.uses.push({
          source,
          questionIndex,
          questionId: question.id,
          evidenceIndex: question.evidence.findIndex((quote) =>
            quote.sentenceIds.includes(sentenceId),
          ),
        });
        uses.set(key, entry);
      }
    });
  }

  const problems: ContentProblem[] = [];
  for (const { sentenceId, uses: sentenceUses } of uses.values()) {
    if (sentenceUses.length <= limit) continue;
    const ids = sentenceUses.map((use) => use.questionId).join(', ');
    for (const use of sentenceUses.slice(limit)) {
      problems.push(
        problemAtPath(
          use.source,
          ['questions', use.questionIndex, 'evidence', use.evidenceIndex],
          `Sentence ${sentenceId} is the evidence of ${sentenceUses.length} questions, more than the ${limit} allowed (${ids}). Key this question to another sentence, or take ${sentenceId} out of one of the others.`,
          { questionId: use.questionId },
        ),
      );
    }
  }
  return problems;
}
