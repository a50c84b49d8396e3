/**
 * How widely the questions of an article may lean on one of its sentences. When one sentence is
 * the evidence of many questions, the banks test that sentence over and over and leave the rest of
 * the article untested; `npm run check:content` reports every question past this limit.
 */
export const MAX_QUESTIONS_PER_SENTENCE = 10;

/**
 * What the shipped banks are held to (issue 12), checked by tests/content: enough questions, of
 * every type and of the hardest level, real inference across sentences, and "not given" statements.
 */
export const SHIPPED_CONTENT_TARGETS = {
  minQuestions: 80,
  minQuestionsPerType: 5,
  /** Questions at difficulty 3. */
  minHardest: 15,
  /** Questions whose skill is `inference` and whose evidence names two or more sentences. */
  minInferenceAcrossSentences: 10,
  /** `judgement` questions (or two-part Part As) whose answer is `not-given`. */
  minNotGiven: 6,
} as const;
