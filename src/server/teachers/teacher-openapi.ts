import { errorResponse } from '../http/errors';
import { SESSION_COOKIE } from './session';

/** The OpenAPI security requirement of routes behind the teacher's session cookie. */
export const cookieAuth = [{ cookieAuth: [] }];

/** Registered once in app.ts under `components.securitySchemes.cookieAuth`. */
export const cookieAuthScheme = {
  type: 'apiKey',
  in: 'cookie',
  name: SESSION_COOKIE,
  description:
    'The session cookie set by `POST /api/teacher/signup` or `/login` (HttpOnly, SameSite=Lax). State-changing requests must also carry `Origin` (or `Sec-Fetch-Site: same-origin`) of this site.',
} as const;

export const notSignedIn = errorResponse('`not-signed-in`: no teacher session, or it expired.');

export const sameOriginRefused = errorResponse(
  "`cross-origin-request`: a state-changing request without this site's `Origin` (CSRF protection).",
);
