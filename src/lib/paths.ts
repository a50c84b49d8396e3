/**
 * Every route of the app in one table. Components link with `getHref.*` so no URL is built by hand;
 * the router reads the patterns in `paths`. It lives in lib, not app, because features link to
 * each other's pages and may import lib but never app.
 */
export const paths = {
  library: '/',
  reader: '/articles/:articleId',
  quiz: '/attempts/:attemptId',
  review: '/attempts/:attemptId/review',
  joinForm: '/join',
  join: '/join/:code',
} as const;

const segment = encodeURIComponent;

export const getHref = {
  library: () => paths.library,
  reader: (articleId: string) => `/articles/${segment(articleId)}`,
  quiz: (attemptId: string) => `/attempts/${segment(attemptId)}`,
  review: (attemptId: string) => `/attempts/${segment(attemptId)}/review`,
  joinForm: () => paths.joinForm,
  join: (code: string) => `/join/${segment(code)}`,
};
