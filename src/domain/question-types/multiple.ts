import type { MultipleResponse } from '../responses';
import {
  applyScoring,
  scoreWhenAnswered,
  selectionShare,
  shareScore,
  type AnswerItemOf,
} from '../scorers';
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
import { MAX_RESPONSE_IDS, type SchemaKit } from './schema-kit';
import { idsOf, readIdList, readObject } from './shared';
import { RESPONSE_DESCRIPTIONS } from './response-descriptions';
import { RESPONSE_KINDS } from './response-kinds';

export function multipleBankFields({ z, option, scoring }: SchemaKit) {
  return { type: z.literal('multiple'), options: z.array(option).min(3).max(10), scoring };
}

/**
 * The ids of the correct options, per item (a question or a part): picking them out again for
 * every response scored cost a few per cent of scoring's time, and the bank's options do not change.
 */
const keys = new WeakMap<AnswerItemOf<'multiple'>, readonly string[]>();

function readKey(item: AnswerItemOf<'multiple'>): readonly string[] {
  let key = keys.get(item);
  if (key === undefined) {
    key = item.options.filter((option) => option.correct).map((option) => option.id);
    keys.set(item, key);
  }
  return key;
}

/** Choose all that apply: right-minus-wrong over the key. */
export const multipleType: QuestionTypeModule<'multiple'> = {
  type: 'multiple',
  bankFields: multipleBankFields,
  checkRules(item, context, path) {
    checkOptions(context, 'multiple', item.options, path);
  },
  checkResolved() {},

  responseShape: '{ "choices": ["<option id>", ...] }',
  responseKeys: RESPONSE_KINDS.multiple.responseKeys,
  responseSchema: ({ z, responseId }) =>
    z.strictObject({ choices: z.array(responseId).max(MAX_RESPONSE_IDS) }),
  validateResponse(item, value, { path }): MultipleResponse {
    const ids = idsOf(item.options);
    const response = readObject(value, multipleType, { required: ['choices'] }, path);
    return {
      choices: readIdList(
        response.choices,
        [...path, 'choices'],
        (id) => ids.includes(id),
        unknownOption(ids),
      ),
    };
  },
  isAnswered: RESPONSE_KINDS.multiple.isAnswered,

  score(item, response, context) {
    return scoreWhenAnswered(item.points, response, context, (answered) => {
      const given = 'choices' in answered ? answered.choices : [];
      const chosen = new Set(given);
      // `selectionShare` counts each choice once itself, so it takes the choices as given.
      return shareScore(
        applyScoring(selectionShare(readKey(item), given), item.scoring),
        item.points,
        feedbackOf(item.options.filter((option) => chosen.has(option.id))),
      );
    });
  },
  correctResponse: (item) => ({
    choices: item.options.filter((option) => option.correct).map((option) => option.id),
  }),
  acceptedAnswers: () => [],
  optionFeedback: (item) => optionFeedbackById(item.options),

  arrangeChoices: (item, context) => arrangeOptionList(item.options, context),
  toPublic(item, context) {
    // Fields named, not spread in: a spread copy is much slower to build, once per review.
    const { prompt, points, options } = presentOptionItem(item, context);
    return { type: 'multiple', prompt, points, options };
  },
  describeResponse: RESPONSE_DESCRIPTIONS.multiple,

  statisticsChoices: (item) => optionStatistics(item.options),
  chosenIds: (_item, response) => ('choices' in response ? response.choices : []),
};
