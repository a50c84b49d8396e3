import type { QuestionType } from '../domain/question-kinds';
import type { ResultStatus } from '../domain/results';

// Apart from labels.ts, whose skill names and minutes the reader's first load needs: the quiz,
// review and teacher pages use these, and the reader page does not have to download them.

/** How each question type is named to students and teachers. */
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
