import { normaliseAnswer } from './normalise-answer';

/**
 * A typed answer a teacher accepted for one question (and gap) of an assignment, on top of the
 * bank's accepted answers. Keyed by the normalised answer, so "RIA  novosti!" and "ria novosti"
 * are one acceptance.
 */
export interface TeacherAcceptance {
  questionId: string;
  /** The cloze gap the answer fills; null for a `short` question. */
  gapId: string | null;
  /** `normaliseAnswer` of the accepted text. */
  normalisedAnswer: string;
}

/** The key a typed answer is accepted under: `normaliseAnswer`, shared by server and client. */
export function normaliseAcceptedAnswer(text: string): string {
  return normaliseAnswer(text);
}

/**
 * Whether the teacher accepted `given` for this question and gap. An answer that normalises to
 * nothing is never accepted, so a blank answer stays unanswered.
 */
export function isAcceptedByTeacher(
  acceptances: readonly TeacherAcceptance[],
  questionId: string,
  gapId: string | null,
  given: string,
): boolean {
  const normalised = normaliseAnswer(given);
  if (normalised === '') return false;
  return acceptances.some(
    (acceptance) =>
      acceptance.questionId === questionId &&
      acceptance.gapId === gapId &&
      acceptance.normalisedAnswer === normalised,
  );
}
