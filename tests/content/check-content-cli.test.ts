import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSchemaFile, schemaFilePath } from '../../src/content/schema-file';
import { buildBankJsonSchema } from '../../src/domain/question-schema';

const run = promisify(execFile);

/** Runs a CLI the way `npm run` does (through tsx), returning its exit code and output. */
async function runCli(script: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const CHECK = 'src/content/check-content-cli.ts';
const WRITE_SCHEMA = 'src/content/write-schema-cli.ts';

describe('npm run check:content', { timeout: 30_000 }, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'readproof-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a one-line summary and exits 0 on clean content', async () => {
    await cp('tests/content/fixtures/valid', dir, { recursive: true });
    expect((await runCli(WRITE_SCHEMA, dir)).code).toBe(0);

    const result = await runCli(CHECK, dir);
    expect(result).toEqual({
      code: 0,
      stdout:
        'Content OK: 1 article, 1 bank, 10 questions (single 1, multiple 1, judgement 1, numeric 1, short 1, match 1, order 1, evidence 1, two-part 1, cloze 1)\n',
      stderr: '',
    });
  });

  it('prints every problem as file:line:col [question-id] message and exits 1', async () => {
    const broken = 'tests/content/fixtures/broken';
    const result = await runCli(CHECK, broken);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      `${path.join(broken, 'sample-article', 'wrong-type.yaml')}:11:13 [points-as-word] "points" should be a number, not the text "two".`,
    );
    expect(lines).toContain(
      `${schemaFilePath(broken)}:1:1 The editor schema is missing. Run \`npm run schema\` to write it.`,
    );
    const problemLines = lines.filter((line) => /^\S+:\d+:\d+ /.test(line));
    const files = new Set(problemLines.map((line) => line.slice(0, line.indexOf(':'))));
    expect(lines.at(-1)).toBe(`${problemLines.length} problems in ${files.size} files.`);
  });

  it('tells to run `npm run schema` when schema.json is stale', async () => {
    await cp('tests/content/fixtures/valid', dir, { recursive: true });
    await writeFile(schemaFilePath(dir), JSON.stringify({ type: 'object' }));
    const result = await runCli(CHECK, dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/schema\.json:1:1 .*out of date.*Run `npm run schema`/);
  });
});

describe('questions/schema.json', () => {
  it('is what `npm run schema` writes from the zod schema, and is up to date', async () => {
    const written: unknown = JSON.parse(await readFile('questions/schema.json', 'utf8'));
    expect(written).toEqual(buildBankJsonSchema());
    await expect(checkSchemaFile('questions')).resolves.toBeUndefined();
  });

  it('is JSON Schema draft 7, the version the YAML language server supports', () => {
    expect(buildBankJsonSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
});
