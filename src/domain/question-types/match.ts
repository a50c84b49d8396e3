import type { MatchResponse } from '../responses';
import { applyScoring, scoreWhenAnswered, shareScore } from '../scorers';
import { shuffle } from '../seeded-random';
import type { QuestionTypeModule } from './question-type-module';
import { MAX_RESPONSE_IDS, type SchemaKit } from './schema-kit';
import {
  checkUniqueItemIds,
  describeValue,
  idsOf,
  InvalidResponse,
  isRecord,
  presentChoices,
  quoted,
  readObject,
  readString,
  report,
} from './shared';
import { RESPONSE_DESCRIPTIONS } from './response-descriptions';
import { RESPONSE_KINDS } from './response-kinds';

export function matchBankFields({ z, slug, text, scoring }: SchemaKit) {
  return {
    type: z.literal('match'),
    left: z
      .array(
        z.strictObject({
          id: slug,
          text,
          match: slug.meta({ description: 'The id of its partner in right.' }),
        }),
      )
      .min(3)
      .meta({ description: 'The items to pair, each naming its right partner.' }),
    right: z
      .array(z.strictObject({ id: slug, text }))
      .min(3)
      .meta({
        description: 'The choices for each left item; may include extra ones that match nothing.',
      }),
    scoring,
  };
}

/** Pair each left item with a right one; one share per left item paired with its partner. */
export const matchType: QuestionTypeModule<'match'> = {
  type: 'match',
  bankFields: matchBankFields,
  checkRules(item, context, path) {
    checkUniqueItemIds(context, item.left, [...path, 'left'], 'Item');
    checkUniqueItemIds(context, item.right, [...path, 'right'], 'Item');
    const rightIds = new Set(idsOf(item.right));
    // Two left items may share a partner (a speaker can say two things), so only existence is checked.
    item.left.forEach((left, index) => {
      if (rightIds.has(left.match)) return;
      report(
        context,
        [...path, 'left', index, 'match'],
        `"match: ${left.match}" names no item of "right". Use one of: ${[...rightIds].join(', ')}.`,
      );
    });
  },
  checkResolved() {},

  responseShape: '{ "pairs": { "<left id>": "<right id>", ... } }',
  responseKeys: RESPONSE_KINDS.match.responseKeys,
  responseSchema: ({ z, responseId }) =>
    z.strictObject({
      pairs: z
        .record(responseId, responseId)
        .refine((pairs) => Object.keys(pairs).length <= MAX_RESPONSE_IDS, {
          message: `At most ${MAX_RESPONSE_IDS} pairs.`,
        }),
    }),
  validateResponse(item, value, { path }): MatchResponse {
    const leftIds = idsOf(item.left);
    const rightIds = idsOf(item.right);
    const response = readObject(value, matchType, { required: ['pairs'] }, path);
    if (!isRecord(response.pairs)) {
      throw new InvalidResponse(
        `"pairs" must be an object from left item id to right item id, not ${describeValue(response.pairs)}.`,
        [...path, 'pairs'],
      );
    }
    const pairs: Record<string, string> = {};
    for (const [leftId, rightValue] of Object.entries(response.pairs)) {
      const pairPath = [...path, 'pairs', leftId];
      if (!leftIds.includes(leftId)) {
        throw new InvalidResponse(
          `"${leftId}" is not a left-hand item of this question; they are ${quoted(leftIds)}.`,
          pairPath,
        );
      }
      const rightId = readString(rightValue, pairPath);
      if (!rightIds.includes(rightId)) {
        throw new InvalidResponse(
          `"${rightId}" is not a right-hand item of this question; they are ${quoted(rightIds)}.`,
          pairPath,
        );
      }
      pairs[leftId] = rightId;
    }
    return { pairs };
  },
  isAnswered: RESPONSE_KINDS.match.isAnswered,

  score(item, response, context) {
    return scoreWhenAnswered(item.points, response, context, (answered) => {
      const pairs = 'pairs' in answered ? answered.pairs : {};
      const right = item.left.filter((left) => pairs[left.id] === left.match).length;
      return shareScore(applyScoring(right / item.left.length, item.scoring), item.points);
    });
  },
  correctResponse: (item) => ({
    pairs: Object.fromEntries(item.left.map((left) => [left.id, left.match])),
  }),
  acceptedAnswers: () => [],
  optionFeedback: () => ({}),

  arrangeChoices(item, context) {
    const left = idsOf(item.left);
    const right = idsOf(item.right);
    return context.shuffleOptions
      ? {
          left: shuffle(left, context.randomFor('left')),
          right: shuffle(right, context.randomFor('right')),
        }
      : { left, right };
  },
  toPublic: (item, context) => ({
    type: 'match',
    prompt: item.prompt,
    points: item.points,
    left: presentChoices(context, 'left', item.left),
    right: presentChoices(context, 'right', item.right),
  }),
  describeResponse: RESPONSE_DESCRIPTIONS.match,

  statisticsChoices: () => [],
  chosenIds: () => [],
};
