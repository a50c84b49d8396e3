import { z } from 'zod';
import { JUDGEMENTS, SKILLS } from './question-kinds';

/**
 * The question-bank format, defined once. Types come from `z.infer`, the validator from
 * `safeParse`, and the editor's JSON Schema (`questions/schema.json`) from `z.toJSONSchema`.
 * Rules that need more than one field at a time (the key names an existing option, wrong options
 * carry feedback, ...) live in `question-rules.ts`; quotes are resolved in `evidence.ts`.
 */

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Use lower-case letters, digits and single hyphens, like "drone-count".',
  );
const text = z.string().trim().min(1, 'Write some text here.');

export const evidenceQuoteSchema = z
  .union([
    text.meta({ description: 'Words copied exactly from one paragraph of the article.' }),
    z.strictObject({
      quote: text.meta({ description: 'Words copied exactly from one paragraph of the article.' }),
      after: text
        .meta({
          description:
            'Text that comes before the quote in the same paragraph, to tell apart a quote that appears more than once.',
        })
        .optional(),
    }),
  ])
  .meta({ description: 'An exact quote from the article that proves the answer.' });

const pointsSchema = z
  .int()
  .min(1)
  .max(100)
  .default(1)
  .meta({ description: 'Marks for a fully right answer.' });
const scoringSchema = z.enum(['partial', 'all-or-nothing']).default('partial').meta({
  description: 'partial: credit for each right part; all-or-nothing: full marks or none.',
});

export const optionSchema = z.strictObject({
  id: slug.meta({ description: 'Unique within the question, like "a" or "putin".' }),
  text,
  correct: z.boolean().default(false).meta({ description: 'true for a right option.' }),
  feedback: text
    .meta({ description: 'Why this option is wrong (required on wrong options).' })
    .optional(),
  fixed: z.boolean().default(false).meta({
    description: 'Keep this option in place when options are shuffled (e.g. "None of these").',
  }),
});

const singleFields = {
  type: z.literal('single'),
  options: z.array(optionSchema).min(2).max(8),
};
const multipleFields = {
  type: z.literal('multiple'),
  options: z.array(optionSchema).min(3).max(10),
  scoring: scoringSchema,
};
const judgementFields = {
  type: z.literal('judgement'),
  statement: text.meta({ description: 'The statement the student judges against the article.' }),
  answer: z.enum(JUDGEMENTS),
  feedback: z
    .strictObject({ true: text.optional(), false: text.optional(), 'not-given': text.optional() })
    .meta({ description: 'Why each wrong judgement is wrong (required for both wrong ones).' }),
};
const numericFields = {
  type: z.literal('numeric'),
  answer: z.number().meta({ description: 'The number exactly as the article gives it.' }),
  tolerance: z.number().min(0).default(0).meta({ description: 'Accepted absolute difference.' }),
  unit: text.optional().meta({ description: 'Shown after the input, like "drones".' }),
};
const shortFields = {
  type: z.literal('short'),
  answers: z.array(text).min(1).meta({
    description:
      'Accepted answers; the first is shown as the right answer. Case, spacing, punctuation and a leading "the/a/an" are ignored.',
  }),
};
const matchFields = {
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
  scoring: scoringSchema,
};
const orderFields = {
  type: z.literal('order'),
  items: z
    .array(z.strictObject({ id: slug, text }))
    .min(3)
    .meta({ description: 'The items in the right order; students see them shuffled.' }),
  scoring: scoringSchema,
};
const evidenceFields = {
  type: z.literal('evidence'),
  claim: text.meta({
    description:
      'The statement the student backs up by choosing sentences of the article, such as "Putin wore military uniform on the visit"; the sentences named by `evidence` are the key',
  }),
  scoring: scoringSchema,
};

const prompt = text.meta({ description: 'What the student is asked.' });
const partFields = { prompt, points: pointsSchema };

export const partASchema = z.discriminatedUnion('type', [
  z.strictObject({ ...singleFields, ...partFields }),
  z.strictObject({ ...multipleFields, ...partFields }),
  z.strictObject({ ...judgementFields, ...partFields }),
  z.strictObject({ ...numericFields, ...partFields }),
  z.strictObject({ ...shortFields, ...partFields }),
]);
export const partBSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('evidence'),
    ...partFields,
    scoring: scoringSchema,
  }),
  z.strictObject({ ...singleFields, ...partFields }),
  z.strictObject({ ...multipleFields, ...partFields }),
]);

const commonFields = {
  id: slug.meta({ description: 'Unique across every bank; never reuse or change it once used.' }),
  prompt,
  skill: z.enum(SKILLS),
  difficulty: z.int().min(1).max(3).meta({ description: '1 easy, 2 medium, 3 hard.' }),
  explanation: text.meta({ description: 'Why the right answer is right, shown in the review.' }),
  evidence: z.array(evidenceQuoteSchema).min(1),
};

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...commonFields, ...singleFields, points: pointsSchema }),
  z.strictObject({ ...commonFields, ...multipleFields, points: pointsSchema }),
  z.strictObject({ ...commonFields, ...judgementFields, points: pointsSchema }),
  z.strictObject({ ...commonFields, ...numericFields, points: pointsSchema }),
  z.strictObject({ ...commonFields, ...shortFields, points: pointsSchema }),
  z.strictObject({ ...commonFields, ...matchFields, points: pointsSchema }),
  z.strictObject({ ...commonFields, ...orderFields, points: pointsSchema }),
  z.strictObject({ ...commonFields, ...evidenceFields, points: pointsSchema }),
  z.strictObject({
    ...commonFields,
    type: z.literal('two-part'),
    partA: partASchema.meta({ description: 'The answer; its points are earned first.' }),
    partB: partBSchema.meta({
      description: 'The evidence for Part A; earns marks only if Part A is right.',
    }),
  }),
]);

export const bankSchema = z.strictObject({
  $schema: z.string().optional(),
  id: slug.meta({ description: 'Unique across all banks.' }),
  article: slug.meta({ description: 'The id of the article the questions are written from.' }),
  title: text,
  description: text.meta({ description: 'One or two sentences for the library page.' }),
  questions: z.array(questionSchema).min(1),
});

export type EvidenceQuote = z.infer<typeof evidenceQuoteSchema>;
export type Option = z.infer<typeof optionSchema>;
export type PartA = z.infer<typeof partASchema>;
export type PartB = z.infer<typeof partBSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Bank = z.infer<typeof bankSchema>;
/** A bank as written in YAML, before defaults are filled in. */
export type BankInput = z.input<typeof bankSchema>;

/**
 * The JSON Schema that editors use to complete and check `questions/<article>/<bank>.yaml`.
 * Draft 7, because the YAML language server (VS Code's YAML extension) fully supports no later one.
 */
export function buildBankJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(bankSchema, { io: 'input', unrepresentable: 'any', target: 'draft-07' });
}
