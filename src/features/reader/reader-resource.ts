import { api } from '../../lib/api-client';
import type { ResourceRequest } from '../../lib/use-resource';

/** The reader's data: the article and the quizzes written from it. */
export function readerResource(articleId: string) {
  return {
    key: `article:${articleId}`,
    load: async () => {
      const [article, banks] = await Promise.all([api.getArticle(articleId), api.listBanks()]);
      return { article, banks: banks.filter((bank) => bank.articleId === articleId) };
    },
  } satisfies ResourceRequest<unknown>;
}
