import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../create-router';

const healthRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['health'],
  summary: 'Says the server is up',
  responses: {
    200: {
      description: 'The server answers requests.',
      content: {
        'application/json': { schema: z.object({ status: z.literal('ok') }).openapi('Health') },
      },
    },
  },
});

export function createHealthRoutes() {
  return createRouter().openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
}
