import type { NotNull } from 'kysely';
import type { AttemptPlan } from '../../domain/attempt-plan';
import type { QuestionResponse } from '../../domain/responses';
import { selectAssignmentAttempts } from '../assignments/assignment-attempt-queries';
import { parseMarks, type Marks } from '../attempts/attempt-queries';
import type { AppDatabase } from '../db/database';
import type { AttemptStatus, SubmittedBy } from '../db/schema';

/**
 * An assignment's attempt as the gradebook and the CSVs read it: the score and each question's
 * mark from their own columns, never the whole stored result.
 */
export interface ScoredAttempt {
  id: string;
  studentName: string;
  studentKey: string;
  status: AttemptStatus;
  submittedBy: SubmittedBy | null;
  startedAt: string;
  deadline: string | null;
  submittedAt: string | null;
  /** How many questions have a saved answer. */
  answeredCount: number;
  /** Null while in progress. */
  score: { total: number; maxPoints: number; percent: number } | null;
  /** Null while in progress. */
  marks: Marks | null;
}

/** Every attempt at an assignment, by start time, with its score and marks. */
export async function listScoredAttempts(
  db: AppDatabase,
  assignmentId: string,
): Promise<ScoredAttempt[]> {
  const rows = await selectAssignmentAttempts(db, assignmentId)
    .select([
      'id',
      'student_name',
      'student_key',
      'status',
      'submitted_by',
      'started_at',
      'deadline',
      'submitted_at',
      'score_total',
      'score_max_points',
      'score_percent',
      'marks_json',
    ])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    studentName: row.student_name ?? '',
    studentKey: row.student_key ?? '',
    status: row.status,
    submittedBy: row.submitted_by,
    startedAt: row.started_at,
    deadline: row.deadline,
    submittedAt: row.submitted_at,
    answeredCount: Number(row.answered_count ?? 0),
    score:
      row.score_total === null || row.score_max_points === null || row.score_percent === null
        ? null
        : { total: row.score_total, maxPoints: row.score_max_points, percent: row.score_percent },
    marks: parseMarks(row.marks_json),
  }));
}

/**
 * A number that changes whenever anything about an assignment's attempts changes (one joins,
 * saves or clears an answer, submits, runs out of time, is deleted): triggers raise it.
 */
export async function getResultsRevision(db: AppDatabase, assignmentId: string): Promise<number> {
  const row = await db
    .selectFrom('results_revisions')
    .select('revision')
    .where('assignment_id', '=', assignmentId)
    .executeTakeFirst();
  return row?.revision ?? 0;
}

export interface SavedAnswer {
  response: QuestionResponse;
  savedAt: string;
}

/**
 * The question order and saved answers (cleared ones left out) of some attempts: attempt id ->
 * its plan and question id -> answer. The CSV export reads them a batch of attempts at a time.
 */
export async function listPlansAndAnswers(
  db: AppDatabase,
  attemptIds: readonly string[],
): Promise<Map<string, { plan: AttemptPlan; answers: Map<string, SavedAnswer> }>> {
  const byAttempt = new Map<string, { plan: AttemptPlan; answers: Map<string, SavedAnswer> }>();
  if (attemptIds.length === 0) return byAttempt;
  const plans = await db
    .selectFrom('attempts')
    .select(['id', 'plan_json'])
    .where('id', 'in', attemptIds)
    .execute();
  for (const row of plans) {
    byAttempt.set(row.id, { plan: JSON.parse(row.plan_json) as AttemptPlan, answers: new Map() });
  }
  const answers = await db
    .selectFrom('responses')
    .select(['attempt_id', 'question_id', 'response_json', 'saved_at'])
    .where('attempt_id', 'in', attemptIds)
    .where('response_json', 'is not', null)
    .$narrowType<{ response_json: NotNull }>()
    .execute();
  for (const row of answers) {
    byAttempt.get(row.attempt_id)?.answers.set(row.question_id, {
      response: JSON.parse(row.response_json) as QuestionResponse,
      savedAt: row.saved_at,
    });
  }
  return byAttempt;
}

/**
 * The sentences each attempt at an assignment has highlighted (wholly or in part; removed
 * highlights left out): attempt id -> sentence ids, each once. Attempts without highlights are
 * absent.
 */
export async function listHighlightedSentences(
  db: AppDatabase,
  assignmentId: string,
): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('highlights')
    .innerJoin('attempts', 'attempts.id', 'highlights.attempt_id')
    .select(['highlights.attempt_id', 'highlights.sentence_id'])
    .distinct()
    .where('attempts.assignment_id', '=', assignmentId)
    .where('highlights.colour', 'is not', null)
    .execute();
  const byAttempt = new Map<string, string[]>();
  for (const row of rows) {
    byAttempt.set(row.attempt_id, [...(byAttempt.get(row.attempt_id) ?? []), row.sentence_id]);
  }
  return byAttempt;
}
