import type { LoadedContent } from '../../src/content/load-content';
import type { ResolvedBank, ResolvedQuestion } from '../../src/domain/resolved-bank';

/** Keys that only the answer key, the scorer or the review have. */
export const KEY_FIELDS = new Set([
  'correct',
  'answer',
  'answers',
  'tolerance',
  'match',
  'feedback',
  'explanation',
  'evidence',
  'correctResponse',
  'optionFeedback',
  'rightAnswer',
  'matchedAnswer',
]);

/** The paths of every key-only field in `value`, e.g. `submit.result.questions[0].explanation`. */
export function findKeyFields(value: unknown, path: string, keyFields = KEY_FIELDS): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => findKeyFields(item, `${path}[${index}]`, keyFields));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(keyFields.has(key) ? [`${path}.${key}`] : []),
    ...findKeyFields(child, `${path}.${key}`, keyFields),
  ]);
}

/**
 * Every text of a question that must stay secret until its review. A drop-down gap's answer is
 * kept apart: it is rightly shown among the gap's choices, and must appear nowhere else.
 */
export function secretTexts(question: ResolvedQuestion): {
  prose: string[];
  acceptedAnswers: string[];
  dropDownAnswers: string[];
} {
  const prose = [question.explanation];
  const acceptedAnswers: string[] = [];
  const dropDownAnswers: string[] = [];
  const collect = (item: Record<string, unknown>) => {
    if (Array.isArray(item.options)) {
      for (const option of item.options as { feedback?: string }[]) {
        if (option.feedback) prose.push(option.feedback);
      }
    }
    if (item.type === 'judgement') {
      prose.push(...Object.values(item.feedback as Record<string, string>));
    }
    if (item.type === 'short') acceptedAnswers.push(...(item.answers as string[]));
    if (item.type === 'cloze') {
      for (const gap of item.gaps as { answer?: string; answers?: string[] }[]) {
        acceptedAnswers.push(...(gap.answers ?? []));
        if (gap.answer !== undefined) dropDownAnswers.push(gap.answer);
      }
    }
  };
  collect(question);
  if (question.type === 'two-part') {
    collect(question.partA);
    collect(question.partB);
  }
  return { prose, acceptedAnswers, dropDownAnswers };
}

/**
 * The explanations and feedback of the shipped banks, and of `authored` banks (a teacher's own),
 * that appear anywhere in `body`.
 */
export function findSecretProse(
  content: LoadedContent,
  body: unknown,
  authored: readonly ResolvedBank[] = [],
): string[] {
  const text = JSON.stringify(body);
  return [...[...content.banks.values()].map(({ bank }) => bank), ...authored]
    .flatMap((bank) => bank.questions)
    .flatMap((question) => secretTexts(question).prose)
    .filter((prose) => text.includes(JSON.stringify(prose).slice(1, -1)));
}
