import { vi } from 'vitest';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** Answers one route: a JSON body (status 200), or a full Response. */
export type FakeHandler = (request: FakeRequest) => unknown;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function apiError(
  status: number,
  code: string,
  message: string,
  details?: unknown,
): Response {
  return json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
}

/**
 * A stand-in for the server on `fetch`: routes are `"METHOD /path"` keys (exact paths), each
 * answering with JSON or a Response; anything else is a 404. Every request is recorded, so a test
 * checks what the page sent.
 */
export function installFakeServer(routes: Record<string, FakeHandler>) {
  const requests: FakeRequest[] = [];
  const handlers = { ...routes };

  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const text = await request.text();
      const recorded: FakeRequest = {
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        // A multipart upload is kept as its text, for a test to look into.
        body:
          text && !request.headers.get('content-type')?.startsWith('multipart/')
            ? (JSON.parse(text) as unknown)
            : text || undefined,
      };
      requests.push(recorded);
      const handler = handlers[`${recorded.method} ${recorded.path}`];
      if (!handler)
        return apiError(404, 'not-found', `No route ${recorded.method} ${recorded.path}`);
      const answer = await handler(recorded);
      return answer instanceof Response ? answer : json(answer);
    }),
  );

  return {
    requests,
    /** Replaces or adds a route while the test runs. */
    on(route: string, handler: FakeHandler) {
      handlers[route] = handler;
    },
    /** The requests made to one route, oldest first. */
    requestsTo(route: string) {
      return requests.filter((request) => `${request.method} ${request.path}` === route);
    },
  };
}
