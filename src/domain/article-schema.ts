import { z } from 'zod';
import type { ArticleMeta } from './article';

const text = z.string().trim().min(1, 'Write some text here.');

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
}) satisfies z.ZodType<ArticleMeta>;
