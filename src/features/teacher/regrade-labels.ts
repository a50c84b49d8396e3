import { formatCount } from '../../domain/plural';
import type { AcceptedAnswer, TypedAnswerTally } from '../../lib/assignment-api-client';

/** Where a typed answer goes, in words: "question 3", or "gap 2 of question 3" for a cloze. */
export function describeAnswerPlace(questionNumber: number, gapNumber: number | null): string {
  return gapNumber === null
    ? `question ${questionNumber}`
    : `gap ${gapNumber} of question ${questionNumber}`;
}

/** What accepting an answer will do, for the confirm step: how many attempts it regrades. */
export function describeAcceptEffect(tally: Pick<TypedAnswerTally, 'count'>): string {
  return `This regrades the ${formatCount(tally.count, 'submitted attempt')} that gave it (and every attempt with the same answer once normalised), and any attempt submitted later with it counts it right too. You can undo it under “Regrade history”.`;
}

/** The status message after an acceptance. */
export function describeAccepted(
  answer: string,
  place: string,
  outcome: { created: boolean; attemptsRegraded: number },
): string {
  if (!outcome.created) return `“${answer}” was already accepted for ${place}; nothing changed.`;
  return `Accepted “${answer}” for ${place}: ${formatCount(outcome.attemptsRegraded, 'attempt')} regraded.`;
}

/** The status message after an acceptance is undone. */
export function describeUndone(answer: string, place: string, attemptsRegraded: number): string {
  return `Undone: “${answer}” is no longer accepted for ${place}; ${formatCount(attemptsRegraded, 'attempt')} regraded.`;
}

/** The live acceptance of a typed answer, if the teacher has accepted it and not undone it. */
export function findLiveAcceptance(
  history: readonly AcceptedAnswer[],
  tally: Pick<TypedAnswerTally, 'questionId' | 'gapId' | 'normalisedAnswer'>,
): AcceptedAnswer | undefined {
  return history.find(
    (entry) =>
      entry.revokedAt === null &&
      entry.questionId === tally.questionId &&
      entry.gapId === tally.gapId &&
      entry.normalisedAnswer === tally.normalisedAnswer,
  );
}
