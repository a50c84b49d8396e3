import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  countNotedQuestions,
  INTEROP_FORMATS,
  notedQuestion,
  type InteropFormat,
} from '../../domain/interop/interop-format';
import { formatProblems, loadContent } from '../load-content';
import { buildLmsExport, describeInteropNote } from './lms-export';

const USAGE = `Usage: npm run export -- --bank <bank-id> --format <${INTEROP_FORMATS.join('|')}> [--out <path>] [--questions <dir>]
Writes the bank to <path> (default: its file name in the current folder) and the export report to stderr.`;

function countOf(questions: number): string {
  return `${questions} question${questions === 1 ? '' : 's'}`;
}

function isFormat(value: string): value is InteropFormat {
  return (INTEROP_FORMATS as readonly string[]).includes(value);
}

/** `npm run export`: a shipped bank (questions/) as a GIFT, Moodle XML or QTI 3.0 file. */
async function main(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        bank: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        questions: { type: 'string', default: 'questions' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { bank: bankId, format, out, questions } = values;
  if (bankId === undefined || format === undefined || !isFormat(format)) {
    console.error(
      `${format === undefined || isFormat(format) ? 'Name a bank and a format.' : `Unknown format "${format}".`}\n${USAGE}`,
    );
    return 2;
  }
  const content = await loadContent(questions);
  const loaded = content.banks.get(bankId);
  if (!loaded) {
    const problems = content.problems.length > 0 ? `\n${formatProblems(content.problems)}` : '';
    console.error(
      `There is no bank "${bankId}" without problems in ${questions}/. Banks: ${[...content.banks.keys()].join(', ')}.${problems}`,
    );
    return 1;
  }
  const download = buildLmsExport(format, { bank: loaded.bank, article: loaded.article });
  const path = out ?? download.fileName;
  await writeFile(path, download.bytes);
  const lost = countNotedQuestions(download.report);
  const quizWide = download.report.filter((note) => notedQuestion(note) === undefined);
  const perQuestion = download.report.filter((note) => notedQuestion(note) !== undefined);
  console.error(
    `Wrote ${path}: ${countOf(loaded.bank.questions.length)} of ${bankId} as ${format}; ${download.report.length === 0 ? 'nothing was lost.' : `${countOf(lost)} with a loss or skipped.`}`,
  );
  if (quizWide.length > 0) console.error('About the whole bank:');
  for (const note of quizWide) console.error(`  ${describeInteropNote(note)}`);
  if (perQuestion.length > 0) console.error('Questions:');
  for (const note of perQuestion) console.error(`  ${describeInteropNote(note)}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
