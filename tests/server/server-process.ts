import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far, stdout and stderr together. */
  output: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
}

/**
 * Starts the real server (`node --import tsx src/server/main.ts`, as `npm run serve` does) on a free port of 127.0.0.1 and resolves
 * once it prints the address it listens on.
 */
export function startServerProcess(
  env: Record<string, string>,
  /** Run as another user (tests running as root use it, as root ignores file permissions). */
  user: { uid?: number; gid?: number } = {},
): Promise<ServerProcess> {
  // Node with tsx's loader rather than the tsx command, which would run the server in a child
  // process of its own: SIGKILL must reach the server itself. The young generation's size as
  // `npm run serve` sets it (issue 16: garbage collection was a sixth of a submit's time without).
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=64', '--import', 'tsx', 'src/server/main.ts'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...user,
    },
  );
  let output = '';
  const exited = new Promise<number | string>((done) => {
    child.on('exit', (code, signal) => done(code ?? signal ?? 'unknown'));
  });
  return new Promise((started, failed) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      failed(new Error(`The server did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /running at http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        started({ url: `http://127.0.0.1:${port}`, child, output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      failed(new Error(`The server exited (${code}) before it started:\n${output}`));
    });
  });
}
