import type { OrderResponse } from '../responses';
import { applyScoring, orderShare, scoreWhenAnswered, shareScore } from '../scorers';
import { shuffle, shuffleOutOfOrder } from '../seeded-random';
import type { QuestionTypeModule } from './question-type-module';
import { MAX_RESPONSE_IDS, type SchemaKit } from './schema-kit';
import {
  checkUniqueItemIds,
  idsOf,
  InvalidResponse,
  presentChoices,
  quoted,
  readIdList,
  readObject,
} from './shared';
import { RESPONSE_DESCRIPTIONS } from './response-descriptions';
import { RESPONSE_KINDS } from './response-kinds';

export function orderBankFields({ z, slug, text, scoring }: SchemaKit) {
  return {
    type: z.literal('order'),
    items: z
      .array(z.strictObject({ id: slug, text }))
      .min(3)
      .meta({ description: 'The items in the right order; students see them shuffled.' }),
    scoring,
  };
}

/**
 * The seed for `order` items shown alike to everyone (shuffling off, or a preview): one
 * arrangement, which is never the right order.
 */
const SHARED_ORDER_SEED = 0;

/** Put the items in the article's order; credit for each pair in the right relative order. */
export const orderType: QuestionTypeModule<'order'> = {
  type: 'order',
  bankFields: orderBankFields,
  checkRules(item, context, path) {
    checkUniqueItemIds(context, item.items, [...path, 'items'], 'Item');
  },
  checkResolved() {},

  responseShape: '{ "order": ["<item id>", ...] }',
  responseKeys: RESPONSE_KINDS.order.responseKeys,
  responseSchema: ({ z, responseId }) =>
    z.strictObject({ order: z.array(responseId).max(MAX_RESPONSE_IDS) }),
  validateResponse(item, value, { path }): OrderResponse {
    const ids = idsOf(item.items);
    const response = readObject(value, orderType, { required: ['order'] }, path);
    const order = readIdList(
      response.order,
      [...path, 'order'],
      (id) => ids.includes(id),
      (id) => `"${id}" is not an item of this question; its items are ${quoted(ids)}.`,
    );
    const missing = ids.filter((id) => !order.includes(id));
    if (missing.length > 0) {
      throw new InvalidResponse(
        `The order must list every item once; it leaves out ${quoted(missing)}.`,
        [...path, 'order'],
      );
    }
    return { order };
  },
  isAnswered: RESPONSE_KINDS.order.isAnswered,

  score(item, response, context) {
    return scoreWhenAnswered(item.points, response, context, (answered) => {
      const share = orderShare(idsOf(item.items), 'order' in answered ? answered.order : []);
      return shareScore(applyScoring(share, item.scoring), item.points);
    });
  },
  correctResponse: (item) => ({ order: idsOf(item.items) }),
  acceptedAnswers: () => [],
  optionFeedback: () => ({}),

  /**
   * Shuffled per attempt, every arrangement is equally likely, the right one included: an
   * arrangement never shown would be the key, found by elimination over enough practice attempts.
   * Shown alike to everyone, it is one fixed arrangement that is never the right order, since that
   * one would be the key for all.
   */
  arrangeChoices(item, context) {
    const ids = idsOf(item.items);
    return {
      items:
        context.shuffleOptions && !context.sameForEveryone
          ? shuffle(ids, context.randomFor('items'))
          : shuffleOutOfOrder(ids, context.randomFor('items', SHARED_ORDER_SEED)),
    };
  },
  toPublic: (item, context) => ({
    type: 'order',
    prompt: item.prompt,
    points: item.points,
    items: presentChoices(context, 'items', item.items),
  }),
  describeResponse: RESPONSE_DESCRIPTIONS.order,

  statisticsChoices: () => [],
  chosenIds: () => [],
};
