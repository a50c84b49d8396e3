import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type AppDatabase } from '../../../src/server/db/database';
import { createDatabase } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * The throwaway cluster's maintenance database, in the `postgres` project
     * (postgres-global-setup.ts); undefined in the others, which run on SQLite.
     */
    postgresAdminUrl?: string;
  }
}

/** The migrated database each PostgreSQL test database is a copy of. */
export const TEMPLATE_DATABASE = 'readproof_template';

/** Whether this test run is the `postgres` project's. */
export function onPostgres(): boolean {
  return inject('postgresAdminUrl') !== undefined;
}

/**
 * A fresh, migrated, empty database for one test: in-memory SQLite, or in the `postgres`
 * project a new PostgreSQL database copied from the migrated template.
 */
export async function openTestDatabase(): Promise<AppDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  if (adminUrl === undefined) return openDatabase(':memory:');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  return openDatabase(await createDatabase(adminUrl, name, TEMPLATE_DATABASE), { poolSize: 4 });
}
