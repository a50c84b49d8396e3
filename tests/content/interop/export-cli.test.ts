import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLmsExport } from '../../../src/content/interop/lms-export';
import { loadContent } from '../../../src/content/load-content';

const run = promisify(execFile);
/** tsx by its full path: the CLI runs in a temporary folder, where `--import tsx` finds nothing. */
const TSX = import.meta.resolve('tsx');
const CLI = path.resolve('src/content/interop/export-cli.ts');
const QUESTIONS = path.resolve('questions');

/** Runs `npm run export` the way npm does (through tsx), in `cwd`. */
async function runExport(cwd: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', TSX, CLI, ...args], {
      cwd,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function firstShippedBank() {
  const [loaded] = (await loadContent(QUESTIONS)).banks.values();
  if (!loaded) throw new Error('No shipped bank');
  return loaded;
}

describe('npm run export', { timeout: 60_000 }, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'readproof-export-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a QTI 3.0 package to --out and the report to stderr', async () => {
    const { bank, article } = await firstShippedBank();
    const out = path.join(dir, 'package.zip');
    const result = await runExport(
      dir,
      '--bank',
      bank.id,
      '--format',
      'qti3',
      '--out',
      out,
      '--questions',
      QUESTIONS,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const expected = buildLmsExport('qti3', { bank, article });
    const written = new Uint8Array(await readFile(out));
    expect(written).toEqual(expected.bytes);
    expect(Object.keys(unzipSync(written))).toContain('imsmanifest.xml');
    expect(result.stderr).toMatch(
      new RegExp(`^Wrote ${out}: ${bank.questions.length} questions of ${bank.id} as qti3; `),
    );
    for (const note of expected.report) expect(result.stderr).toContain(note.message);
    // QTI's note about the whole bank is listed apart and counted as no question.
    const withLoss = new Set(expected.report.map((note) => note.questionId)).size - 1;
    expect(result.stderr).toContain(
      `; ${withLoss} question${withLoss === 1 ? '' : 's'} with a loss`,
    );
    const [quizWide, questions] = result.stderr.split('\nQuestions:\n');
    expect(quizWide).toContain('About the whole bank:\n  ');
    expect(questions).not.toContain('QTI 3.0 has no place for skills');
  });

  it("writes GIFT under the export's own file name when there is no --out", async () => {
    const { bank, article } = await firstShippedBank();
    const result = await runExport(
      dir,
      '--bank',
      bank.id,
      '--format',
      'gift',
      '--questions',
      QUESTIONS,
    );
    expect(result.code).toBe(0);
    const { fileName, bytes } = buildLmsExport('gift', { bank, article });
    expect(new Uint8Array(await readFile(path.join(dir, fileName)))).toEqual(bytes);
  });

  it('refuses an unknown format or bank, saying what there is', async () => {
    const { bank } = await firstShippedBank();
    const format = await runExport(
      dir,
      '--bank',
      bank.id,
      '--format',
      'docx',
      '--questions',
      QUESTIONS,
    );
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/Unknown format "docx"\.\nUsage: npm run export -- --bank/);
    const missing = await runExport(
      dir,
      '--bank',
      'nope',
      '--format',
      'gift',
      '--questions',
      QUESTIONS,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`There is no bank "nope" without problems in ${QUESTIONS}/.`);
    expect(missing.stderr).toContain(bank.id);
  });
});
