import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPostgresBin, MISSING_POSTGRES_MESSAGE } from './postgres-bin';

/**
 * A throwaway PostgreSQL cluster for the tests and the bench: `initdb` into a temporary folder,
 * a server on a free port of 127.0.0.1, stopped and deleted at the end. Nothing depends on a
 * system service.
 */

export interface PostgresCluster {
  /** `postgres://readproof@127.0.0.1:<port>/postgres`, the cluster's maintenance database. */
  adminUrl: string;
  /** The URL of the database `name` on this cluster. */
  urlOf(name: string): string;
  /** Creates the database `name`, optionally as a copy of `template`; resolves with its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Creates the database `name` on the cluster whose maintenance database is at `adminUrl`,
 * optionally as a copy of `template`; resolves with its URL.
 */
export async function createDatabase(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const identifier = (value: string) => client.escapeIdentifier(value);
    await client.query(
      `create database ${identifier(name)}${template === undefined ? '' : ` template ${identifier(template)}`}`,
    );
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** PostgreSQL refuses to run as root; a root process runs it as Debian's `postgres` user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres']).stdout.toString().trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) {
    throw new Error(
      'Running as root, PostgreSQL needs a `postgres` user to run as; there is none.',
    );
  }
  return { uid, gid };
}

function freePort(): Promise<number> {
  return new Promise((resolved, failed) => {
    const server = net.createServer();
    server.on('error', failed);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolved(address.port)
          : failed(new Error('No port')),
      );
    });
  });
}

async function waitUntilAccepting(url: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited on start:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL did not accept connections within 30 s:\n${log()}`, {
          cause: error,
        });
      }
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
}

export interface ClusterOptions {
  /**
   * Trade crash safety for speed (fsync and full-page writes off): for the tests, which never
   * crash the database server itself. The bench keeps PostgreSQL's defaults.
   */
  fast?: boolean;
  maxConnections?: number;
}

/** Starts a new cluster; throws with PostgreSQL's own output when it cannot. */
export async function startPostgresCluster({
  fast = false,
  maxConnections = 200,
}: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (bin === undefined) throw new Error(MISSING_POSTGRES_MESSAGE);
  const folder = mkdtempSync(join(tmpdir(), 'readproof-postgres-'));
  const user = serverUser();
  if (user) chownSync(folder, user.uid, user.gid);
  const data = join(folder, 'data');
  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'readproof', '--auth=trust', '--encoding=UTF8', '--locale=C'],
    { ...user, encoding: 'utf8' },
  );
  if (init.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
  }
  const port = await freePort();
  const settings = [
    `listen_addresses=127.0.0.1`,
    `port=${port}`,
    `unix_socket_directories=${folder}`,
    `max_connections=${maxConnections}`,
    ...(fast ? ['fsync=off', 'full_page_writes=off', 'synchronous_commit=off'] : []),
  ];
  const server = spawn(join(bin, 'postgres'), ['-D', data, ...settings.flatMap((s) => ['-c', s])], {
    ...user,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((done) => server.on('exit', () => done()));
  const urlOf = (name: string) => `postgres://readproof@127.0.0.1:${port}/${name}`;
  const adminUrl = urlOf('postgres');
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGINT'); // PostgreSQL's fast shutdown: ends sessions, no recovery next time
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await waitUntilAccepting(adminUrl, server, () => log);
  } catch (error) {
    server.kill('SIGKILL');
    await exited;
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    adminUrl,
    urlOf,
    createDatabase: (name, template) => createDatabase(adminUrl, name, template),
    stop,
  };
}
