import { presentQuestions } from '../../domain/attempt-plan';
import { describeResponse } from '../../domain/describe-response';
import type { ResolvedQuestion } from '../../domain/resolved-bank';
import { quoteSentenceIn } from '../assignment-views';
import type { BankVersion } from '../content-store';
import type { AssignmentAttempt, SavedResponse } from '../db/assignment-attempts';
import type { GradebookAttempt, GradebookStudent } from '../gradebook';
import { toCsv, type CsvCell } from './csv';

const STATUS_LABELS: Record<GradebookAttempt['status'], string> = {
  'in-progress': 'in progress',
  submitted: 'submitted',
  overdue: 'overdue (submitted when time ran out)',
};

/** A question's column heading: its number in bank order and its id. */
function questionHeading(question: ResolvedQuestion, index: number): string {
  return `Q${index + 1} ${question.id}`;
}

function minutesBetween(seconds: number | null): CsvCell {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

/**
 * One row per attempt: the student, the attempt's number, status, times, score and percent, the
 * student's counted percent, and a column per question (bank order) with the points earned.
 */
export function buildSummaryCsv({
  questions,
  rows,
  students,
  attempts,
}: {
  questions: ResolvedQuestion[];
  rows: GradebookAttempt[];
  students: GradebookStudent[];
  attempts: AssignmentAttempt[];
}): string {
  const countedByKey = new Map(
    students.map((student) => [student.studentKey, student.countedPercent]),
  );
  const attemptById = new Map(attempts.map((attempt) => [attempt.id, attempt]));
  const header = [
    'Student',
    'Attempt',
    'Status',
    'Started at',
    'Submitted at',
    'Time taken (minutes)',
    'Score',
    'Max points',
    'Percent',
    'Counted percent',
    'Counts',
    ...questions.map(questionHeading),
  ];
  const body = rows.map((row): CsvCell[] => {
    const attempt = attemptById.get(row.attemptId);
    const pointsById = new Map(
      (attempt?.result?.questions ?? []).map((review) => [review.question.id, review.points]),
    );
    return [
      row.studentName,
      row.attemptNumber,
      STATUS_LABELS[row.status],
      row.startedAt,
      row.submittedAt,
      minutesBetween(row.timeTakenSeconds),
      row.score,
      row.maxPoints,
      row.percent,
      countedByKey.get(row.studentKey) ?? null,
      row.counts ? 'yes' : 'no',
      ...questions.map((question) => pointsById.get(question.id) ?? null),
    ];
  });
  return toCsv(header, body);
}

/**
 * One row per attempt and question (bank order): the response in words, the points and status it
 * earned (blank while the attempt is in progress), and when it was saved.
 */
export function buildResponsesCsv({
  version,
  questions,
  rows,
  attempts,
  savedResponses,
}: {
  version: BankVersion;
  questions: ResolvedQuestion[];
  rows: GradebookAttempt[];
  attempts: AssignmentAttempt[];
  /** attempt id -> question id -> the saved response and when. */
  savedResponses: Map<string, Map<string, SavedResponse>>;
}): string {
  const quoteSentence = quoteSentenceIn(version.article);
  const attemptById = new Map(attempts.map((attempt) => [attempt.id, attempt]));
  const header = [
    'Student',
    'Attempt',
    'Status',
    'Question number',
    'Question id',
    'Question',
    'Response',
    'Points',
    'Max points',
    'Result',
    'Saved at',
  ];
  const body = rows.flatMap((row): CsvCell[][] => {
    const attempt = attemptById.get(row.attemptId);
    if (!attempt) return [];
    const shown = new Map(
      presentQuestions(version.bank, attempt.plan).map((question) => [question.id, question]),
    );
    const reviews = new Map(
      (attempt.result?.questions ?? []).map((review) => [review.question.id, review]),
    );
    const saved = savedResponses.get(attempt.id);
    return questions.flatMap((question, index): CsvCell[][] => {
      const publicQuestion = shown.get(question.id);
      if (!publicQuestion) return [];
      const review = reviews.get(question.id);
      const entry = saved?.get(question.id);
      const response = review?.response ?? entry?.response ?? null;
      return [
        [
          row.studentName,
          row.attemptNumber,
          STATUS_LABELS[row.status],
          index + 1,
          question.id,
          question.prompt,
          describeResponse(publicQuestion, response, quoteSentence),
          review?.points ?? null,
          review?.maxPoints ?? null,
          review?.status ?? null,
          entry?.savedAt ?? null,
        ],
      ];
    });
  });
  return toCsv(header, body);
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
