import { z } from 'zod';
import { SKILLS, type QuestionType } from './question-kinds';
import { clozeBankFields } from './question-types/cloze';
import { evidenceBankFields } from './question-types/evidence';
import { judgementBankFields } from './question-types/judgement';
import { matchBankFields } from './question-types/match';
import { multipleBankFields } from './question-types/multiple';
import { numericBankFields } from './question-types/numeric';
import { orderBankFields } from './question-types/order';
import { createSchemaKit } from './question-types/schema-kit';
import { shortBankFields } from './question-types/short';
import { singleBankFields } from './question-types/single';
import { twoPartBankFields } from './question-types/two-part';

/**
 * The question-bank format, defined once. Types come from `z.infer`, the validator from
 * `safeParse`, and the editor's JSON Schema (`questions/schema.json`) from `z.toJSONSchema`.
 * Rules that need more than one field at a time (the key names an existing option, wrong options
 * carry feedback, ...) live in each type's module; quotes are resolved in `evidence.ts`.
 */

const kit = createSchemaKit(z);
const { slug, text, points: pointsSchema, prompt } = kit;

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

export const optionSchema = kit.option;

const twoPartFields = twoPartBankFields(kit);
export const partASchema = twoPartFields.partA;
export const partBSchema = twoPartFields.partB;

const commonFields = {
  id: slug.meta({ description: 'Unique across every bank; never reuse or change it once used.' }),
  prompt,
  skill: z.enum(SKILLS),
  difficulty: z.int().min(1).max(3).meta({ description: '1 easy, 2 medium, 3 hard.' }),
  explanation: text.meta({ description: 'Why the right answer is right, shown in the review.' }),
  evidence: z.array(evidenceQuoteSchema).min(1),
  tags: z.array(text).optional().meta({
    description:
      'Labels for finding the question: an imported category or tag keeps its name here.',
  }),
};

/**
 * Each type's own fields come from its module (`question-types/<type>.ts`). The modules' bank
 * fields are listed here by hand because zod needs the tuple to infer `Question`;
 * `SchemaCoversEveryType` below turns a type left out into a compile error.
 */
export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...commonFields, ...singleBankFields(kit), points: pointsSchema }),
  z.strictObject({ ...commonFields, ...multipleBankFields(kit), points: pointsSchema }),
  z.strictObject({ ...commonFields, ...judgementBankFields(kit), points: pointsSchema }),
  z.strictObject({ ...commonFields, ...numericBankFields(kit), points: pointsSchema }),
  z.strictObject({ ...commonFields, ...shortBankFields(kit), points: pointsSchema }),
  z.strictObject({ ...commonFields, ...matchBankFields(kit), points: pointsSchema }),
  z.strictObject({ ...commonFields, ...orderBankFields(kit), points: pointsSchema }),
  z.strictObject({ ...commonFields, ...evidenceBankFields(kit), points: pointsSchema }),
  z.strictObject({ ...commonFields, ...twoPartFields }),
  z.strictObject({ ...commonFields, ...clozeBankFields(kit), points: pointsSchema }),
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

type Assert<Condition extends true> = Condition;
/** Fails to compile while a question type is missing from `questionSchema`. */
export type SchemaCoversEveryType = Assert<
  [QuestionType] extends [Question['type']] ? true : false
>;

/**
 * The JSON Schema that editors use to complete and check `questions/<article>/<bank>.yaml`.
 * Draft 7, because the YAML language server (VS Code's YAML extension) fully supports no later one.
 */
export function buildBankJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(bankSchema, { io: 'input', unrepresentable: 'any', target: 'draft-07' });
}
