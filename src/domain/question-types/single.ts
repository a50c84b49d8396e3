import type { SingleResponse } from '../responses';
import { scoreWhenAnswered, shareScore } from '../scorers';
import {
  arrangeOptionList,
  checkOptions,
  feedbackOf,
  optionFeedbackById,
  optionStatistics,
  presentOptionItem,
  unknownOption,
} from './options';
import type { QuestionTypeModule } from './question-type-module';
import type { SchemaKit } from './schema-kit';
import { idsOf, InvalidResponse, readObject, readString } from './shared';
import { RESPONSE_DESCRIPTIONS } from './response-descriptions';
import { RESPONSE_KINDS } from './response-kinds';

export function singleBankFields({ z, option }: SchemaKit) {
  return { type: z.literal('single'), options: z.array(option).min(2).max(8) };
}

/** One right option among 2 to 8. */
export const singleType: QuestionTypeModule<'single'> = {
  type: 'single',
  bankFields: singleBankFields,
  checkRules(item, context, path) {
    checkOptions(context, 'single', item.options, path);
  },
  checkResolved() {},

  responseShape: '{ "choice": "<option id>" }',
  responseKeys: RESPONSE_KINDS.single.responseKeys,
  responseSchema: ({ z, responseId }) => z.strictObject({ choice: responseId }),
  validateResponse(item, value, { path }): SingleResponse {
    const ids = idsOf(item.options);
    const response = readObject(value, singleType, { required: ['choice'] }, path);
    const choice = readString(response.choice, [...path, 'choice']);
    if (!ids.includes(choice)) {
      throw new InvalidResponse(unknownOption(ids)(choice), [...path, 'choice']);
    }
    return { choice };
  },
  isAnswered: RESPONSE_KINDS.single.isAnswered,

  score(item, response, context) {
    return scoreWhenAnswered(item.points, response, context, (answered) => {
      const chosen =
        'choice' in answered
          ? item.options.find((option) => option.id === answered.choice)
          : undefined;
      return shareScore(chosen?.correct ? 1 : 0, item.points, feedbackOf(chosen ? [chosen] : []));
    });
  },
  correctResponse(item) {
    const right = item.options.find((option) => option.correct);
    // The content rules refuse such a bank; reaching this is a bug, not a student's mistake.
    if (right === undefined) throw new Error(`"${item.prompt}" has no correct option.`);
    return { choice: right.id };
  },
  acceptedAnswers: () => [],
  optionFeedback: (item) => optionFeedbackById(item.options),

  arrangeChoices: (item, context) => arrangeOptionList(item.options, context),
  toPublic(item, context) {
    // Fields named, not spread in: a spread copy is much slower to build, once per review.
    const { prompt, points, options } = presentOptionItem(item, context);
    return { type: 'single', prompt, points, options };
  },
  describeResponse: RESPONSE_DESCRIPTIONS.single,

  statisticsChoices: (item) => optionStatistics(item.options),
  chosenIds: (_item, response) => ('choice' in response ? [response.choice] : []),
};
