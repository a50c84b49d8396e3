import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AttemptPlan } from '../../domain/attempt-plan';
import type { ResponseMap, QuestionResponse } from '../../domain/responses';
import type { AttemptResult, ResultStatus } from '../../domain/results';
import type { AppDatabase } from '../db/database';
import type { AttemptReviewRule, AttemptRow, AttemptStatus, SubmittedBy } from '../db/schema';

/** An attempt as the routes use it: columns decoded, JSON parsed. */
export interface Attempt {
  id: string;
  tokenHash: string;
  bankId: string;
  contentVersion: string;
  plan: AttemptPlan;
  seed: number;
  status: AttemptStatus;
  reviewPolicy: AttemptReviewRule;
  startedAt: string;
  deadline: string | null;
  submittedAt: string | null;
  submittedBy: SubmittedBy | null;
  result: AttemptResult | null;
  /** Null for practice. */
  assignmentId: string | null;
  /** The name an assignment's student joined with; null for practice. */
  studentName: string | null;
}

export interface SavedResponses {
  responses: ResponseMap;
  /**
   * When each question's answer was last saved or cleared, by question id: a cleared answer has
   * a time here and no entry in `responses`.
   */
  savedAt: Record<string, string>;
}

/** A submitted question's score without the rest of its review. */
export interface QuestionMark {
  points: number;
  maxPoints: number;
  status: ResultStatus;
}

/** Each question's mark by question id. */
export type Marks = Record<string, QuestionMark>;

/** The columns a result is stored in (see `AttemptTable`). */
export function toStoredResult(result: AttemptResult) {
  return {
    result_deflated: deflateRawSync(JSON.stringify(result)),
    score_total: result.total,
    score_max_points: result.maxPoints,
    score_percent: result.percent,
    marks_json: JSON.stringify(
      Object.fromEntries(
        result.questions.map((review) => [
          review.question.id,
          [review.points, review.maxPoints, review.status],
        ]),
      ),
    ),
  };
}

/** Reads the marks column (`[points, maxPoints, status]` per question id). */
export function parseMarks(marksJson: string | null): Marks | null {
  if (marksJson === null) return null;
  const stored = JSON.parse(marksJson) as Record<string, [number, number, ResultStatus]>;
  const marks: Marks = {};
  for (const [questionId, [points, maxPoints, status]] of Object.entries(stored)) {
    marks[questionId] = { points, maxPoints, status };
  }
  return marks;
}

/** Decodes an attempts row: JSON parsed, the result inflated, columns renamed. */
export function toAttempt(row: AttemptRow): Attempt {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    bankId: row.bank_id,
    contentVersion: row.content_version,
    plan: JSON.parse(row.plan_json) as AttemptPlan,
    seed: row.seed,
    status: row.status,
    reviewPolicy: row.review_policy,
    startedAt: row.started_at,
    deadline: row.deadline,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    result:
      row.result_deflated === null
        ? null
        : (JSON.parse(inflateRawSync(row.result_deflated).toString('utf8')) as AttemptResult),
    assignmentId: row.assignment_id,
    studentName: row.student_name,
  };
}

/** What a new attempt is stored with: it starts in progress, unsubmitted. */
export type NewAttemptRecord = Omit<
  Attempt,
  'status' | 'submittedAt' | 'submittedBy' | 'result'
> & {
  /** `studentNameKey(studentName)`; null for practice. */
  studentKey: string | null;
};

/** Stores a new in-progress attempt; its content snapshot must already be saved. */
export async function insertAttempt(db: AppDatabase, attempt: NewAttemptRecord): Promise<void> {
  await db
    .insertInto('attempts')
    .values({
      id: attempt.id,
      token_hash: attempt.tokenHash,
      bank_id: attempt.bankId,
      content_version: attempt.contentVersion,
      plan_json: JSON.stringify(attempt.plan),
      seed: attempt.seed,
      status: 'in-progress',
      review_policy: attempt.reviewPolicy,
      started_at: attempt.startedAt,
      deadline: attempt.deadline,
      submitted_at: null,
      submitted_by: null,
      result_deflated: null,
      score_total: null,
      score_max_points: null,
      score_percent: null,
      marks_json: null,
      assignment_id: attempt.assignmentId,
      student_name: attempt.studentName,
      student_key: attempt.studentKey,
    })
    .execute();
}

export async function getAttempt(db: AppDatabase, id: string): Promise<Attempt | undefined> {
  const row = await db.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAttempt(row);
}

export async function listResponses(db: AppDatabase, attemptId: string): Promise<SavedResponses> {
  const rows = await db
    .selectFrom('responses')
    .select(['question_id', 'response_json', 'saved_at'])
    .where('attempt_id', '=', attemptId)
    .execute();
  const saved: SavedResponses = { responses: {}, savedAt: {} };
  for (const row of rows) {
    if (row.response_json !== null) {
      saved.responses[row.question_id] = JSON.parse(row.response_json) as QuestionResponse;
    }
    saved.savedAt[row.question_id] = row.saved_at;
  }
  return saved;
}

export interface ResponseSave {
  attemptId: string;
  questionId: string;
  /** Null clears the answer. */
  response: QuestionResponse | null;
  savedAt: string;
  /** The earliest deadline still open: the save time less any grace period. */
  latestDeadline: string;
}

/** Writes one answer if the attempt is in progress and on time; returns whether it did. */
async function upsertResponse(db: AppDatabase, save: ResponseSave): Promise<boolean> {
  const result = await db
    .insertInto('responses')
    .columns(['attempt_id', 'question_id', 'response_json', 'saved_at'])
    .expression((eb) =>
      eb
        .selectFrom('attempts')
        .select([
          eb.val(save.attemptId).as('attempt_id'),
          eb.val(save.questionId).as('question_id'),
          eb.val(save.response === null ? null : JSON.stringify(save.response)).as('response_json'),
          eb.val(save.savedAt).as('saved_at'),
        ])
        .where('id', '=', save.attemptId)
        .where('status', '=', 'in-progress')
        .where((where) =>
          where.or([where('deadline', 'is', null), where('deadline', '>=', save.latestDeadline)]),
        ),
    )
    .onConflict((conflict) =>
      conflict.columns(['attempt_id', 'question_id']).doUpdateSet((eb) => ({
        response_json: eb.ref('excluded.response_json'),
        saved_at: eb.ref('excluded.saved_at'),
      })),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

interface PendingSave {
  save: ResponseSave;
  settle: (saved: boolean) => void;
  fail: (error: unknown) => void;
}

/** Saves waiting for the next group commit, per database. */
const pendingSaves = new WeakMap<AppDatabase, PendingSave[]>();

async function commitSaves(db: AppDatabase, pending: PendingSave[]): Promise<void> {
  try {
    const saved = await db.transaction().execute(async (trx) => {
      const results: boolean[] = [];
      for (const { save } of pending) results.push(await upsertResponse(trx, save));
      return results;
    });
    pending.forEach(({ settle }, index) => settle(saved[index] ?? false));
  } catch (error) {
    for (const { fail } of pending) fail(error);
  }
}

/**
 * Saves one answer, or clears it (`response: null`), replacing any earlier one for the same
 * question (last write wins), but only
 * while the attempt is in progress and its deadline is not before `latestDeadline`. The check and
 * the write are one statement, so an answer can never slip in after a submission has read the
 * answers. Resolves with whether the answer was saved, once it is committed.
 *
 * Saves that arrive together are committed together (group commit): a commit costs far more than
 * a row, so one transaction per event-loop turn keeps autosave cheap under load, and each answer
 * is still acknowledged only once it is on disk. Within a group, saves apply in arrival order.
 */
export function saveResponse(db: AppDatabase, save: ResponseSave): Promise<boolean> {
  return new Promise((settle, fail) => {
    let pending = pendingSaves.get(db);
    if (!pending) {
      const group: PendingSave[] = [];
      pending = group;
      pendingSaves.set(db, group);
      setImmediate(() => {
        pendingSaves.delete(db);
        void commitSaves(db, group);
      });
    }
    pending.push({ save, settle, fail });
  });
}

/**
 * Submits an attempt once: scores its saved answers with `score` and stores the result in the
 * same transaction, so no answer is saved between reading and scoring. An attempt already
 * submitted is returned unchanged, with the result stored the first time.
 */
export async function submitAttempt(
  db: AppDatabase,
  attemptId: string,
  { submittedAt, submittedBy }: { submittedAt: string; submittedBy: SubmittedBy },
  score: (attempt: Attempt, responses: ResponseMap) => AttemptResult,
): Promise<Attempt | undefined> {
  return db.transaction().execute(async (trx) => {
    const attempt = await getAttempt(trx, attemptId);
    if (!attempt || attempt.status === 'submitted') return attempt;
    const { responses } = await listResponses(trx, attemptId);
    const result = score(attempt, responses);
    await trx
      .updateTable('attempts')
      .set({
        status: 'submitted',
        submitted_at: submittedAt,
        submitted_by: submittedBy,
        ...toStoredResult(result),
      })
      .where('id', '=', attemptId)
      .execute();
    return { ...attempt, status: 'submitted', submittedAt, submittedBy, result };
  });
}

export interface OverdueAttempt {
  id: string;
  contentVersion: string;
  deadline: string;
}

/**
 * Up to `limit` attempts still in progress whose deadline is before `deadlineBefore`, earliest
 * deadline first; optionally only those of one assignment or the one attempt.
 */
export async function listOverdueAttempts(
  db: AppDatabase,
  scope: { deadlineBefore: string; limit: number; assignmentId?: string; attemptId?: string },
): Promise<OverdueAttempt[]> {
  let query = db
    .selectFrom('attempts')
    .select(['id', 'content_version', 'deadline'])
    .where('status', '=', 'in-progress')
    .where('deadline', 'is not', null)
    .where('deadline', '<', scope.deadlineBefore)
    .orderBy('deadline')
    .limit(scope.limit);
  if (scope.assignmentId !== undefined)
    query = query.where('assignment_id', '=', scope.assignmentId);
  if (scope.attemptId !== undefined) query = query.where('id', '=', scope.attemptId);
  const rows = await query.execute();
  return rows.flatMap((row) =>
    row.deadline === null
      ? []
      : [{ id: row.id, contentVersion: row.content_version, deadline: row.deadline }],
  );
}

/**
 * Deletes up to `limit` practice attempts (no assignment) still in progress that started before
 * `startedBefore`, with their answers; returns how many.
 */
export async function deleteAbandonedPracticeAttempts(
  db: AppDatabase,
  { startedBefore, limit }: { startedBefore: string; limit: number },
): Promise<number> {
  const result = await db
    .deleteFrom('attempts')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('attempts')
        .select('id')
        .where('status', '=', 'in-progress')
        .where('started_at', '<', startedBefore)
        .where('assignment_id', 'is', null)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
