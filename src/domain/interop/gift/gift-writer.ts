import type { GiftAnswer, GiftChoice, GiftNumber, GiftQuestion } from './gift-model';
import { escapeGift, formatGiftNumber } from './gift-text';

/**
 * Writes GIFT questions: every text escaped and marked `[plain]` (Readproof's texts are plain, so
 * Moodle must not read a `<` in them as HTML), one answer to a line for a teacher who reads the file.
 */

/** A weight as Moodle lists its grades: at most five decimals (33.33333). */
function formatWeight(weight: number): string {
  return `%${formatGiftNumber(Math.round(weight * 100000) / 100000)}%`;
}

function writeChoice(choice: GiftChoice): string {
  const weight = choice.weight === undefined ? '' : formatWeight(choice.weight);
  const feedback = choice.feedback === undefined ? '' : ` #${escapeGift(choice.feedback)}`;
  return `${choice.correct ? '=' : '~'}${weight}${escapeGift(choice.text)}${feedback}`;
}

function writeNumber(answer: GiftNumber): string {
  const weight = answer.weight === undefined ? '' : formatWeight(answer.weight);
  const feedback = answer.feedback === undefined ? '' : ` #${escapeGift(answer.feedback)}`;
  return `=${weight}${formatGiftNumber(answer.value)}:${formatGiftNumber(answer.tolerance)}${feedback}`;
}

/** The lines between the braces. */
function writeAnswerLines(answer: GiftAnswer): string[] {
  switch (answer.kind) {
    case 'choice':
      return answer.choices.map(writeChoice);
    case 'short':
      return answer.answers.map(writeChoice);
    case 'numeric': {
      const [only, ...others] = answer.answers;
      // One answer is written in the short form every GIFT reader knows: `{#value:tolerance}`.
      if (
        only !== undefined &&
        others.length === 0 &&
        only.weight === undefined &&
        only.feedback === undefined
      ) {
        return [`#${formatGiftNumber(only.value)}:${formatGiftNumber(only.tolerance)}`];
      }
      return ['#', ...answer.answers.map(writeNumber)];
    }
    case 'match':
      return answer.pairs.map((pair) => `=${escapeGift(pair.left)} -> ${escapeGift(pair.right)}`);
    case 'true-false': {
      // Moodle's order: the feedback for a wrong answer first, then for a right one.
      const parts = [answer.value ? 'TRUE' : 'FALSE'];
      if (answer.wrongFeedback !== undefined || answer.rightFeedback !== undefined) {
        parts.push(escapeGift(answer.wrongFeedback ?? ''));
      }
      if (answer.rightFeedback !== undefined) parts.push(escapeGift(answer.rightFeedback));
      return [parts.join('#')];
    }
    case 'essay':
      return [];
  }
}

/** One question (or description), with its comment lines, as GIFT text without a trailing blank line. */
export function writeGiftQuestion(question: GiftQuestion): string {
  const lines = question.comments.map((comment) => `// ${comment}`);
  const title = question.title === undefined ? '' : `::${escapeGift(question.title)}::`;
  const stem = `${title}[plain] ${escapeGift(question.stem)}`;
  if (question.answer === undefined) return [...lines, stem].join('\n');
  const body = writeAnswerLines(question.answer);
  if (question.generalFeedback !== undefined)
    body.push(`####${escapeGift(question.generalFeedback)}`);
  // A missing-word question keeps its answers inline, exactly where the blank is.
  if (question.tail !== undefined) {
    return [...lines, `${stem}{${body.join(' ')}}${escapeGift(question.tail)}`].join('\n');
  }
  return [...lines, `${stem} {`, ...body.map((line) => `\t${line}`), '}'].join('\n');
}

/** A `$CATEGORY:` line: a `/` in a name is doubled, as Moodle writes it. */
export function writeGiftCategory(name: string): string {
  return `$CATEGORY: $course$/top/${name.replace(/\//g, '//')}`;
}
