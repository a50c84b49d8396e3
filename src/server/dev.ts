import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * `npm run dev`: the API server under `tsx watch` on API_PORT (default 3000) and Vite's dev
 * server on PORT (default 5173), which proxies /api to the API (vite.config.ts). The API restarts
 * when its code or any file under the questions folder changes, so an edited bank is read again.
 * Stopping either stops both.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
const apiPort = process.env.API_PORT ?? '3000';
const vitePort = process.env.PORT ?? '5173';
const questionsDir = process.env.QUESTIONS_DIR ?? 'questions';

const children: ChildProcess[] = [
  spawn(bin('tsx'), ['watch', '--include', `${questionsDir}/**/*`, 'src/server/main.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort },
  }),
  spawn(bin('vite'), ['--port', vitePort, '--strictPort'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, API_PORT: apiPort },
  }),
];

let stopping = false;
function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = exitCode;
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
