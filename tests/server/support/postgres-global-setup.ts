import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../../src/server/db/database';
import { startPostgresCluster } from './postgres-cluster';
import { TEMPLATE_DATABASE } from './test-database';

/**
 * Once per run of the `postgres` project: starts a throwaway PostgreSQL cluster, migrates a
 * template database that every test's database is copied from (copying is far quicker than
 * migrating), and stops the cluster afterwards. vite.config.ts leaves the project out when
 * PostgreSQL is not installed, except under CI, where this then fails.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster({ fast: true, maxConnections: 400 });
  try {
    const template = await openDatabase(await cluster.createDatabase(TEMPLATE_DATABASE), {
      poolSize: 1,
    });
    await template.destroy();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide('postgresAdminUrl', cluster.adminUrl);
  return cluster.stop;
}
