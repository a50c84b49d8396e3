import { hc, type InferRequestType } from 'hono/client';
// A type only: the browser bundle never contains server code, it borrows the routes' types.
import type { AppType } from '../server/app';
import { send } from './api-client';

/**
 * The API of a teacher's own articles and banks (behind the session cookie). Only the lazily
 * loaded teacher pages import it, so it stays out of what a student downloads.
 */
export function createAuthoringApiClient(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  const { api } = hc<AppType>(
    typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
    { fetch: fetchImpl },
  );
  const { articles, banks } = api.teacher;
  const article = articles[':articleId'];
  const bank = banks[':bankId'];
  const articleParam = (articleId: string) => ({ param: { articleId } });
  const bankParam = (bankId: string) => ({ param: { bankId } });

  return {
    listArticles: () => send(() => articles.$get()),
    createArticle: (json: NewArticle) => send(() => articles.$post({ json })),
    getArticle: (articleId: string) => send(() => article.$get(articleParam(articleId))),
    /** Saves the whole `article.md` over the draft at `revision`; a 409 when it moved on since. */
    saveArticle: (articleId: string, json: { revision: number; text: string }) =>
      send(() => article.$put({ ...articleParam(articleId), json })),
    publishArticle: (articleId: string) =>
      send(() => article.publish.$post(articleParam(articleId))),
    /** A .txt, .md or .docx turned into an article body; nothing is saved. */
    uploadArticleBody: (file: File) => send(() => articles.upload.$post({ form: { file } })),
    exportHref: (articleId: string) => article.export.$path(articleParam(articleId)),

    listBanks: () => send(() => banks.$get()),
    createBank: (json: NewBank) => send(() => banks.$post({ json })),
    getBank: (bankId: string) => send(() => bank.$get(bankParam(bankId))),
    saveBank: (bankId: string, json: { revision: number; text: string }) =>
      send(() => bank.$put({ ...bankParam(bankId), json })),
    publishBank: (bankId: string) => send(() => bank.publish.$post(bankParam(bankId))),
  };
}

export type AuthoringApiClient = ReturnType<typeof createAuthoringApiClient>;

export const authoringApi = createAuthoringApiClient();

type Api = ReturnType<typeof hc<AppType>>['api'];
type Result<K extends keyof AuthoringApiClient> = Awaited<
  ReturnType<
    AuthoringApiClient[K] extends (...args: never[]) => unknown ? AuthoringApiClient[K] : never
  >
>;

/** What `POST /api/teacher/articles` takes: the front matter but its id, and the body. */
export type NewArticle = InferRequestType<Api['teacher']['articles']['$post']>['json'];
/** What `POST /api/teacher/banks` takes: an article and a title, or a shipped bank to copy. */
export type NewBank = InferRequestType<Api['teacher']['banks']['$post']>['json'];

export type ArticleDraft = Result<'getArticle'>;
export type ArticleDraftSummary = Result<'listArticles'>[number];
export type PublishedArticle = Result<'publishArticle'>;
export type BankDraft = Result<'getBank'>;
export type BankDraftSummary = Result<'listBanks'>[number];
/** A problem of a draft, as `check:content` reports it, with its file, line and column. */
export type ContentProblem = ArticleDraft['problems'][number];
