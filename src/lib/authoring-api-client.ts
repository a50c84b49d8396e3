import { hc, type InferRequestType } from 'hono/client';
// A type only: the browser bundle never contains server code, it borrows the routes' types.
import type { AppType } from '../server/app';
import type { InteropFormat } from '../domain/interop/interop-format';
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
    /** The article version the bank is checked against, which its evidence is chosen on. */
    getBankArticle: (bankId: string) => send(() => bank.article.$get(bankParam(bankId))),
    saveBank: (bankId: string, json: { revision: number; text: string }) =>
      send(() => bank.$put({ ...bankParam(bankId), json })),
    publishBank: (bankId: string) => send(() => bank.publish.$post(bankParam(bankId))),

    /** What exporting a bank (shipped or the teacher's own) to an LMS format leaves behind. */
    lmsExportReport: (bankId: string, format: LmsFormat) =>
      send(() => bank.export.report.$get({ ...bankParam(bankId), query: { format } })),
    lmsExportHref: (bankId: string, format: LmsFormat) =>
      bank.export.$path({ ...bankParam(bankId), query: { format } }),
    /** A GIFT, Moodle XML or QTI 3.0 file as a new draft bank on `articleId`, with its report. */
    importLms: (file: File, articleId: string) =>
      send(() => banks['import-lms'].$post({ form: { file, articleId } })),
    /** An exported zip, an article.md or a bank .yaml as drafts (`articleId`: for a bank file). */
    importRepositoryFiles: (file: File, articleId?: string) =>
      send(() =>
        articles.import.$post({
          form: { file },
          query: articleId === undefined ? {} : { articleId },
        }),
      ),
  };
}

export type AuthoringApiClient = ReturnType<typeof createAuthoringApiClient>;

/** The LMS formats a bank is exported to and imported from, as the API names them. */
export const LMS_FORMATS = [
  { value: 'gift', label: 'GIFT (Moodle and others, plain text)' },
  { value: 'moodle-xml', label: 'Moodle XML' },
  { value: 'qti3', label: 'QTI 3.0 (Canvas and item banks, zip)' },
] as const satisfies readonly { value: InteropFormat; label: string }[];
export type LmsFormat = (typeof LMS_FORMATS)[number]['value'];

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
export type LmsExportReport = Result<'lmsExportReport'>;
export type LmsImport = Result<'importLms'>;
/** One line of an export or import report. */
export type InteropNote = LmsImport['report'][number];
export type BankArticle = Result<'getBankArticle'>;
/** A problem of a draft, as `check:content` reports it, with its file, line and column. */
export type ContentProblem = ArticleDraft['problems'][number];
