import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, from this file's place in tests/e2e/support. */
export const repoRoot = resolve(import.meta.dirname, '../../..');
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
// Written last by every build (the production build keeps no manifest a visitor could read).
const builtPage = join(repoRoot, 'dist', 'client', 'index.html');

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stats.mtimeMs,
  );
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: the
    // browser tests must drive the production bundle a student gets.
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} failed:\n${output}`)),
    );
  });
}

/**
 * Builds the browser app unless dist/client is newer than every source it is built from, so a run
 * of the end-to-end tests always drives the code as it is now.
 */
export async function buildClientIfStale(): Promise<void> {
  const sources = ['src', 'public', 'vite.config.ts', 'package-lock.json']
    .map((path) => join(repoRoot, path))
    .filter((path) => existsSync(path));
  const built = existsSync(builtPage) ? statSync(builtPage).mtimeMs : 0;
  if (sources.every((path) => newestChange(path) < built)) return;
  await run(bin('vite'), ['build', '--logLevel', 'warn']);
}

function findFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

/**
 * Starts the real server (`tsx src/server/main.ts`) on a free port with a database in a new
 * temporary directory, and waits until it answers /api/health.
 */
export async function startServer(): Promise<RunningServer> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'readproof-e2e-'));
  const child = spawn(bin('tsx'), ['src/server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dataDir, 'readproof.sqlite'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${log}`);
    }
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer /api/health within 60 s:\n${log}`);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }

  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
