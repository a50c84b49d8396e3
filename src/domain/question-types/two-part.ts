import type { PartA, PartB } from '../question-schema';
import type { TwoPartResponse } from '../responses';
import { scoreTwoPart } from '../scorers';
import { evidenceType } from './evidence';
import { judgementBankFields, judgementType } from './judgement';
import { multipleBankFields, multipleType } from './multiple';
import { numericBankFields, numericType } from './numeric';
import type { ArrangeContext, Path, QuestionTypeModule } from './question-type-module';
import type { SchemaKit } from './schema-kit';
import { distinctShapes, readObject } from './shared';
import { shortBankFields, shortType } from './short';
import { singleBankFields, singleType } from './single';
import { RESPONSE_DESCRIPTIONS } from './response-descriptions';
import { RESPONSE_KINDS } from './response-kinds';

/**
 * A question in two parts, made of the modules of its parts: Part A answers, Part B gives the
 * evidence for it and earns marks only if Part A is right.
 */

export function twoPartBankFields(kit: SchemaKit) {
  const { z, prompt, points, scoring } = kit;
  const partFields = { prompt, points };
  const partA = z.discriminatedUnion('type', [
    z.strictObject({ ...singleBankFields(kit), ...partFields }),
    z.strictObject({ ...multipleBankFields(kit), ...partFields }),
    z.strictObject({ ...judgementBankFields(kit), ...partFields }),
    z.strictObject({ ...numericBankFields(kit), ...partFields }),
    z.strictObject({ ...shortBankFields(kit), ...partFields }),
  ]);
  const partB = z.discriminatedUnion('type', [
    // The evidence part backs Part A's answer, so it has no claim of its own.
    z.strictObject({ type: z.literal('evidence'), ...partFields, scoring }),
    z.strictObject({ ...singleBankFields(kit), ...partFields }),
    z.strictObject({ ...multipleBankFields(kit), ...partFields }),
  ]);
  return {
    type: z.literal('two-part'),
    partA: partA.meta({ description: 'The answer; its points are earned first.' }),
    partB: partB.meta({
      description: 'The evidence for Part A; earns marks only if Part A is right.',
    }),
  };
}

const PART_A_MODULES: { [T in PartA['type']]: QuestionTypeModule<T> } = {
  single: singleType,
  multiple: multipleType,
  judgement: judgementType,
  numeric: numericType,
  short: shortType,
};
const PART_B_MODULES: { [T in PartB['type']]: QuestionTypeModule<T> } = {
  evidence: evidenceType,
  single: singleType,
  multiple: multipleType,
};

function partAModule(type: PartA['type']): QuestionTypeModule<PartA['type']> {
  return PART_A_MODULES[type];
}
function partBModule(type: PartB['type']): QuestionTypeModule<PartB['type']> {
  return PART_B_MODULES[type];
}

/** Part lists get their own random sources and names, `partA.options` and `partB.options`. */
function prefixed(
  prefix: string,
  context: ArrangeContext,
  arrange: (context: ArrangeContext) => Record<string, string[]>,
): Record<string, string[]> {
  const lists = arrange({
    ...context,
    randomFor: (listName, seed) => context.randomFor(`${prefix}${listName}`, seed),
  });
  return Object.fromEntries(Object.entries(lists).map(([name, ids]) => [`${prefix}${name}`, ids]));
}

/** A part's context and path for the rules: reports name it ("Part A") and point into it. */
function inPart<Context extends { where: string }>(
  part: 'A' | 'B',
  context: Context,
  path: Path,
): [Context, Path] {
  return [{ ...context, where: `Part ${part}` }, [...path, `part${part}`]];
}

function prefixKeys(prefix: string, record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [`${prefix}${key}`, value]),
  );
}

export const twoPartType: QuestionTypeModule<'two-part'> = {
  type: 'two-part',
  bankFields: twoPartBankFields,
  checkRules(item, context, path) {
    partAModule(item.partA.type).checkRules(item.partA, ...inPart('A', context, path));
    partBModule(item.partB.type).checkRules(item.partB, ...inPart('B', context, path));
  },
  checkResolved(item, context, path) {
    partAModule(item.partA.type).checkResolved(item.partA, ...inPart('A', context, path));
    partBModule(item.partB.type).checkResolved(item.partB, ...inPart('B', context, path));
  },

  responseShape: '{ "partA": <response>, "partB": <response> }',
  responseKeys: RESPONSE_KINDS['two-part'].responseKeys,
  responseSchema(kit) {
    const { z } = kit;
    const partA = distinctShapes(Object.values(PART_A_MODULES)).map((module) =>
      module.responseSchema(kit),
    );
    const partB = distinctShapes(Object.values(PART_B_MODULES)).map((module) =>
      module.responseSchema(kit),
    );
    return z.strictObject({ partA: z.union(partA).optional(), partB: z.union(partB).optional() });
  },
  validateResponse(item, value, context): TwoPartResponse {
    const { path } = context;
    const response = readObject(
      value,
      twoPartType,
      { required: [], optional: ['partA', 'partB'] },
      path,
    );
    const twoPart: TwoPartResponse = {};
    if (response.partA !== undefined) {
      twoPart.partA = partAModule(item.partA.type).validateResponse(item.partA, response.partA, {
        ...context,
        path: [...path, 'partA'],
      });
    }
    if (response.partB !== undefined) {
      twoPart.partB = partBModule(item.partB.type).validateResponse(item.partB, response.partB, {
        ...context,
        path: [...path, 'partB'],
      });
    }
    return twoPart;
  },
  isAnswered: RESPONSE_KINDS['two-part'].isAnswered,

  /**
   * Scored dependently, as state reading tests do: nothing unless Part A is fully right, then
   * Part A's points plus whatever Part B earns.
   */
  score(item, response, context) {
    const parts: TwoPartResponse =
      response && ('partA' in response || 'partB' in response) ? response : {};
    return scoreTwoPart(
      context.scoreAnswer(item.partA, parts.partA),
      context.scoreAnswer(item.partB, parts.partB),
    );
  },
  correctResponse: (item, question) => ({
    partA: partAModule(item.partA.type).correctResponse(item.partA, question),
    partB: partBModule(item.partB.type).correctResponse(item.partB, question),
  }),
  // The answer key lists accepted variants of whole questions only (as before the modules).
  acceptedAnswers: () => [],
  optionFeedback: (item) => ({
    ...prefixKeys('partA.', partAModule(item.partA.type).optionFeedback(item.partA)),
    ...prefixKeys('partB.', partBModule(item.partB.type).optionFeedback(item.partB)),
  }),

  arrangeChoices: (item, context) => ({
    ...prefixed('partA.', context, (partContext) =>
      partAModule(item.partA.type).arrangeChoices(item.partA, partContext),
    ),
    ...prefixed('partB.', context, (partContext) =>
      partBModule(item.partB.type).arrangeChoices(item.partB, partContext),
    ),
  }),
  toPublic: (item, context) => ({
    type: 'two-part',
    prompt: item.prompt,
    points: item.partA.points + item.partB.points,
    // Contexts written out, not spread: a spread copy is much slower to build, and these are
    // built for every two-part question of every review.
    partA: partAModule(item.partA.type).toPublic(item.partA, {
      questionId: context.questionId,
      prefix: 'partA.',
      choiceOrders: context.choiceOrders,
    }),
    partB: partBModule(item.partB.type).toPublic(item.partB, {
      questionId: context.questionId,
      prefix: 'partB.',
      choiceOrders: context.choiceOrders,
    }),
  }),
  describeResponse: RESPONSE_DESCRIPTIONS['two-part'],

  statisticsChoices: (item) => partAModule(item.partA.type).statisticsChoices(item.partA),
  chosenIds: (item, response) =>
    'partA' in response && response.partA
      ? partAModule(item.partA.type).chosenIds(item.partA, response.partA)
      : [],
};
