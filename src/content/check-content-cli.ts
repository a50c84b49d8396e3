import { QUESTION_TYPES, type QuestionType } from '../domain/question-kinds';
import { formatProblems, loadContent, type LoadedContent } from './load-content';
import { checkSchemaFile } from './schema-file';

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function summarise(content: LoadedContent): string {
  const byType = new Map<QuestionType, number>();
  for (const { bank } of content.banks.values()) {
    for (const question of bank.questions)
      byType.set(question.type, (byType.get(question.type) ?? 0) + 1);
  }
  const total = [...byType.values()].reduce((sum, count) => sum + count, 0);
  const types = QUESTION_TYPES.filter((type) => byType.has(type))
    .map((type) => `${type} ${byType.get(type)}`)
    .join(', ');
  return `Content OK: ${countOf(content.articles.size, 'article')}, ${countOf(content.banks.size, 'bank')}, ${countOf(total, 'question')}${types ? ` (${types})` : ''}`;
}

// `npm run check:content [questions-dir]`: every problem at once, exit 1 if there is any.
const questionsDir = process.argv[2] ?? 'questions';
const content = await loadContent(questionsDir);
const schemaProblem = await checkSchemaFile(questionsDir);
const problems = schemaProblem ? [...content.problems, schemaProblem] : content.problems;

if (problems.length === 0) {
  console.log(summarise(content));
} else {
  const files = new Set(problems.map((problem) => problem.file)).size;
  console.log(formatProblems(problems));
  console.log(`\n${countOf(problems.length, 'problem')} in ${countOf(files, 'file')}.`);
  process.exitCode = 1;
}
