import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DEADLINE_GRACE_SECONDS } from '../../domain/assignment-rules';
import type { AttemptPlan } from '../../domain/attempt-plan';
import type { TeacherAcceptance } from '../../domain/regrade';
import type { ResponseMap } from '../../domain/responses';
import type { AttemptResult } from '../../domain/results';
import { scoreAttempt } from '../../domain/score-attempt';
import { versionOf, type BankVersion, type ContentStore } from '../content/content-store';
import {
  compactPendingResults,
  deleteAbandonedPracticeAttempts,
  listOverdueAttempts,
  submitAttempt,
  timeSinceLastSubmit,
} from './attempt-queries';
import type { AppDatabase } from '../db/database';
import { runOnOneInstanceAtATime } from '../db/dialect';
import { deleteDrainedThrottleStates } from '../http/throttle-store';

const GRACE_MS = DEADLINE_GRACE_SECONDS * 1000;

/**
 * Scores an attempt's answers against the bank version it was started on, with the answers its
 * teacher accepted by a regrade (src/server/results/accepted-answer-queries.ts).
 */
export function scoreAgainst(
  version: BankVersion,
  plan: AttemptPlan,
  responses: ResponseMap,
  acceptances: readonly TeacherAcceptance[] = [],
): AttemptResult {
  const questions = plan.questionIds.flatMap((id) => version.questionsById.get(id) ?? []);
  return scoreAttempt(questions, plan, responses, version.article, acceptances);
}

/** The latest deadline that has run out at `now`: no answer can reach an attempt due by then. */
export function expiredDeadlineAt(now: Date): string {
  return new Date(now.getTime() - GRACE_MS).toISOString();
}

/**
 * The database calls are synchronous underneath, so a sweep of 20,000 attempts in one go held
 * every request for 10 s. The sweep reads SWEEP_BATCH attempts at a time and lets other requests
 * run whenever it has worked for SWEEP_SLICE_MS, so none waits behind it for much longer.
 */
const SWEEP_BATCH = 50;
const SWEEP_SLICE_MS = 10;

/**
 * Sweeps share one slice of the event loop: a slice per sweep let four sweeps running at once
 * (the periodic one and one per polled gradebook) each take their 10 ms in the same turn, and a
 * request waited 590 ms behind 20,000 attempts. Process-wide, because the event loop is.
 */
let sliceStartedAt = performance.now();
let nextSlice: Promise<void> | undefined;

/** Resolves when sweep work may go on: at once within the slice, else after other work ran. */
async function sweepTurn(): Promise<void> {
  while (performance.now() - sliceStartedAt >= SWEEP_SLICE_MS) {
    nextSlice ??= yieldToEventLoop().then(() => {
      sliceStartedAt = performance.now();
      nextSlice = undefined;
    });
    await nextSlice;
  }
}

/** How long an unsubmitted practice attempt is kept after it started (docs/operations.md). */
export const PRACTICE_ATTEMPT_EXPIRY_DAYS = 7;

/**
 * Submits, with what was saved, every attempt still in progress whose deadline and grace period
 * are over at `now`; optionally only those of one assignment or one attempt. Such an attempt is
 * recorded as submitted at its deadline, by the deadline, so the gradebook shows it as overdue.
 * Runs on every access to an attempt, before the gradebook, and from a periodic sweep; a batch
 * at a time, letting other requests run in between. Resolves with how many this call submitted
 * (not those another instance or request submitted meanwhile).
 */
export async function submitOverdueAttempts(
  { db, store }: { db: AppDatabase; store: ContentStore },
  now: Date,
  scope: { assignmentId?: string; attemptId?: string } = {},
): Promise<number> {
  const deadlineBefore = expiredDeadlineAt(now);
  let submitted = 0;
  for (;;) {
    await sweepTurn();
    const overdue = await listOverdueAttempts(db, { ...scope, deadlineBefore, limit: SWEEP_BATCH });
    for (const attempt of overdue) {
      await sweepTurn();
      const version = await versionOf(store, attempt);
      const { id, deadline } = attempt;
      const stored = await submitAttempt(
        db,
        id,
        { submittedAt: deadline, submittedBy: 'deadline' },
        (attempt, responses, acceptances) =>
          scoreAgainst(version, attempt.plan, responses, acceptances),
      );
      // Another instance (or the student's own submit) may have got there first.
      if (stored?.resultJson !== undefined) submitted += 1;
    }
    if (overdue.length < SWEEP_BATCH) return submitted;
  }
}

/** Each database's sweeps of one assignment now running, by assignment id. */
const runningSweeps = new WeakMap<AppDatabase, Map<string, Promise<number>>>();

/**
 * `submitOverdueAttempts` for one assignment, joining its sweep if one is already running: a
 * teacher's page polls every 5 s, and 20,000 attempts running out at once take longer than that.
 */
export function submitOverdueAttemptsOf(
  deps: { db: AppDatabase; store: ContentStore },
  now: Date,
  assignmentId: string,
): Promise<number> {
  let running = runningSweeps.get(deps.db);
  if (!running) {
    running = new Map();
    runningSweeps.set(deps.db, running);
  }
  const joined = running.get(assignmentId);
  if (joined) return joined;
  const sweeps = running;
  const sweep = submitOverdueAttempts(deps, now, { assignmentId }).finally(() =>
    sweeps.delete(assignmentId),
  );
  sweeps.set(assignmentId, sweep);
  return sweep;
}

/**
 * Deletes practice attempts never submitted that started more than PRACTICE_ATTEMPT_EXPIRY_DAYS
 * before `now`, with their answers, a batch at a time; resolves with how many. Without it anyone
 * could fill the disk with attempts nobody finishes. Submitted attempts and assignments' attempts
 * are kept.
 */
export async function expireAbandonedPracticeAttempts(db: AppDatabase, now: Date): Promise<number> {
  const startedBefore = new Date(
    now.getTime() - PRACTICE_ATTEMPT_EXPIRY_DAYS * 24 * 60 * 60 * 1000,
  ).toISOString();
  let deleted = 0;
  for (;;) {
    await sweepTurn();
    const batch = await deleteAbandonedPracticeAttempts(db, { startedBefore, limit: SWEEP_BATCH });
    deleted += batch;
    if (batch === 0) return deleted;
  }
}

/** Results compressed per transaction by `compactStoredResults` (about 0.15 ms each). */
const COMPACTION_BATCH = 50;

/**
 * Compresses every result stored as submitted (see `toSubmittedResult`), a batch at a time,
 * letting other requests run in between; resolves with how many. With `whenIdleFor`, it does
 * nothing while submissions keep arriving (one stored within that many milliseconds), so a
 * class submitting at once is answered first and compressed after.
 */
export async function compactStoredResults(
  db: AppDatabase,
  { whenIdleFor = 0 }: { whenIdleFor?: number } = {},
): Promise<number> {
  let compacted = 0;
  for (;;) {
    if (timeSinceLastSubmit() < whenIdleFor) return compacted;
    await sweepTurn();
    const batch = await compactPendingResults(db, COMPACTION_BATCH);
    compacted += batch;
    if (batch < COMPACTION_BATCH) return compacted;
  }
}

/**
 * The periodic sweep: submits overdue attempts, deletes abandoned practice attempts, and
 * compresses the results still stored as submitted, busy or not.
 */
export async function sweepAttempts(
  deps: { db: AppDatabase; store: ContentStore },
  now: Date,
): Promise<void> {
  // Several instances on one PostgreSQL database: one sweeps while the others skip their turn.
  // Submitting stays idempotent without it (a row lock and a status check), so this only saves
  // them the same work.
  await runOnOneInstanceAtATime(deps.db, 'readproof:sweep', async () => {
    await submitOverdueAttempts(deps, now);
    await expireAbandonedPracticeAttempts(deps.db, now);
    await compactStoredResults(deps.db);
    await deleteDrainedThrottleStates(deps.db, now);
  });
}
