import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { HighlightMark } from '../domain/highlights';
import type { QuestionResponse } from '../domain/responses';
// A type only: the browser bundle never contains server code, it borrows the routes' types.
import type { AppType } from '../server/app';

/** The server answered with an error (`{ error: { code, message, details? } }`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the server added to explain the error, such as the path of a refused field. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never got an answer: the device is offline or the server is unreachable. */
export class NetworkError extends Error {
  constructor() {
    super('The server could not be reached.');
    this.name = 'NetworkError';
  }
}

type SuccessBody<R> =
  R extends ClientResponse<infer Body, infer Status, 'json'>
    ? Status extends SuccessStatusCode
      ? Body
      : never
    : never;

function readErrorBody(
  body: unknown,
): { code: string; message: string; details?: unknown } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body as { error: { code?: unknown; message?: unknown; details?: unknown } };
  if (typeof error.code !== 'string' || typeof error.message !== 'string') return undefined;
  return { code: error.code, message: error.message, details: error.details };
}

/** Sends a request and returns its JSON body, or throws `NetworkError` or `ApiError`. */
export async function send<R extends ClientResponse<unknown, number, 'json'>>(
  request: () => Promise<R>,
): Promise<SuccessBody<R>> {
  let response: R;
  try {
    response = await request();
  } catch {
    throw new NetworkError();
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = readErrorBody(body);
    throw new ApiError(
      response.status,
      error?.code ?? 'http-error',
      error?.message ?? `The server answered ${response.status}.`,
      error?.details,
    );
  }
  return body as SuccessBody<R>;
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** The JSON API, one function per route the student pages use, typed by the server's routes. */
export function createApiClient(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  const { api } = hc<AppType>(
    typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
    {
      fetch: fetchImpl,
    },
  );
  const attempt = api.attempts[':attemptId'];

  return {
    listArticles: () => send(() => api.articles.$get()),
    listBanks: () => send(() => api.banks.$get()),
    getArticle: (articleId: string) =>
      send(() => api.articles[':articleId'].$get({ param: { articleId } })),
    startAttempt: (bankId: string) => send(() => api.attempts.$post({ json: { bankId } })),
    getAttempt: (attemptId: string, token: string) =>
      send(() => attempt.$get({ param: { attemptId } }, bearer(token))),
    /** The article as the attempt started on it (a teacher's own article too). */
    getAttemptArticle: (attemptId: string, token: string) =>
      send(() => attempt.article.$get({ param: { attemptId } }, bearer(token))),
    saveResponse: (
      attemptId: string,
      token: string,
      questionId: string,
      response: QuestionResponse,
    ) =>
      send(() =>
        attempt.responses[':questionId'].$put(
          { param: { attemptId, questionId }, json: { response } },
          bearer(token),
        ),
      ),
    clearResponse: (attemptId: string, token: string, questionId: string) =>
      send(() =>
        attempt.responses[':questionId'].$delete(
          { param: { attemptId, questionId } },
          bearer(token),
        ),
      ),
    saveHighlight: (attemptId: string, token: string, highlightKey: string, mark: HighlightMark) =>
      send(() =>
        attempt.highlights[':highlightKey'].$put(
          { param: { attemptId, highlightKey }, json: mark },
          bearer(token),
        ),
      ),
    removeHighlight: (attemptId: string, token: string, highlightKey: string) =>
      send(() =>
        attempt.highlights[':highlightKey'].$delete(
          { param: { attemptId, highlightKey } },
          bearer(token),
        ),
      ),
    submitAttempt: (attemptId: string, token: string) =>
      send(() => attempt.submit.$post({ param: { attemptId } }, bearer(token))),
    getReview: (attemptId: string, token: string) =>
      send(() => attempt.review.$get({ param: { attemptId } }, bearer(token))),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api = createApiClient();

/** A quiz as the library lists it. */
export type BankSummary = Awaited<ReturnType<ApiClient['listBanks']>>[number];
/** An attempt as its student sees it: questions in this attempt's order and the saved answers. */
export type AttemptView = Awaited<ReturnType<ApiClient['getAttempt']>>;
/** A submitted attempt's scored review, with the article as the attempt saw it. */
export type AttemptReview = Awaited<ReturnType<ApiClient['getReview']>>;
