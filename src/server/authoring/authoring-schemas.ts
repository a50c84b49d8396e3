import { z } from '@hono/zod-openapi';
import type { ContentProblem } from '../../content/content-problem';
import { articleSchema, slugSchema } from '../http/schemas';
import { errorResponse } from '../http/errors';

/** Far above any article of 20,000 words; the word limit is the real one. */
const MAX_TEXT_LENGTH = 1_000_000;

export const contentProblemSchema = z
  .object({
    file: z.string().openapi({ example: 'my-article-x1y2z3/article.md' }),
    line: z.int(),
    column: z.int(),
    questionId: z.string().optional(),
    message: z.string(),
  })
  .openapi('ContentProblem') satisfies z.ZodType<ContentProblem>;

export const publishedVersionSchema = z.object({
  version: z.int().openapi({ description: 'From 1, one per publication.' }),
  publishedAt: z.string(),
});

const draftFields = {
  revision: z.int().openapi({
    description: 'Raised by every save; send it back with the next save (`PUT`).',
  }),
  text: z.string(),
  problems: z.array(contentProblemSchema).openapi({
    description:
      'What `npm run check:content` would report; a draft with problems cannot be published.',
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const readabilitySchema = z.object({
  words: z.int(),
  sentences: z.int(),
  syllables: z.int(),
  fleschReadingEase: z.number(),
  fleschKincaidGrade: z.number(),
});

export const articleDraftSchema = z
  .object({
    id: z.string(),
    ...draftFields,
    article: articleSchema.openapi({
      description: 'The draft as parsed (also when its front matter has problems).',
    }),
    wordCount: z.int(),
    readingMinutes: z.int(),
    readability: readabilitySchema,
    versions: z.array(publishedVersionSchema).openapi({ description: 'Newest first.' }),
  })
  .openapi('ArticleDraft');

export const articleDraftSummarySchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    revision: z.int(),
    updatedAt: z.string(),
    latestVersion: z.int().nullable(),
  })
  .openapi('ArticleDraftSummary');

export const bankDraftSchema = z
  .object({
    id: z.string(),
    articleId: z.string(),
    ...draftFields,
    versions: z.array(publishedVersionSchema).openapi({ description: 'Newest first.' }),
  })
  .openapi('BankDraft');

export const bankDraftSummarySchema = z
  .object({
    id: z.string(),
    articleId: z.string(),
    title: z.string().nullable(),
    revision: z.int(),
    updatedAt: z.string(),
    latestVersion: z.int().nullable(),
  })
  .openapi('BankDraftSummary');

export const textSchema = z.string().max(MAX_TEXT_LENGTH);

export const saveDraftSchema = z
  .strictObject({
    revision: z.int().min(1).openapi({ description: 'The revision the edit started from.' }),
    text: textSchema.openapi({ description: 'The whole file: article.md, or the bank YAML.' }),
  })
  .openapi('SaveDraft');

export const articleParams = z.object({
  articleId: slugSchema.openapi({ param: { name: 'articleId', in: 'path' } }),
});

export const bankParams = z.object({
  bankId: slugSchema.openapi({ param: { name: 'bankId', in: 'path' } }),
});

export const staleRevision = errorResponse(
  '`stale-revision`: the draft was saved since the revision sent. Nothing was overwritten; `details.current` is the draft as it is now.',
);

export const unprocessableContent = (what: string) =>
  errorResponse(`${what} \`details.problems\` lists every problem with its file, line and column.`);

/** A multipart body with one file, and any other `fields`, for uploads and imports. */
export const fileUploadBody = <Fields extends z.ZodRawShape = Record<never, never>>(
  description: string,
  fields: Fields = {} as Fields,
) =>
  ({
    required: true,
    content: {
      'multipart/form-data': {
        schema: z.object({
          file: z
            .custom<File>((value) => value instanceof File)
            .openapi({ type: 'string', format: 'binary', description }),
          ...fields,
        }),
      },
    },
  }) as const;
