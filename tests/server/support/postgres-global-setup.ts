import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../../src/server/db/database';
import { findPostgresBin, MISSING_POSTGRES_MESSAGE } from './postgres-bin';
import { startPostgresCluster } from './postgres-cluster';
import { TEMPLATE_DATABASE } from './test-database';

/**
 * Once per run of the `postgres` project: starts a throwaway PostgreSQL cluster, migrates a
 * template database that every test's database is copied from (copying is far quicker than
 * migrating), and stops the cluster afterwards. vite.config.ts leaves the project out when
 * PostgreSQL is not installed, except under CI, where this then fails.
 */
export default async function setup(project: TestProject) {
  if (findPostgresBin() === undefined) {
    // Only under CI=true does vite.config.ts keep this project without PostgreSQL.
    throw new Error(MISSING_POSTGRES_MESSAGE.replace('were skipped', 'cannot run under CI'));
  }
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
