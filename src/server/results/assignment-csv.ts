import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { findSentence } from '../../domain/article';
import { presentQuestions } from '../../domain/attempt-plan';
import { describeResponse } from '../../domain/describe-response';
import type { ResolvedQuestion } from '../../domain/resolved-bank';
import type { BankVersion } from '../content/content-store';
import type { listPlansAndAnswers, ScoredAttempt } from './result-queries';
import type { GradebookAttempt, GradebookRows } from './gradebook';
import { CSV_BOM, toCsvLine, type CsvCell } from './csv';

/** Attempts written per chunk of the stream; the event loop gets a turn between chunks. */
const ATTEMPTS_PER_CHUNK = 200;

const STATUS_LABELS: Record<GradebookAttempt['status'], string> = {
  'in-progress': 'in progress',
  submitted: 'submitted',
  overdue: 'overdue (submitted when time ran out)',
};

/** How long a question's prompt may be in a column heading before it is cut at a word. */
const HEADING_PROMPT_LENGTH = 40;

/** A prompt cut to about `length` characters at a word boundary, with an ellipsis if cut. */
export function shortenPrompt(prompt: string, length = HEADING_PROMPT_LENGTH): string {
  const text = prompt.replace(/\s+/g, ' ').trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, length + 1);
  const atWord = cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:.–—-]+$/, '');
  return `${atWord.length > length / 2 ? atWord : text.slice(0, length)}…`;
}

/** A question's column heading: its number in bank order and the start of its prompt. */
function questionHeading(question: ResolvedQuestion, index: number): string {
  return `Q${index + 1} ${shortenPrompt(question.prompt)}`;
}

/** Throws a RangeError naming the zone if `timeZone` is not an IANA time zone. */
export function checkTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en', { timeZone });
}

/** Time zones change their offset only on a quarter hour, so one lookup serves a quarter hour. */
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * Writes ISO instants as local date-times in `timeZone` ("2026-03-02 10:05:00"), the form
 * Excel, LibreOffice and Google Sheets read as dates; the zone goes in the column heading.
 * Intl is asked for the zone's offset once per quarter hour, not once per cell: a year group's
 * export has hundreds of thousands of times.
 */
export function localTimeWriter(timeZone: string): (instant: string | null) => string | null {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (quarter: number): number => {
    const start = quarter * QUARTER_HOUR_MS;
    const part = Object.fromEntries(
      format.formatToParts(new Date(start)).map(({ type, value }) => [type, Number(value)]),
    );
    const local = Date.UTC(
      part.year ?? 0,
      (part.month ?? 1) - 1,
      part.day ?? 1,
      part.hour ?? 0,
      part.minute ?? 0,
      part.second ?? 0,
    );
    return local - start;
  };
  return (instant) => {
    if (instant === null) return null;
    const time = Date.parse(instant);
    const quarter = Math.floor(time / QUARTER_HOUR_MS);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = offsetAt(quarter);
      offsets.set(quarter, offset);
    }
    return new Date(time + offset).toISOString().slice(0, 19).replace('T', ' ');
  };
}

function minutesBetween(seconds: number | null): CsvCell {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

/** The rows a chunk at a time, with a turn of the event loop before each chunk but the first. */
async function* inChunks<T>(rows: readonly T[]): AsyncGenerator<T[]> {
  for (let start = 0; start < rows.length; start += ATTEMPTS_PER_CHUNK) {
    if (start > 0) await yieldToEventLoop();
    yield rows.slice(start, start + ATTEMPTS_PER_CHUNK);
  }
}

/** The heading line, after the BOM: every file's rows start with the student, attempt and status. */
function headingLine(headings: string[]): string {
  return CSV_BOM + toCsvLine(['Student', 'Attempt', 'Status', ...headings]);
}

/** Who made the attempt, which of theirs it is, and its status: the first cells of every row. */
function attemptCells(row: GradebookAttempt): CsvCell[] {
  return [row.studentName, row.attemptNumber, STATUS_LABELS[row.status]];
}

function marksByAttempt(attempts: ScoredAttempt[]): Map<string, ScoredAttempt['marks']> {
  return new Map(attempts.map((attempt) => [attempt.id, attempt.marks]));
}

export interface CsvSource {
  questions: ResolvedQuestion[];
  gradebook: GradebookRows;
  /** The same attempts, with each question's mark. */
  attempts: ScoredAttempt[];
  /** IANA time zone the times are written in, e.g. `Europe/Berlin`. */
  timeZone: string;
}

/**
 * summary.csv, a chunk of lines at a time: one row per attempt with the student, the attempt's
 * number, status, local times, score and percent, the student's counted percent, the questions a
 * teacher's acceptance regraded ("Q3 Q5"), and a column per question (bank order, headed by its
 * number and prompt) with the points earned.
 */
export async function* writeSummaryCsv({
  questions,
  gradebook,
  attempts,
  timeZone,
}: CsvSource): AsyncGenerator<string> {
  const localTime = localTimeWriter(timeZone);
  const countedByKey = new Map(
    gradebook.students.map((student) => [student.studentKey, student.countedPercent]),
  );
  const marksById = marksByAttempt(attempts);
  yield headingLine([
    `Started at (${timeZone})`,
    `Submitted at (${timeZone})`,
    'Time taken (minutes)',
    'Score',
    'Max points',
    'Percent',
    'Counted percent',
    'Counts',
    'Regraded',
    ...questions.map(questionHeading),
  ]);
  for await (const rows of inChunks(gradebook.attempts)) {
    yield rows
      .map((row) => {
        const marks = marksById.get(row.attemptId);
        return toCsvLine([
          ...attemptCells(row),
          localTime(row.startedAt),
          localTime(row.submittedAt),
          minutesBetween(row.timeTakenSeconds),
          row.score,
          row.maxPoints,
          row.percent,
          countedByKey.get(row.studentKey) ?? null,
          row.counts ? 'yes' : 'no',
          row.regradedQuestions.map((number) => `Q${number}`).join(' '),
          ...questions.map((question) => marks?.[question.id]?.points ?? null),
        ]);
      })
      .join('');
  }
}

/**
 * responses.csv, a chunk of lines at a time: one row per attempt and question (bank order) with
 * the response in words (evidence as the quoted sentences), the points and result it earned
 * (blank while in progress), whether the teacher accepted the typed answer (a regrade), and when
 * it was saved, in local time.
 */
export async function* writeResponsesCsv({
  version,
  questions,
  gradebook,
  attempts,
  timeZone,
  readAnswers,
}: CsvSource & {
  version: BankVersion;
  /** The plans and saved answers of a chunk of attempts. */
  readAnswers: (attemptIds: string[]) => ReturnType<typeof listPlansAndAnswers>;
}): AsyncGenerator<string> {
  const localTime = localTimeWriter(timeZone);
  const quoteSentence = (sentenceId: string) =>
    `“${findSentence(version.article, sentenceId)?.text ?? sentenceId}”`;
  const marksById = marksByAttempt(attempts);
  yield headingLine([
    'Question number',
    'Question id',
    'Question',
    'Response',
    'Points',
    'Max points',
    'Result',
    'Accepted by teacher',
    `Saved at (${timeZone})`,
  ]);
  for await (const rows of inChunks(gradebook.attempts)) {
    const saved = await readAnswers(rows.map((row) => row.attemptId));
    yield rows
      .flatMap((row) => {
        const attempt = saved.get(row.attemptId);
        if (!attempt) return [];
        const shown = new Map(
          presentQuestions(version.bank, attempt.plan).map((question) => [question.id, question]),
        );
        const marks = marksById.get(row.attemptId);
        return questions.flatMap((question, index) => {
          const publicQuestion = shown.get(question.id);
          if (!publicQuestion) return [];
          const mark = marks?.[question.id];
          const answer = attempt.answers.get(question.id);
          return [
            toCsvLine([
              ...attemptCells(row),
              index + 1,
              question.id,
              question.prompt,
              describeResponse(publicQuestion, answer?.response, quoteSentence),
              mark?.points ?? null,
              mark?.maxPoints ?? null,
              mark?.status ?? null,
              row.regradedQuestions.includes(index + 1) ? 'yes' : null,
              localTime(answer?.savedAt ?? null),
            ]),
          ];
        });
      })
      .join('');
  }
}

/** A file name from a title: lower-case ASCII words and dashes, never empty. */
export function toFileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem === '' ? 'assignment' : stem;
}
