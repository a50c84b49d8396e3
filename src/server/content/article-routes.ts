import { createRoute, z } from '@hono/zod-openapi';
import type { LoadedContent } from '../../content/load-content';
import { createRouter, jsonResponse } from '../http/create-router';
import { ApiError, errorResponse } from '../http/errors';
import { articleSchema, slugSchema } from '../http/schemas';

const articleSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    sources: z.array(z.string()),
    genre: z.string(),
    language: z.string(),
    wordCount: z.int(),
    readingMinutes: z.int(),
    bankIds: z.array(z.string()),
  })
  .openapi('ArticleSummary');

const listArticlesRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['articles'],
  summary: 'Lists the articles and the ids of the quizzes written from each',
  responses: {
    200: jsonResponse('Every article, by title.', z.array(articleSummarySchema)),
  },
});

const getArticleRoute = createRoute({
  method: 'get',
  path: '/{articleId}',
  tags: ['articles'],
  summary: 'One article: sections, paragraphs and sentences with their ids',
  request: {
    params: z.object({
      articleId: slugSchema.openapi({ param: { name: 'articleId', in: 'path' } }),
    }),
  },
  responses: {
    200: jsonResponse('The article.', articleSchema),
    400: errorResponse('The id is not a valid article id.'),
    404: errorResponse('There is no article with this id.'),
  },
});

export function createArticleRoutes(content: LoadedContent) {
  const bankIdsByArticle = new Map<string, string[]>();
  for (const { bank } of content.banks.values()) {
    bankIdsByArticle.set(bank.articleId, [
      ...(bankIdsByArticle.get(bank.articleId) ?? []),
      bank.id,
    ]);
  }
  const summaries = [...content.articles.values()]
    .map((article) => ({
      id: article.meta.id,
      title: article.meta.title,
      summary: article.meta.summary,
      sources: article.meta.sources,
      genre: article.meta.genre,
      language: article.meta.language,
      wordCount: article.wordCount,
      readingMinutes: article.readingMinutes,
      bankIds: bankIdsByArticle.get(article.meta.id) ?? [],
    }))
    .sort((a, b) => a.title.localeCompare(b.title));

  return createRouter()
    .openapi(listArticlesRoute, (c) => c.json(summaries, 200))
    .openapi(getArticleRoute, (c) => {
      const { articleId } = c.req.valid('param');
      const article = content.articles.get(articleId);
      if (!article) {
        throw new ApiError(404, 'article-not-found', `There is no article "${articleId}".`);
      }
      return c.json(article, 200);
    });
}
