/**
 * The attribute the server sets on `#root` when it has filled it with a page rendered by
 * src/app/prerender.tsx (src/server/http/serve-client.ts): the entry then hydrates instead of
 * rendering afresh.
 */
export const SERVER_RENDERED_ATTRIBUTE = 'data-server-rendered';
