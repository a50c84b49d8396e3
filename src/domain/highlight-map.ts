import type { Article } from './article';
import { listEvidenceSentenceIds, type ResolvedQuestion } from './resolved-bank';

/**
 * The class's highlights over an article, sentence by sentence, beside the sentences the
 * questions use as evidence: what the teacher's statistics page draws as a heat map. A pure
 * function of plain data; which attempts count is the caller's choice.
 */

/** An attempt looked at, with the sentences it highlighted (wholly or in part: both count). */
export interface HighlightingAttempt {
  /** What groups a student's attempts (the name ignoring case and spacing). */
  studentKey: string;
  sentenceIds: readonly string[];
}

export interface SentenceHeat {
  id: string;
  text: string;
  /** Distinct students who highlighted this sentence, or part of it, at least once. */
  studentCount: number;
  /** The questions (numbered from 1 in the order given) whose evidence includes this sentence. */
  questionNumbers: number[];
}

export interface ParagraphHeat {
  id: string;
  sentences: SentenceHeat[];
}

export interface SectionHeat {
  id: string;
  heading: string | null;
  paragraphs: ParagraphHeat[];
}

export interface HighlightMap {
  /** Distinct students among the attempts looked at: what each sentence's count is out of. */
  studentCount: number;
  /** Of those, the students who highlighted anything in the article. */
  highlighterCount: number;
  sections: SectionHeat[];
}

/**
 * Counts, for every sentence of the article, the distinct students who highlighted it and the
 * questions that use it as evidence. A student with several attempts, or several highlights in
 * one sentence, counts once for it; a student who highlighted nothing still counts in
 * `studentCount`. Highlights on sentences the article does not have are left out.
 */
export function mapClassHighlights({
  article,
  questions,
  attempts,
}: {
  article: Article;
  questions: readonly Pick<ResolvedQuestion, 'evidence'>[];
  attempts: readonly HighlightingAttempt[];
}): HighlightMap {
  const studentsBySentence = new Map<string, Set<string>>();
  const highlighters = new Set<string>();
  const sentenceIds = new Set(
    article.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.id)),
  );
  for (const { studentKey, sentenceIds: highlighted } of attempts) {
    for (const sentenceId of highlighted) {
      if (!sentenceIds.has(sentenceId)) continue;
      highlighters.add(studentKey);
      const students = studentsBySentence.get(sentenceId) ?? new Set<string>();
      students.add(studentKey);
      studentsBySentence.set(sentenceId, students);
    }
  }
  const questionsBySentence = new Map<string, number[]>();
  questions.forEach((question, index) => {
    for (const sentenceId of listEvidenceSentenceIds(question)) {
      questionsBySentence.set(sentenceId, [
        ...(questionsBySentence.get(sentenceId) ?? []),
        index + 1,
      ]);
    }
  });
  const paragraphsById = new Map(article.paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  return {
    studentCount: new Set(attempts.map((attempt) => attempt.studentKey)).size,
    highlighterCount: highlighters.size,
    sections: article.sections.map((section) => ({
      id: section.id,
      heading: section.heading,
      paragraphs: section.paragraphIds.flatMap((paragraphId) => {
        const paragraph = paragraphsById.get(paragraphId);
        if (!paragraph) return [];
        return [
          {
            id: paragraph.id,
            sentences: paragraph.sentences.map((sentence) => ({
              id: sentence.id,
              text: sentence.text,
              studentCount: studentsBySentence.get(sentence.id)?.size ?? 0,
              questionNumbers: questionsBySentence.get(sentence.id) ?? [],
            })),
          },
        ];
      }),
    })),
  };
}
