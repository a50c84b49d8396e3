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

/** `2025-03-12`, `2025-03` or `2025`, a date that exists. */
function isPublicationDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, year, month = '01', day = '01'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

const originSchema = z
  .strictObject({
    publication: text.optional().meta({
      description: 'The newspaper, site, book or author that published the text.',
    }),
    // An unquoted `date: 2025` is a YAML number; it means the year all the same.
    date: z
      .preprocess(
        (value) => (typeof value === 'number' ? String(value) : value),
        z.string().refine(isPublicationDate, 'Write the date as 2025-03-12, 2025-03 or 2025.'),
      )
      .optional()
      .meta({
        description: 'When it was published: 2025-03-12, 2025-03 or 2025 (in quotes or not).',
      }),
    url: z
      .httpUrl('Give the full web address of the original, starting with https:// or http://.')
      .optional()
      .meta({ description: 'A link to the original (http or https).' }),
    licence: text.optional().meta({
      description:
        'The licence or permission the text is used under, like "CC BY 4.0", "Public domain" or "Used with the publisher\'s permission".',
    }),
  })
  .refine((origin) => Object.values(origin).some((value) => value !== undefined), {
    message: 'Say at least one of publication, date, url or licence, or remove origin.',
    // An unknown field already says what is wrong; "say at least one" would only add noise.
    when: ({ issues }) => issues.length === 0,
  });

const sentenceCorrectionSchema = z.strictObject({
  paragraph: z
    .string()
    .regex(/^p[1-9]\d*$/, 'Name the paragraph by its id, like "p4".')
    .meta({ description: 'The paragraph, by its id: p1 is the first paragraph of the article.' }),
  action: z.enum(['merge', 'split']).meta({
    description:
      'merge joins the sentences the splitter cut between before and after; split starts a new sentence there.',
  }),
  before: text.meta({ description: 'The words just before the sentence break, as written.' }),
  after: text.meta({ description: 'The words just after it, as written.' }),
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
  origin: originSchema.optional().meta({
    description: 'Where the text comes from, shown to students above it.',
  }),
  sentenceCorrections: z.array(sentenceCorrectionSchema).optional().meta({
    description:
      'Where the sentence splitter went wrong: sentences to merge or split, named by paragraph and the words around the break.',
  }),
}) satisfies z.ZodType<ArticleMeta>;
