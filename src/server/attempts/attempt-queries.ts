import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { sql, type QueryResult } from 'kysely';
import type { AttemptPlan } from '../../domain/attempt-plan';
import {
  HIGHLIGHT_LIMITS,
  highlightKeyOf,
  sortHighlights,
  type Highlight,
  type HighlightColour,
  type HighlightMark,
  type HighlightPlace,
} from '../../domain/highlights';
import type { TeacherAcceptance } from '../../domain/regrade';
import type { ResponseMap, QuestionResponse } from '../../domain/responses';
import type { AttemptResult, ResultStatus } from '../../domain/results';
import type { AppDatabase } from '../db/database';
import { isDatabaseError, isPostgres, lockUntilCommit } from '../db/dialect';
import { reuseStatement } from '../db/reusable-statement';
import type { AttemptReviewRule, AttemptRow, AttemptStatus, SubmittedBy } from '../db/schema';
import { listTeacherAcceptances, regradeLockName } from '../results/teacher-acceptances';

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
  /** The teacher whose preview of their own quiz this is (src/server/authoring/preview-routes.ts); null otherwise. */
  previewTeacherId: string | null;
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

/** A result's score columns: total, maximum, percent, and each question's mark. */
function toScoreColumns(result: AttemptResult) {
  const marks: Record<string, [number, number, ResultStatus]> = {};
  for (const review of result.questions) {
    marks[review.question.id] = [review.points, review.maxPoints, review.status];
  }
  return {
    score_total: result.total,
    score_max_points: result.maxPoints,
    score_percent: result.percent,
    marks_json: JSON.stringify(marks),
  };
}

/** Deflates a result's JSON for the `result_deflated` column. */
function deflateResultJson(resultJson: string): Uint8Array {
  // Level 1: half the CPU of the default level for ~15% more bytes.
  return deflateRawSync(resultJson, { level: 1 });
}

/** The columns a result is stored in, compressed at once (see `AttemptTable`). */
export function toStoredResult(result: AttemptResult) {
  return {
    result_deflated: deflateResultJson(JSON.stringify(result)),
    result_pending_json: null,
    ...toScoreColumns(result),
  };
}

/**
 * The columns a submission stores its result in: the JSON as it is, compressed later by
 * `compactStoredResults`. Deflating 17 KB cost a submit more than scoring it, so it is done off
 * the submit's path; the result is committed whole either way.
 */
function toSubmittedResult(result: AttemptResult, resultJson: string) {
  return { result_pending_json: resultJson, ...toScoreColumns(result) };
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

/** The stored result of an attempts row: compressed, or still as submitted; null before. */
function readStoredResult(row: AttemptRow): AttemptResult | null {
  if (row.result_deflated !== null) {
    return JSON.parse(inflateRawSync(row.result_deflated).toString('utf8')) as AttemptResult;
  }
  return row.result_pending_json === null
    ? null
    : (JSON.parse(row.result_pending_json) as AttemptResult);
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
    result: readStoredResult(row),
    assignmentId: row.assignment_id,
    studentName: row.student_name,
    previewTeacherId: row.preview_teacher_id,
  };
}

/** What a new attempt is stored with: it starts in progress, unsubmitted. */
export type NewAttemptRecord = Omit<
  Attempt,
  'status' | 'submittedAt' | 'submittedBy' | 'result' | 'previewTeacherId'
> & {
  /** `studentNameKey(studentName)`; null for practice. */
  studentKey: string | null;
  /** Only a teacher's preview has one. */
  previewTeacherId?: string;
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
      result_pending_json: null,
      score_total: null,
      score_max_points: null,
      score_percent: null,
      marks_json: null,
      assignment_id: attempt.assignmentId,
      student_name: attempt.studentName,
      student_key: attempt.studentKey,
      preview_teacher_id: attempt.previewTeacherId ?? null,
    })
    .execute();
}

const getAttemptStatement = reuseStatement(['id'], (db, param) =>
  db.selectFrom('attempts').selectAll().where('id', '=', param('id')),
);

export async function getAttempt(db: AppDatabase, id: string): Promise<Attempt | undefined> {
  const { rows } = await getAttemptStatement.run(db, { id });
  const row = rows[0] as AttemptRow | undefined;
  return row && toAttempt(row);
}

/**
 * The attempt, locked until the transaction `trx` ends, so no answer is saved to it (see
 * `upsertResponseStatement`) and no other instance submits it meanwhile. On SQLite, write
 * transactions already run one at a time.
 */
const getAttemptForUpdateStatement = reuseStatement(['id'], (db, param) =>
  db
    .selectFrom('attempts')
    .selectAll()
    .where('id', '=', param('id'))
    .$if(isPostgres(db), (query) => query.forUpdate()),
);

async function lockAttempt(trx: AppDatabase, id: string): Promise<Attempt | undefined> {
  const { rows } = await getAttemptForUpdateStatement.run(trx, { id });
  const row = rows[0] as AttemptRow | undefined;
  return row && toAttempt(row);
}

const listResponsesStatement = reuseStatement(['attemptId'], (db, param) =>
  db
    .selectFrom('responses')
    .select(['question_id', 'response_json', 'saved_at'])
    .where('attempt_id', '=', param('attemptId')),
);

export async function listResponses(db: AppDatabase, attemptId: string): Promise<SavedResponses> {
  const { rows } = (await listResponsesStatement.run(db, { attemptId })) as QueryResult<{
    question_id: string;
    response_json: string | null;
    saved_at: string;
  }>;
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

const upsertResponseStatement = reuseStatement(
  ['attemptId', 'questionId', 'responseJson', 'savedAt', 'latestDeadline'],
  (db, param) =>
    db
      .insertInto('responses')
      .columns(['attempt_id', 'question_id', 'response_json', 'saved_at'])
      .expression((eb) =>
        eb
          .selectFrom('attempts')
          .select([
            eb.val(param('attemptId')).as('attempt_id'),
            eb.val(param('questionId')).as('question_id'),
            eb.val(param('responseJson')).as('response_json'),
            eb.val(param('savedAt')).as('saved_at'),
          ])
          .where('id', '=', param('attemptId'))
          .where('status', '=', 'in-progress')
          .where((where) =>
            where.or([
              where('deadline', 'is', null),
              where('deadline', '>=', param('latestDeadline')),
            ]),
          )
          // On PostgreSQL, waits for a submit of this attempt in progress and then sees it
          // submitted, or makes the submit wait until this answer is committed: either way an
          // acknowledged answer is in the score.
          .$if(isPostgres(db), (query) => query.forShare()),
      )
      .onConflict((conflict) =>
        conflict.columns(['attempt_id', 'question_id']).doUpdateSet((eb) => ({
          response_json: eb.ref('excluded.response_json'),
          saved_at: eb.ref('excluded.saved_at'),
        })),
      ),
);

/** Writes one answer if the attempt is in progress and on time; returns whether it did. */
async function upsertResponse(db: AppDatabase, save: ResponseSave): Promise<boolean> {
  const result = await upsertResponseStatement.run(db, {
    attemptId: save.attemptId,
    questionId: save.questionId,
    responseJson: save.response === null ? null : JSON.stringify(save.response),
    savedAt: save.savedAt,
    latestDeadline: save.latestDeadline,
  });
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** A write waiting for the next group commit, and how to tell its caller the outcome. */
interface PendingWrite {
  apply: (trx: AppDatabase) => Promise<unknown>;
  settle: (value: unknown) => void;
  fail: (error: unknown) => void;
}

/** Writes (saves and submits) waiting for the next group commit, per database. */
const pendingWrites = new WeakMap<AppDatabase, PendingWrite[]>();

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function commitWrites(db: AppDatabase, pending: PendingWrite[]): Promise<void> {
  try {
    const outcomes = await db.transaction().execute(async (trx) => {
      const results: Outcome[] = [];
      for (const { apply } of pending) {
        try {
          results.push({ ok: true, value: await apply(trx) });
        } catch (error) {
          // A database error fails the whole group (SQLite may have rolled the transaction
          // back); anything else (a scorer's bug) fails only its own write, which wrote nothing.
          if (isDatabaseError(error)) throw error;
          results.push({ ok: false, error });
        }
      }
      return results;
    });
    pending.forEach(({ settle, fail }, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) settle(outcome.value);
      else fail(outcome?.error ?? new Error('The write was not applied'));
    });
  } catch (error) {
    for (const { fail } of pending) fail(error);
  }
}

/**
 * Runs `apply` in the next group commit: writes that arrive in the same event-loop turn share one
 * transaction, applied in arrival order, and each resolves only once that transaction is
 * committed. A commit costs far more than a row, so this keeps autosave and submit cheap under
 * load while each is still acknowledged only once it is on disk.
 */
function applyInNextCommit<T>(
  db: AppDatabase,
  apply: (trx: AppDatabase) => Promise<T>,
): Promise<T> {
  // PostgreSQL commits concurrent transactions of a pool's connections together by itself (its
  // write-ahead log is flushed once for all the commits waiting), and row locks order a save
  // against a submit of the same attempt, so each submit has a transaction of its own there.
  if (isPostgres(db)) return db.transaction().execute(apply);
  return new Promise<T>((settle, fail) => {
    let pending = pendingWrites.get(db);
    if (!pending) {
      const group: PendingWrite[] = [];
      pending = group;
      pendingWrites.set(db, group);
      setImmediate(() => {
        pendingWrites.delete(db);
        void commitWrites(db, group);
      });
    }
    pending.push({ apply, settle: settle as (value: unknown) => void, fail });
  });
}

/**
 * Saves one answer, or clears it (`response: null`), replacing any earlier one for the same
 * question (last write wins), but only
 * while the attempt is in progress and its deadline is not before `latestDeadline`. The check and
 * the write are one statement, so an answer can never slip in after a submission has read the
 * answers. Resolves with whether the answer was saved, once it is committed (group commit, with
 * the submits of the same turn, in arrival order: see `applyInNextCommit`). On PostgreSQL the one
 * statement commits on its own: a transaction around it would only add two round trips.
 */
export function saveResponse(db: AppDatabase, save: ResponseSave): Promise<boolean> {
  if (isPostgres(db)) return upsertResponse(db, save);
  return applyInNextCommit(db, (trx) => upsertResponse(trx, save));
}

/** An attempt's highlights (the live ones, in reading order) and when each place last changed. */
export interface SavedHighlights {
  highlights: Highlight[];
  /** When each highlight was last saved or removed, by key: a removed one has no highlight. */
  savedAt: Record<string, string>;
}

/** A highlight's columns beside its attempt's id, as read and as written. */
const HIGHLIGHT_COLUMNS = [
  'highlight_key',
  'sentence_id',
  'span_start',
  'span_end',
  'colour',
  'note',
  'saved_at',
] as const;

/** Reads an attempt's highlights and notes. */
export async function listHighlights(db: AppDatabase, attemptId: string): Promise<SavedHighlights> {
  const rows = await db
    .selectFrom('highlights')
    .select(HIGHLIGHT_COLUMNS)
    .where('attempt_id', '=', attemptId)
    .execute();
  const saved: SavedHighlights = { highlights: [], savedAt: {} };
  for (const row of rows) {
    saved.savedAt[row.highlight_key] = row.saved_at;
    if (row.colour === null) continue;
    saved.highlights.push({
      key: row.highlight_key,
      sentenceId: row.sentence_id,
      span:
        row.span_start === null || row.span_end === null
          ? null
          : { start: row.span_start, end: row.span_end },
      colour: row.colour as HighlightColour,
      note: row.note,
    });
  }
  saved.highlights = sortHighlights(saved.highlights);
  return saved;
}

export interface HighlightSave {
  attemptId: string;
  /** The place; with `mark` null the highlight there is removed. */
  place: HighlightPlace;
  mark: HighlightMark | null;
  savedAt: string;
  /** The earliest deadline still open: the save time less any grace period. */
  latestDeadline: string;
}

/**
 * Saves a highlight (or removes it, `mark: null`), replacing any earlier one at the same place
 * (last write wins), like an answer: only while the attempt is in progress and its deadline is not
 * before `latestDeadline`, checked in the same statement as the write, and committed with the
 * answers and submits of the same turn. A new highlight is refused once the attempt has
 * `HIGHLIGHT_LIMITS.perAttempt` (counted in the same transaction, before the write). Resolves
 * `saved`, `full` (too many), or `closed` (submitted, overdue or gone).
 */
export function saveHighlight(
  db: AppDatabase,
  save: HighlightSave,
): Promise<'saved' | 'full' | 'closed'> {
  return applyInNextCommit(db, async (trx) => {
    // On PostgreSQL, one highlight write per attempt at a time, so two new highlights sent at
    // once cannot both pass the count; a submit waits for it, or it sees the attempt submitted.
    if (isPostgres(trx)) await lockAttempt(trx, save.attemptId);
    const key = highlightKeyOf(save.place);
    if (
      save.mark !== null &&
      (await countOtherLiveHighlights(trx, save.attemptId, key)) >= HIGHLIGHT_LIMITS.perAttempt
    ) {
      return 'full';
    }
    const result = await trx
      .insertInto('highlights')
      .columns(['attempt_id', ...HIGHLIGHT_COLUMNS])
      .expression((eb) =>
        eb
          .selectFrom('attempts')
          .select([
            eb.val(save.attemptId).as('attempt_id'),
            eb.val(key).as('highlight_key'),
            eb.val(save.place.sentenceId).as('sentence_id'),
            sql<number | null>`${save.place.span?.start ?? null}`.as('span_start'),
            sql<number | null>`${save.place.span?.end ?? null}`.as('span_end'),
            sql<string | null>`${save.mark?.colour ?? null}`.as('colour'),
            sql<string | null>`${save.mark?.note ?? null}`.as('note'),
            eb.val(save.savedAt).as('saved_at'),
          ])
          .where('id', '=', save.attemptId)
          .where('status', '=', 'in-progress')
          .where((where) =>
            where.or([where('deadline', 'is', null), where('deadline', '>=', save.latestDeadline)]),
          ),
      )
      .onConflict((conflict) =>
        conflict.columns(['attempt_id', 'highlight_key']).doUpdateSet((eb) => ({
          colour: eb.ref('excluded.colour'),
          note: eb.ref('excluded.note'),
          saved_at: eb.ref('excluded.saved_at'),
        })),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 0 ? 'closed' : 'saved';
  });
}

/** How many highlights an attempt has, other than the one at `key`. */
async function countOtherLiveHighlights(
  db: AppDatabase,
  attemptId: string,
  key: string,
): Promise<number> {
  const { count } = await db
    .selectFrom('highlights')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('attempt_id', '=', attemptId)
    .where('colour', 'is not', null)
    .where('highlight_key', '!=', key)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export interface Submission {
  submittedAt: string;
  submittedBy: SubmittedBy;
  /**
   * An attempt still in progress whose deadline is before this (its grace period over) is
   * submitted as of its deadline, by the deadline, rather than as asked.
   */
  overdueBefore?: string;
}

export type ScoreSubmission = (
  attempt: Attempt,
  responses: ResponseMap,
  acceptances: readonly TeacherAcceptance[],
) => AttemptResult;

/** When this process last stored a submission (`performance.now()`), for `compactStoredResults`. */
let lastSubmitStoredAt = Number.NEGATIVE_INFINITY;

/** Milliseconds since this process last stored a submission. */
export function timeSinceLastSubmit(): number {
  return performance.now() - lastSubmitStoredAt;
}

/**
 * Compresses up to `limit` results stored as submitted (`result_pending_json`) into
 * `result_deflated`, in one transaction; returns how many. A result rewritten meanwhile (a
 * regrade stores it compressed) is left as it is.
 */
export async function compactPendingResults(db: AppDatabase, limit: number): Promise<number> {
  const rows = await db
    .selectFrom('attempts')
    .select(['id', 'result_pending_json'])
    .where('result_pending_json', 'is not', null)
    .limit(limit)
    .execute();
  const compacted = rows.flatMap(({ id, result_pending_json: json }) =>
    json === null ? [] : [{ id, deflated: deflateResultJson(json) }],
  );
  if (compacted.length === 0) return 0;
  const store = async (trx: AppDatabase) => {
    for (const { id, deflated } of compacted) {
      await trx
        .updateTable('attempts')
        .set({ result_deflated: deflated, result_pending_json: null })
        .where('id', '=', id)
        .where('result_pending_json', 'is not', null)
        .execute();
    }
  };
  // One transaction saves SQLite a commit per row. On PostgreSQL each row commits alone: a
  // transaction would hold many attempts' locks at once, inviting deadlocks with a regrade.
  await (isPostgres(db) ? store(db) : db.transaction().execute(store));
  return compacted.length;
}

const storeSubmissionStatement = reuseStatement(
  [
    'id',
    'submittedAt',
    'submittedBy',
    'result_pending_json',
    'score_total',
    'score_max_points',
    'score_percent',
    'marks_json',
  ],
  (db, param) =>
    db
      .updateTable('attempts')
      .set({
        status: 'submitted',
        submitted_at: param('submittedAt'),
        submitted_by: param('submittedBy') as SubmittedBy,
        result_deflated: null,
        result_pending_json: param('result_pending_json'),
        score_total: sql<number>`${param('score_total')}`,
        score_max_points: sql<number>`${param('score_max_points')}`,
        score_percent: sql<number>`${param('score_percent')}`,
        marks_json: param('marks_json'),
      })
      .where('id', '=', param('id')),
);

/** A submitted attempt; `resultJson` is its result as stored, when this call stored it. */
export type SubmittedAttempt = Attempt & { resultJson?: string };

/** Reads, scores and stores one submission inside the transaction `trx`. */
async function submitIn(
  trx: AppDatabase,
  attemptId: string,
  submission: Submission,
  score: ScoreSubmission,
): Promise<SubmittedAttempt | undefined> {
  const attempt = await lockAttempt(trx, attemptId);
  if (!attempt || attempt.status === 'submitted') return attempt;
  // A regrade of the assignment (accepted-answer-queries.ts) waits for this submit, or this
  // submit for it, so it is scored with the acceptances or regraded by them.
  if (attempt.assignmentId !== null) {
    await lockUntilCommit(trx, regradeLockName(attempt.assignmentId), 'shared');
  }
  const overdue =
    submission.overdueBefore !== undefined &&
    attempt.deadline !== null &&
    attempt.deadline < submission.overdueBefore;
  const { submittedAt, submittedBy } = overdue
    ? { submittedAt: attempt.deadline ?? submission.submittedAt, submittedBy: 'deadline' as const }
    : submission;
  const { responses } = await listResponses(trx, attemptId);
  // Regrade hook: answers the teacher accepted count for attempts submitted after the regrade.
  const acceptances =
    attempt.assignmentId === null ? [] : await listTeacherAcceptances(trx, attempt.assignmentId);
  const result = score(attempt, responses, acceptances);
  const resultJson = JSON.stringify(result);
  await storeSubmissionStatement.run(trx, {
    id: attemptId,
    submittedAt,
    submittedBy,
    ...toSubmittedResult(result, resultJson),
  });
  lastSubmitStoredAt = performance.now();
  return { ...attempt, status: 'submitted', submittedAt, submittedBy, result, resultJson };
}

/**
 * Submits an attempt once: scores its saved answers with `score` and stores the result in the
 * same transaction, so no answer is saved between reading and scoring. An attempt already
 * submitted is returned unchanged, with the result stored the first time. Runs at once in a
 * transaction of its own (the deadline sweep uses it).
 */
export async function submitAttempt(
  db: AppDatabase,
  attemptId: string,
  submission: Submission,
  score: ScoreSubmission,
): Promise<SubmittedAttempt | undefined> {
  return db.transaction().execute((trx) => submitIn(trx, attemptId, submission, score));
}

/**
 * `submitAttempt` in the next group commit, with the saves and submits that arrive in the same
 * event-loop turn, in arrival order: a save that arrived first is scored, one that arrives later
 * is refused. Resolves once the submission is committed. Idempotent like `submitAttempt`: two
 * submits of one attempt in one group are applied one after the other, and the second finds it
 * submitted.
 */
export function submitAttemptInNextCommit(
  db: AppDatabase,
  attemptId: string,
  submission: Submission,
  score: ScoreSubmission,
): Promise<SubmittedAttempt | undefined> {
  return applyInNextCommit(db, (trx) => submitIn(trx, attemptId, submission, score));
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
    // A literal, not a parameter, so SQLite can use the partial index on attempts in progress by
    // assignment: the gradebook sweeps its own assignment's, not every overdue attempt's.
    .where('status', '=', sql.lit('in-progress'))
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
