import type { QuestionType, Skill } from '../domain/question-kinds';
import type { ResultStatus } from '../domain/results';

/** How each reading skill is named to students and teachers. */
export const SKILL_LABELS: Record<Skill, string> = {
  literal: 'Finding facts',
  attribution: 'Who said it',
  numeracy: 'Numbers',
  sequence: 'Order of events',
  vocabulary: 'Vocabulary',
  inference: 'Inference',
  'main-idea': 'Main idea',
};

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: 'Choose one',
  multiple: 'Choose all that apply',
  judgement: 'True, false or not given',
  numeric: 'Number',
  short: 'Short answer',
  match: 'Match',
  order: 'Put in order',
  evidence: 'Find the evidence',
  'two-part': 'Two parts',
  cloze: 'Fill the gaps',
};

/**
 * How a question went, the same words on every page (the review, the teacher's attempt page, the
 * gradebook), each with a mark to see so that colour is never the only sign.
 */
export const RESULT_STATUS_LABELS: Record<ResultStatus, { mark: string; label: string }> = {
  correct: { mark: '✓', label: 'Right' },
  partial: { mark: '½', label: 'Partly right' },
  incorrect: { mark: '✗', label: 'Wrong' },
  unanswered: { mark: '–', label: 'Not answered' },
};

/** "1 minute", "4 minutes". */
export function formatMinutes(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
