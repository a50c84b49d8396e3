import { writeSchemaFile } from './schema-file';

// `npm run schema [questions-dir]`: regenerate the JSON Schema editors use for question banks.
const file = await writeSchemaFile(process.argv[2] ?? 'questions');
console.log(`Wrote ${file}`);
