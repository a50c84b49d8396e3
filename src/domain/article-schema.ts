import { z } from 'zod';
import type { ArticleMeta } from './article';
import { GLOSSARY_DEFINITION_MAX_LENGTH, GLOSSARY_TERM_MAX_LENGTH } from './glossary';

const text = z.string().trim().min(1, 'Write some text here.');

const glossaryEntrySchema = z.strictObject({
  term: text
    .max(
      GLOSSARY_TERM_MAX_LENGTH,
      `Keep a term to ${GLOSSARY_TERM_MAX_LENGTH} characters: a word or a short phrase of the article.`,
    )
    .meta({ description: 'A word or phrase of the article, as it is written there (any case).' }),
  definition: text
    .max(
      GLOSSARY_DEFINITION_MAX_LENGTH,
      `Keep a definition to ${GLOSSARY_DEFINITION_MAX_LENGTH} characters: a sentence or two a secondary-school reader takes in at a glance.`,
    )
    .meta({ description: 'What the term means, in plain text for a secondary-school reader.' }),
});

/**
 * The front matter of `questions/<article-id>/article.md`. `ArticleMeta` stays a plain interface
 * in `article.ts` so the browser can use it without zod; `satisfies` keeps the two in step.
 */
export const articleMetaSchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'Use lower-case letters, digits and single hyphens, like "putin-kursk-visit"; it must be the folder name.',
    )
    .meta({ description: 'The article id: the name of its folder in questions/.' }),
  title: text.meta({ description: 'The headline.' }),
  summary: text
    .regex(/^[^\n]*$/, 'Keep the summary to one line.')
    .meta({ description: 'One line saying what the article reports.' }),
  sources: z
    .array(text)
    .min(1, 'List at least one source the text names, as it names them.')
    .meta({ description: 'The sources the text itself names, as it names them.' }),
  genre: text.meta({ description: 'What kind of text it is, like "news report".' }),
  note: text.meta({
    description: 'What a reader should know about how the text knows what it says.',
  }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'Use a language tag like "en" or "en-GB".')
    .meta({ description: 'The language of the text, like "en".' }),
  glossary: z.array(glossaryEntrySchema).optional().meta({
    description:
      'Words and phrases of the article a reader may not know, each with a definition; each is marked at its first occurrence in every paragraph.',
  }),
}) satisfies z.ZodType<ArticleMeta>;
