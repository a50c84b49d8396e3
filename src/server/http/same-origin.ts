import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors';
import { requestOrigin, type ProxyTrust } from './request-origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SameOriginOptions extends ProxyTrust {
  /** Further origins allowed to send state-changing requests, e.g. a separate front-end host. */
  allowedOrigins?: readonly string[];
}

/**
 * CSRF protection for cookie-authenticated routes: a state-changing request (any method but GET,
 * HEAD and OPTIONS) must show that a page of this site sent it, by `Sec-Fetch-Site: same-origin`
 * or an `Origin` header equal to this site's origin (or an allowed one). Browsers set both on
 * every fetch and no page can forge them, so a form or script on another site is refused with 403
 * whatever its content type. hono/csrf is not enough here: it lets any `application/json` request
 * through, leaving the protection to CORS preflights.
 */
export function requireSameOrigin({ trustProxy, allowedOrigins = [] }: SameOriginOptions) {
  return createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const fromThisSite =
        c.req.header('sec-fetch-site') === 'same-origin' ||
        (origin !== undefined &&
          (origin === requestOrigin(c, { trustProxy }) || allowedOrigins.includes(origin)));
      if (!fromThisSite) {
        throw new ApiError(
          403,
          'cross-origin-request',
          'This request must come from a Readproof page: its Origin header is missing or names another site.',
        );
      }
    }
    await next();
  });
}
