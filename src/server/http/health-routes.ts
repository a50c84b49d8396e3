import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from './create-router';
import { measureDatabaseSize, probeDatabaseWrite, type AppDatabase } from '../db/database';

/**
 * How long a write probe's answer is reused: monitoring may poll health often, and a write per
 * poll would be a write for nothing; a full disk shows within this time.
 */
export const HEALTH_PROBE_TTL_MS = 5000;

const databaseSchema = z.object({
  writable: z.boolean(),
  sizeBytes: z.int().openapi({ description: "The database's pages, free ones included." }),
});

const healthRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['health'],
  summary: 'Says whether the server is up and its database can be written, and how big it is',
  description: `The write check is a one-row write, done at most every ${HEALTH_PROBE_TTL_MS / 1000} s.`,
  responses: {
    200: {
      description: 'The server answers requests and can save answers.',
      content: {
        'application/json': {
          schema: z.object({ status: z.literal('ok'), database: databaseSchema }).openapi('Health'),
        },
      },
    },
    503: {
      description:
        'The database cannot be written (a full disk, a read-only file or folder): answers cannot be saved.',
      content: {
        'application/json': {
          schema: z
            .object({
              status: z.literal('database cannot be written'),
              problem: z.string().openapi({ example: 'SQLITE_FULL: database or disk is full' }),
              database: databaseSchema,
            })
            .openapi('HealthFailure'),
        },
      },
    },
  },
});

interface Probe {
  at: number;
  problem: string | null;
  sizeBytes: number;
}

export function createHealthRoutes({ db, now }: { db: AppDatabase; now: () => Date }) {
  // This instance's own latest probe of the database, reused for a few seconds: not shared state.
  let last: Promise<Probe> | undefined;

  async function probe(at: Date): Promise<Probe> {
    const problem = await probeDatabaseWrite(db, at);
    if (problem !== null) console.error(`The database cannot be written: ${problem}`);
    return { at: at.getTime(), problem, sizeBytes: await measureDatabaseSize(db) };
  }

  /** The latest probe, or a new one once it is older than HEALTH_PROBE_TTL_MS. */
  async function currentProbe(): Promise<Probe> {
    const at = now();
    const previous = await last?.catch(() => undefined);
    if (previous && at.getTime() - previous.at < HEALTH_PROBE_TTL_MS) return previous;
    last = probe(at);
    return last;
  }

  return createRouter().openapi(healthRoute, async (c) => {
    const { problem, sizeBytes } = await currentProbe();
    if (problem !== null) {
      return c.json(
        {
          status: 'database cannot be written' as const,
          problem,
          database: { writable: false, sizeBytes },
        },
        503,
      );
    }
    return c.json({ status: 'ok' as const, database: { writable: true, sizeBytes } }, 200);
  });
}
