import { formatQuantity } from '../number-words';
import type { NumericResponse } from '../responses';
import { scoreWhenAnswered, shareScore } from '../scorers';
import type { QuestionTypeModule } from './question-type-module';
import type { SchemaKit } from './schema-kit';
import { describeValue, InvalidResponse, readObject, report } from './shared';
import { RESPONSE_DESCRIPTIONS } from './response-descriptions';
import { RESPONSE_KINDS } from './response-kinds';

export function numericBankFields({ z, text }: SchemaKit) {
  return {
    type: z.literal('numeric'),
    answer: z.number().meta({ description: 'The number exactly as the article gives it.' }),
    tolerance: z.number().min(0).default(0).meta({ description: 'Accepted absolute difference.' }),
    unit: text.optional().meta({ description: 'Shown after the input, like "drones".' }),
  };
}

/**
 * Allows for binary floating point, so 1.1 is within 0.1 of 1: the noise is far below any
 * tolerance an author would write.
 */
const FLOAT_ALLOWANCE = 1e-9;

/** A number the article states, within a tolerance. */
export const numericType: QuestionTypeModule<'numeric'> = {
  type: 'numeric',
  bankFields: numericBankFields,
  checkRules(item, context, path) {
    // Numeric answers are numbers the article states; more than a tenth either way accepts guesses.
    // Dividing (not multiplying by 0.1) keeps 63 / 10 exactly 6.3.
    const limit = Math.abs(item.answer) / 10;
    if (item.tolerance <= limit) return;
    report(
      context,
      [...path, 'tolerance'],
      `A tolerance of ${item.tolerance} accepts anything from ${item.answer - item.tolerance} to ${item.answer + item.tolerance}. Keep it at most a tenth of the answer (${limit}); use 0 for a number the article states.`,
    );
  },
  checkResolved() {},

  responseShape: '{ "value": <number> }',
  responseKeys: RESPONSE_KINDS.numeric.responseKeys,
  responseSchema: ({ z }) => z.strictObject({ value: z.number() }),
  validateResponse(_item, value, { path }): NumericResponse {
    const response = readObject(value, numericType, { required: ['value'] }, path);
    const number = response.value;
    if (typeof number !== 'number') {
      throw new InvalidResponse(`"value" must be a number, not ${describeValue(number)}.`, [
        ...path,
        'value',
      ]);
    }
    if (!Number.isFinite(number)) {
      throw new InvalidResponse(`"value" must be a finite number, not ${number}.`, [
        ...path,
        'value',
      ]);
    }
    return { value: number };
  },
  isAnswered: RESPONSE_KINDS.numeric.isAnswered,

  score(item, response, context) {
    return scoreWhenAnswered(item.points, response, context, (answered) => {
      const value =
        'value' in answered && typeof answered.value === 'number' ? answered.value : NaN;
      const allowed = item.tolerance + FLOAT_ALLOWANCE * Math.max(1, Math.abs(item.answer));
      return shareScore(Math.abs(value - item.answer) <= allowed ? 1 : 0, item.points);
    });
  },
  correctResponse: (item) => ({ value: item.answer }),
  acceptedAnswers: (item) => [
    item.tolerance > 0
      ? `${item.answer} ± ${formatQuantity(item.tolerance, item.unit)}`
      : formatQuantity(item.answer, item.unit),
  ],
  optionFeedback: () => ({}),

  arrangeChoices: () => ({}),
  toPublic: (item) =>
    item.unit === undefined
      ? { type: 'numeric', prompt: item.prompt, points: item.points }
      : { type: 'numeric', prompt: item.prompt, points: item.points, unit: item.unit },
  describeResponse: RESPONSE_DESCRIPTIONS.numeric,

  statisticsChoices: () => [],
  chosenIds: () => [],
};
