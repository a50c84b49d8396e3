import { api } from '../../lib/api-client';
import type { ResourceRequest } from '../../lib/use-resource';

/** The quiz page's data: the attempt as the server has it, its article and the quiz's title. */
export function quizResource(attemptId: string, token: string) {
  return {
    key: `attempt:${attemptId}`,
    load: async () => {
      const attempt = await api.getAttempt(attemptId, token);
      const [article, banks] = await Promise.all([
        api.getArticle(attempt.articleId),
        api.listBanks(),
      ]);
      const title = banks.find((bank) => bank.id === attempt.bankId)?.title ?? 'Quiz';
      return { attempt, article, title };
    },
  } satisfies ResourceRequest<unknown>;
}
