import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse } from '../http/errors';
import { jsonBody, jsonResponse } from '../http/create-router';
import { assignmentNotFoundResponse, assignmentParams } from '../assignments/own-assignment';
import { cookieAuth, notSignedIn, sameOriginRefused } from '../teachers/teacher-openapi';
import {
  acceptAnswerBodySchema,
  acceptAnswerResultSchema,
  acceptedAnswerSchema,
} from './result-schemas';

/** Route definitions of a regrade (docs/api.md); the handlers are in result-routes.ts. */
export const acceptAnswerRoute = createRoute({
  method: 'post',
  path: '/{assignmentId}/accepted-answers',
  tags: ['results'],
  summary: 'Accepts a typed answer for every attempt of the assignment and regrades them',
  description:
    'The answer is keyed by its normalised form (docs/scoring.md), so accepting "RIA  novosti!" after "ria novosti" changes nothing and answers `created: false`.',
  security: cookieAuth,
  request: { params: assignmentParams, body: jsonBody(acceptAnswerBodySchema) },
  responses: {
    200: jsonResponse('Accepted (or already accepted), and regraded.', acceptAnswerResultSchema),
    400: errorResponse(
      '`invalid-request`, or `not-typed-answer`: the question (or gap) takes no typed answer.',
    ),
    401: notSignedIn,
    403: sameOriginRefused,
    404: assignmentNotFoundResponse,
  },
});

export const revokeAnswerRoute = createRoute({
  method: 'post',
  path: '/{assignmentId}/accepted-answers/{acceptanceId}/revoke',
  tags: ['results'],
  summary: 'Undoes an acceptance and regrades; the history keeps it, with who undid it and when',
  security: cookieAuth,
  request: {
    params: assignmentParams.extend({ acceptanceId: z.uuid('This is not an acceptance id.') }),
  },
  responses: {
    200: jsonResponse(
      'Undone (or already undone), and regraded.',
      z.object({ acceptance: acceptedAnswerSchema, attemptsRegraded: z.int() }),
    ),
    401: notSignedIn,
    403: sameOriginRefused,
    404: errorResponse('`assignment-not-found`, or `acceptance-not-found`.'),
  },
});

export const regradeHistoryRoute = createRoute({
  method: 'get',
  path: '/{assignmentId}/accepted-answers',
  tags: ['results'],
  summary: 'The regrade history: every acceptance, live or undone, most recent first',
  security: cookieAuth,
  request: { params: assignmentParams },
  responses: {
    200: jsonResponse(
      'Who accepted or undid which answer, and when.',
      z.array(acceptedAnswerSchema),
    ),
    401: notSignedIn,
    404: assignmentNotFoundResponse,
  },
});
