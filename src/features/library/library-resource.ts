import { api } from '../../lib/api-client';
import type { ResourceRequest } from '../../lib/use-resource';

/** The library's data: every article and every quiz. */
export function libraryResource() {
  return {
    key: 'library',
    load: async () => {
      const [articles, banks] = await Promise.all([api.listArticles(), api.listBanks()]);
      return { articles, banks };
    },
  } satisfies ResourceRequest<unknown>;
}
