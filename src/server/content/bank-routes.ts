import { createRoute, z } from '@hono/zod-openapi';
import type { LoadedBank, LoadedContent } from '../../content/load-content';
import { createAttemptPlan, presentQuestions } from '../../domain/attempt-plan';
import { createRouter, jsonResponse } from '../http/create-router';
import { ApiError, errorResponse } from '../http/errors';
import { publicQuestionSchema, questionTypeSchema, skillSchema, slugSchema } from '../http/schemas';

const bankSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    articleId: z.string(),
    questionCount: z.int(),
    skills: z.array(skillSchema),
    types: z.array(questionTypeSchema),
    estimatedMinutes: z.int().openapi({
      description: "The article's reading time plus a minute for each question.",
    }),
  })
  .openapi('BankSummary');

const publicBankSchema = bankSummarySchema
  .extend({ questions: z.array(publicQuestionSchema) })
  .openapi('PublicBank');

const listBanksRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['banks'],
  summary: 'Lists the quizzes',
  responses: {
    200: jsonResponse('Every question bank, by title.', z.array(bankSummarySchema)),
  },
});

const getBankRoute = createRoute({
  method: 'get',
  path: '/{bankId}',
  tags: ['banks'],
  summary: 'One quiz and its questions as a student sees them (no keys, explanations or evidence)',
  request: {
    params: z.object({ bankId: slugSchema.openapi({ param: { name: 'bankId', in: 'path' } }) }),
  },
  responses: {
    200: jsonResponse('The bank.', publicBankSchema),
    400: errorResponse('The id is not a valid bank id.'),
    404: errorResponse('There is no bank with this id.'),
  },
});

function summariseBank({ bank, article }: LoadedBank): z.infer<typeof bankSummarySchema> {
  return {
    id: bank.id,
    title: bank.title,
    description: bank.description,
    articleId: bank.articleId,
    questionCount: bank.questions.length,
    skills: [...new Set(bank.questions.map((question) => question.skill))],
    types: [...new Set(bank.questions.map((question) => question.type))],
    estimatedMinutes: article.readingMinutes + bank.questions.length,
  };
}

/**
 * The preview keeps the bank's question order; options are still shuffled (with a fixed seed),
 * since banks tend to list the right option first, and `order` items come in an arrangement that
 * is never the right one, since everyone sees this same preview.
 */
function previewBank(loaded: LoadedBank): z.infer<typeof publicBankSchema> {
  const plan = createAttemptPlan(loaded.bank, {
    seed: 0,
    shuffleQuestions: false,
    shuffleOptions: true,
    sameForEveryone: true,
  });
  return { ...summariseBank(loaded), questions: presentQuestions(loaded.bank, plan) };
}

export function createBankRoutes(content: LoadedContent) {
  const banks = [...content.banks.values()].sort((a, b) =>
    a.bank.title.localeCompare(b.bank.title),
  );
  const summaries = banks.map(summariseBank);
  const previews = new Map(banks.map((loaded) => [loaded.bank.id, previewBank(loaded)]));

  return createRouter()
    .openapi(listBanksRoute, (c) => c.json(summaries, 200))
    .openapi(getBankRoute, (c) => {
      const { bankId } = c.req.valid('param');
      const preview = previews.get(bankId);
      if (!preview) throw new ApiError(404, 'bank-not-found', `There is no bank "${bankId}".`);
      return c.json(preview, 200);
    });
}
