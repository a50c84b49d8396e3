import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildBankJsonSchema } from '../domain/question-schema';
import type { ContentProblem } from './content-problem';

/** Banks point to this file with `# yaml-language-server: $schema=../schema.json`. */
export function schemaFilePath(questionsDir: string): string {
  return path.join(questionsDir, 'schema.json');
}

/** Writes the bank JSON Schema, generated from the zod schema, to `<questionsDir>/schema.json`. */
export async function writeSchemaFile(questionsDir: string): Promise<string> {
  const file = schemaFilePath(questionsDir);
  await writeFile(file, `${JSON.stringify(buildBankJsonSchema(), null, 2)}\n`);
  return file;
}

/**
 * Whether `<questionsDir>/schema.json` says what the zod schema says. Compared as data, not text,
 * so reformatting the file does not make it stale.
 */
export async function checkSchemaFile(questionsDir: string): Promise<ContentProblem | undefined> {
  const file = schemaFilePath(questionsDir);
  const problem = (message: string): ContentProblem => ({ file, line: 1, column: 1, message });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return problem('The editor schema is missing. Run `npm run schema` to write it.');
  }
  let written: unknown;
  try {
    written = JSON.parse(text);
  } catch {
    return problem('The editor schema is not valid JSON. Run `npm run schema` to write it again.');
  }
  return isDeepStrictEqual(written, buildBankJsonSchema())
    ? undefined
    : problem(
        'The editor schema is out of date with the bank format (src/domain/question-schema.ts). Run `npm run schema` to write it again.',
      );
}
