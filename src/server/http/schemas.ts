import { HIGHLIGHT_COLOURS, type Highlight } from '../../domain/highlights';
import { z } from '@hono/zod-openapi';
import type { Article } from '../../domain/article';
import { contentIdSchema } from '../../domain/assignment-settings';
import type { PublicQuestion } from '../../domain/public-question';
import { QUESTION_TYPES, SKILLS } from '../../domain/question-kinds';
import { describeResponseShapes } from '../../domain/question-types/registry';
import type { QuestionResponse } from '../../domain/responses';
import type { AttemptResult } from '../../domain/results';

/** An article, bank or question id as the content format allows them. */
export const slugSchema = contentIdSchema;

const isObject = (value: unknown) => typeof value === 'object' && value !== null;

// The engine's types are the contract for these three; the server never builds them by hand
// (toPublicQuestion, validateResponse and scoreAttempt do), so they are documented, not re-declared.
export const publicQuestionSchema = z.custom<PublicQuestion>(isObject).openapi('PublicQuestion', {
  type: 'object',
  description:
    "A question as a student sees it while answering (`PublicQuestion` in src/domain/public-question.ts): id, type, number, prompt, points, skill, difficulty, and its options, items or parts in this attempt's order. Never a key, feedback, explanation or evidence.",
});

export const questionResponseSchema = z.custom<QuestionResponse>(isObject).openapi('Response', {
  type: 'object',
  description: `An answer, one shape per question type (src/domain/question-types/): ${describeResponseShapes()}.`,
});

export const attemptResultSchema = z.custom<AttemptResult>(isObject).openapi('AttemptResult', {
  type: 'object',
  description:
    "The scored attempt (src/domain/results.ts): total, maxPoints, percent, bySkill, byDifficulty, and per question its score, the response, the correct response, explanation, feedback and evidence. A right typed answer names the accepted answer it matched (`matchedAnswer`), or carries `acceptedByTeacher: true` when the teacher accepted it by a regrade; a cloze question's `gaps` carry the same two per gap.",
});

const sentenceSchema = z
  .object({
    id: z.string().openapi({ example: 'p8.s2' }),
    paragraphId: z.string(),
    text: z.string(),
    start: z.int(),
    end: z.int(),
    terms: z
      .array(z.object({ start: z.int(), end: z.int(), entry: z.int() }))
      .optional()
      .openapi({
        description:
          "The glossary terms marked in the sentence: offsets in its text and the entry's index in `meta.glossary`.",
      }),
  })
  .openapi('Sentence');

export const articleSchema = z
  .object({
    meta: z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      sources: z.array(z.string()),
      genre: z.string(),
      note: z.string(),
      language: z.string(),
      glossary: z
        .array(z.object({ term: z.string(), definition: z.string() }))
        .optional()
        .openapi({
          description: 'Words and phrases of the text with a definition for the reader.',
        }),
      origin: z
        .object({
          publication: z.string().optional(),
          date: z.string().optional(),
          url: z.string().optional(),
          licence: z.string().optional(),
        })
        .optional()
        .openapi({
          description:
            'Where the text comes from (publication, date as YYYY[-MM[-DD]], link, licence), shown to students above it.',
        }),
    }),
    sections: z.array(
      z.object({
        id: z.string(),
        heading: z.string().nullable(),
        paragraphIds: z.array(z.string()),
      }),
    ),
    paragraphs: z.array(
      z.object({
        id: z.string(),
        sectionId: z.string(),
        text: z.string(),
        sentences: z.array(sentenceSchema),
      }),
    ),
    wordCount: z.int(),
    readingMinutes: z.int(),
  })
  .openapi('Article') satisfies z.ZodType<Article>;

export const skillSchema = z.enum(SKILLS);
export const questionTypeSchema = z.enum(QUESTION_TYPES);

/** A student's highlight as the API returns it (see src/domain/highlights.ts). */
export const highlightSchema = z
  .object({
    key: z.string().openapi({
      description: 'The place: the sentence id, then `_start-end` for a span within it.',
      example: 'p3.s1_4-25',
    }),
    sentenceId: z.string().openapi({ example: 'p3.s1' }),
    span: z.object({ start: z.int(), end: z.int() }).nullable().openapi({
      description: "Offsets in the sentence's text (end exclusive); null for the whole sentence.",
    }),
    colour: z.enum(HIGHLIGHT_COLOURS),
    note: z.string().nullable().openapi({ description: 'The student’s own note, as typed.' }),
  })
  .openapi('Highlight') satisfies z.ZodType<Highlight>;
