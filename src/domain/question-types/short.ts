import { matchTypedAnswer } from '../match-typed-answer';
import { normaliseAnswer } from '../normalise-answer';
import type { ShortResponse } from '../responses';
import { scoreWhenAnswered, shareScore } from '../scorers';
import type { Path, QuestionTypeModule, RuleContext } from './question-type-module';
import type { SchemaKit } from './schema-kit';
import {
  findRepeatsWith,
  MAX_SHORT_ANSWER_LENGTH,
  readObject,
  readTypedAnswer,
  report,
} from './shared';
import { RESPONSE_DESCRIPTIONS } from './response-descriptions';
import { RESPONSE_KINDS } from './response-kinds';

export function shortBankFields({ z, text }: SchemaKit) {
  return {
    type: z.literal('short'),
    answers: z.array(text).min(1).meta({
      description:
        'Accepted answers; the first is shown as the right answer. Case, spacing, punctuation, articles and how numbers are written are ignored, and words from the evidence sentences may be added (docs/scoring.md).',
    }),
  };
}

/**
 * Accepted answers must differ once normalised, and none may be empty then: shared by `short`
 * and the typed gaps of `cloze`. `path` is the list's.
 */
export function checkAcceptedAnswers(
  context: RuleContext,
  answers: readonly string[],
  path: Path,
): void {
  const earlierOf = findRepeatsWith(normaliseAnswer);
  answers.forEach((answer, index) => {
    const answerPath = [...path, index];
    if (normaliseAnswer(answer) === '') {
      report(
        context,
        answerPath,
        `Accepted answer "${answer}" is empty once case, spacing, punctuation and articles are ignored. Write the words a student would type.`,
      );
      return;
    }
    const same = earlierOf(answer);
    if (same === undefined) return;
    report(
      context,
      answerPath,
      `Accepted answer "${answer}" is the same as "${same}" once case, spacing, punctuation, articles and how numbers are written ("2", "two", "II") are ignored. Remove it.`,
    );
  });
}

/** A typed word or phrase, matched with the accepted answers by `matchTypedAnswer`. */
export const shortType: QuestionTypeModule<'short'> = {
  type: 'short',
  bankFields: shortBankFields,
  checkRules(item, context, path) {
    checkAcceptedAnswers(context, item.answers, [...path, 'answers']);
  },
  checkResolved() {},

  responseShape: '{ "text": "<answer>" }',
  responseKeys: RESPONSE_KINDS.short.responseKeys,
  responseSchema: ({ z }) => z.strictObject({ text: z.string().max(MAX_SHORT_ANSWER_LENGTH) }),
  validateResponse(_item, value, { path }): ShortResponse {
    const response = readObject(value, shortType, { required: ['text'] }, path);
    return { text: readTypedAnswer(response.text, [...path, 'text']) };
  },
  isAnswered: RESPONSE_KINDS.short.isAnswered,

  score(item, response, context) {
    return scoreWhenAnswered(item.points, response, context, (answered) => {
      const matched =
        'text' in answered
          ? matchTypedAnswer(item.answers, answered.text, context.readEvidenceText())
          : undefined;
      if (matched !== undefined) return { ...shareScore(1, item.points), matchedAnswer: matched };
      // A teacher's acceptance only adds right answers: it never turns a bank match wrong.
      if ('text' in answered && context.isAcceptedByTeacher?.(answered.text, null) === true)
        return { ...shareScore(1, item.points), acceptedByTeacher: true as const };
      return shareScore(0, item.points);
    });
  },
  correctResponse: (item) => ({ text: item.answers[0] ?? '' }),
  acceptedAnswers: (item) => [...item.answers],
  optionFeedback: () => ({}),

  arrangeChoices: () => ({}),
  toPublic: (item) => ({ type: 'short', prompt: item.prompt, points: item.points }),
  describeResponse: RESPONSE_DESCRIPTIONS.short,

  statisticsChoices: () => [],
  chosenIds: () => [],
};
