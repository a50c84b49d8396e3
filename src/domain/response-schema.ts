import { z } from 'zod';
import type { QuestionResponse } from './responses';
import { MAX_SHORT_ANSWER_LENGTH } from './validate-response';

/**
 * The shape of every response, for parsing API bodies on the server (the browser never bundles
 * this file, so it never bundles zod). It checks structure only and caps sizes; whether the ids
 * belong to the question is `validateResponse`'s job, and it gives the more precise reasons.
 */

/** More than any question offers: 10 options, a few dozen items, the article's sentences. */
const MAX_IDS = 200;
const id = z.string().min(1).max(100);
const ids = z.array(id).max(MAX_IDS);

const singleResponseSchema = z.strictObject({ choice: id });
const multipleResponseSchema = z.strictObject({ choices: ids });
const numericResponseSchema = z.strictObject({ value: z.number() });
const shortResponseSchema = z.strictObject({ text: z.string().max(MAX_SHORT_ANSWER_LENGTH) });
const matchResponseSchema = z.strictObject({
  pairs: z.record(id, id).refine((pairs) => Object.keys(pairs).length <= MAX_IDS, {
    message: `At most ${MAX_IDS} pairs.`,
  }),
});
const orderResponseSchema = z.strictObject({ order: ids });
const evidenceResponseSchema = z.strictObject({ sentences: ids });

/** Single and judgement responses share `{ choice }`. */
const partAResponseSchema = z.union([
  singleResponseSchema,
  multipleResponseSchema,
  numericResponseSchema,
  shortResponseSchema,
]);
const partBResponseSchema = z.union([
  evidenceResponseSchema,
  singleResponseSchema,
  multipleResponseSchema,
]);
const twoPartResponseSchema = z.strictObject({
  partA: partAResponseSchema.optional(),
  partB: partBResponseSchema.optional(),
});

export const responseSchema = z.union([
  singleResponseSchema,
  multipleResponseSchema,
  numericResponseSchema,
  shortResponseSchema,
  matchResponseSchema,
  orderResponseSchema,
  evidenceResponseSchema,
  twoPartResponseSchema,
]) satisfies z.ZodType<QuestionResponse>;
