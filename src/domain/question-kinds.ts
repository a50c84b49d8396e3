/**
 * The vocabulary of questions, kept apart from the zod schema so browser code can use it without
 * bundling zod.
 */

export const SKILLS = [
  'literal',
  'attribution',
  'numeracy',
  'sequence',
  'vocabulary',
  'inference',
  'main-idea',
] as const;
export type Skill = (typeof SKILLS)[number];

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'judgement',
  'numeric',
  'short',
  'match',
  'order',
  'evidence',
  'two-part',
  'cloze',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const JUDGEMENTS = ['true', 'false', 'not-given'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

/** How a judgement reads to a person. */
export const JUDGEMENT_LABELS: Record<Judgement, string> = {
  true: 'True',
  false: 'False',
  'not-given': 'Not given',
};
