import type { Article } from '../../article';
import { JUDGEMENT_LABELS, JUDGEMENTS, type Judgement } from '../../question-kinds';
import type { AnswerType } from '../../question-types/question-type-module';
import { findSentenceByText } from './gift-context';
import type { GiftAnswer, GiftQuestion } from './gift-model';

/** Reading a question whose file does not name its Readproof type: which type its GIFT shape is. */

/** The judgement a choice's text names ("Not given", any case), if it names one. */
export function judgementOfLabel(text: string): Judgement | undefined {
  const wanted = text.trim().toLowerCase();
  return JUDGEMENTS.find((judgement) => JUDGEMENT_LABELS[judgement].toLowerCase() === wanted);
}

/** Whether a choice is True / False / Not given, in any order: a judgement written as a choice. */
export function isJudgementChoice(answer: GiftAnswer): boolean {
  if (answer.kind !== 'choice' || answer.choices.length !== JUDGEMENTS.length) return false;
  const labels = new Set(answer.choices.map((choice) => judgementOfLabel(choice.text)));
  return JUDGEMENTS.every((judgement) => labels.has(judgement));
}

/**
 * The Readproof type a GIFT question reads as, or why Readproof cannot score it. Multiple answers
 * (no `=`, only weighted `~`) whose every choice is a sentence of the article are an evidence
 * question; a blank in the text (missing word) makes a choice or short answer a cloze gap.
 */
export function inferAnswerType(
  question: Pick<GiftQuestion, 'answer' | 'tail'>,
  article: Article,
): AnswerType | { unsupported: string } {
  const { answer } = question;
  if (answer === undefined) {
    return { unsupported: 'A description (text with no answers), which Readproof does not score.' };
  }
  switch (answer.kind) {
    case 'essay':
      return { unsupported: 'An essay question ({}), which Readproof does not score.' };
    case 'true-false':
      return 'judgement';
    case 'match':
      return 'match';
    case 'numeric':
      return 'numeric';
    case 'short':
      return question.tail === undefined ? 'short' : 'cloze';
    case 'choice': {
      if (isJudgementChoice(answer)) return 'judgement';
      if (answer.choices.every((choice) => !choice.correct)) {
        const sentences = answer.choices.every(
          (choice) => findSentenceByText(article, choice.text) !== undefined,
        );
        return sentences ? 'evidence' : 'multiple';
      }
      return question.tail === undefined ? 'single' : 'cloze';
    }
  }
}
