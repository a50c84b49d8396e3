import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { AttemptResult } from '../../domain/results';
import { toStoredResult } from '../attempts/attempt-queries';
import { normaliseStudentName, studentNameKey } from '../../domain/student-name';
import { deriveSeed } from '../../domain/seeded-random';
import { PLAN_SEED_LIMIT } from '../http/tokens';
import { columnTypes, isPostgres } from './dialect';

/**
 * Every schema change, in order of their names. A migration is never edited once shipped: a
 * change is a new entry. Migrations take `Kysely<unknown>` because they describe the schema as it
 * was then, not the current `Database` type.
 */
export const migrations: Record<string, Migration> = {
  '0001-attempts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('content_snapshots')
        .addColumn('content_version', 'text', (column) => column.primaryKey())
        .addColumn('bank_id', 'text', (column) => column.notNull())
        .addColumn('article_id', 'text', (column) => column.notNull())
        .addColumn('bank_json', 'text', (column) => column.notNull())
        .addColumn('article_json', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('attempts')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('token_hash', 'text', (column) => column.notNull())
        .addColumn('bank_id', 'text', (column) => column.notNull())
        .addColumn('content_version', 'text', (column) =>
          column.notNull().references('content_snapshots.content_version'),
        )
        .addColumn('plan_json', 'text', (column) => column.notNull())
        .addColumn('seed', 'integer', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('review_policy', 'text', (column) => column.notNull())
        .addColumn('started_at', 'text', (column) => column.notNull())
        .addColumn('deadline', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('result_json', 'text')
        .execute();
      await db.schema.createIndex('attempts_bank_id').on('attempts').column('bank_id').execute();

      await db.schema
        .createTable('responses')
        .addColumn('attempt_id', 'text', (column) =>
          column.notNull().references('attempts.id').onDelete('cascade'),
        )
        .addColumn('question_id', 'text', (column) => column.notNull())
        // Null once the student cleared the answer: the row keeps the time of the clear, so it is
        // ordered against other saves of that question (last write wins).
        .addColumn('response_json', 'text')
        .addColumn('saved_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('responses_pk', ['attempt_id', 'question_id'])
        .execute();
    },
  },
  '0002-teachers-and-assignments': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('teachers')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('email', 'text', (column) => column.notNull().unique())
        .addColumn('password_hash', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('teacher_sessions')
        .addColumn('token_hash', 'text', (column) => column.primaryKey())
        .addColumn('teacher_id', 'text', (column) =>
          column.notNull().references('teachers.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('teacher_sessions_teacher_id')
        .on('teacher_sessions')
        .column('teacher_id')
        .execute();

      await db.schema
        .createTable('assignments')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('teacher_id', 'text', (column) =>
          column.notNull().references('teachers.id').onDelete('cascade'),
        )
        .addColumn('bank_id', 'text', (column) => column.notNull())
        .addColumn('content_version', 'text', (column) =>
          column.notNull().references('content_snapshots.content_version'),
        )
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('question_ids_json', 'text', (column) => column.notNull())
        .addColumn('opens_at', 'text', (column) => column.notNull())
        .addColumn('due_at', 'text')
        .addColumn('time_limit_minutes', 'integer')
        .addColumn('attempts_allowed', 'integer')
        .addColumn('counted_attempt', 'text', (column) => column.notNull())
        .addColumn('shuffle_questions', 'integer', (column) => column.notNull())
        .addColumn('shuffle_options', 'integer', (column) => column.notNull())
        .addColumn('review_when', 'text', (column) => column.notNull())
        .addColumn('review_show', 'text', (column) => column.notNull())
        .addColumn('extra_time_json', 'text', (column) => column.notNull())
        .addColumn('join_code', 'text', (column) => column.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('assignments_teacher_id')
        .on('assignments')
        .column('teacher_id')
        .execute();
      // A code opens one assignment at a time; closed assignments give theirs back.
      await db.schema
        .createIndex('assignments_open_join_code')
        .on('assignments')
        .column('join_code')
        .unique()
        .where(sql.ref('closed_at'), 'is', null)
        .execute();

      // SQLite adds one column per statement.
      await db.schema
        .alterTable('attempts')
        .addColumn('assignment_id', 'text', (column) => column.references('assignments.id'))
        .execute();
      await db.schema.alterTable('attempts').addColumn('student_name', 'text').execute();
      await db.schema.alterTable('attempts').addColumn('student_key', 'text').execute();
      await db.schema.alterTable('attempts').addColumn('submitted_by', 'text').execute();
      await sql`update attempts set submitted_by = 'student' where status = 'submitted'`.execute(
        db,
      );
      await db.schema
        .createIndex('attempts_assignment_student')
        .on('attempts')
        .columns(['assignment_id', 'student_key'])
        .execute();
      // The overdue sweep looks for attempts in progress by deadline.
      await db.schema
        .createIndex('attempts_status_deadline')
        .on('attempts')
        .columns(['status', 'deadline'])
        .execute();
    },
  },
  '0003-student-identity-and-rosters': {
    async up(db: Kysely<unknown>) {
      // Names were keyed by case and spacing only: invisible characters, bidirectional overrides
      // and look-alike letters made one student many. Show and key the stored names as new ones are.
      const joined = await sql<{ id: string; student_name: string }>`
        select id, student_name from attempts where student_name is not null`.execute(db);
      for (const { id, student_name } of joined.rows) {
        const shown = normaliseStudentName(student_name);
        const name = shown === '' ? student_name : shown;
        await sql`update attempts set student_name = ${name}, student_key = ${studentNameKey(name)}
          where id = ${id}`.execute(db);
      }
      // Students look codes up including closed assignments', which the partial unique index on
      // open codes cannot serve: without this every lookup scanned the table.
      await db.schema
        .createIndex('assignments_join_code')
        .on('assignments')
        .column('join_code')
        .execute();

      await db.schema
        .createTable('rosters')
        .addColumn('assignment_id', 'text', (column) =>
          column.primaryKey().references('assignments.id').onDelete('cascade'),
        )
        .addColumn('require_roster', 'integer', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('roster_entries')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('assignment_id', 'text', (column) =>
          column.notNull().references('rosters.assignment_id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('student_key', 'text', (column) => column.notNull())
        .addColumn('personal_code', 'text', (column) => column.notNull())
        .addColumn('token_secret', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addUniqueConstraint('roster_entries_student', ['assignment_id', 'student_key'])
        .addUniqueConstraint('roster_entries_code', ['assignment_id', 'personal_code'])
        .execute();
    },
  },
  '0004-server-secrets': {
    async up(db: Kysely<unknown>) {
      // Secrets the server makes for itself (the device-cookie key), so they survive restarts.
      await db.schema
        .createTable('server_secrets')
        .addColumn('name', 'text', (column) => column.primaryKey())
        .addColumn('value', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
    },
  },
  '0005-assignments-by-bank': {
    async up(db: Kysely<unknown>) {
      // Every practice review looks up the assignments on its bank, which may hold its key, and
      // whether each still has an attempt in progress: few are, however many were submitted.
      await db.schema
        .createIndex('assignments_bank_id')
        .on('assignments')
        .column('bank_id')
        .execute();
      await db.schema
        .createIndex('attempts_in_progress_by_assignment')
        .on('attempts')
        .columns(['assignment_id', 'deadline'])
        .where(sql.ref('status'), '=', sql.lit('in-progress'))
        .execute();
    },
  },
  '0006-compact-results-and-revisions': {
    async up(db: Kysely<unknown>) {
      // A stored result repeated every question's text, key, explanation and evidence (about
      // 17 KB a practice attempt): it is now deflated, and the score and each question's mark get
      // columns of their own, so the gradebook and the CSVs never read whole results.
      const types = columnTypes(db);
      await db.schema.alterTable('attempts').addColumn('result_deflated', types.bytes).execute();
      for (const column of ['score_total', 'score_max_points', 'score_percent']) {
        await db.schema.alterTable('attempts').addColumn(column, types.float).execute();
      }
      await db.schema.alterTable('attempts').addColumn('marks_json', 'text').execute();
      const submitted = await sql<{ id: string; result_json: string }>`
        select id, result_json from attempts where result_json is not null`.execute(db);
      for (const { id, result_json } of submitted.rows) {
        const stored = toStoredResult(JSON.parse(result_json) as AttemptResult);
        await sql`update attempts set result_deflated = ${stored.result_deflated},
          score_total = ${stored.score_total}, score_max_points = ${stored.score_max_points},
          score_percent = ${stored.score_percent}, marks_json = ${stored.marks_json}
          where id = ${id}`.execute(db);
      }
      await db.schema.alterTable('attempts').dropColumn('result_json').execute();
      // Unsubmitted practice attempts expire by the time they started.
      await db.schema
        .createIndex('attempts_status_started_at')
        .on('attempts')
        .columns(['status', 'started_at'])
        .execute();

      await db.schema
        .createTable('write_probes')
        .addColumn('id', 'integer', (column) => column.primaryKey())
        .addColumn('probed_at', 'text', (column) => column.notNull())
        .execute();

      // Each assignment's results revision, the gradebook's ETag.
      await db.schema
        .createTable('results_revisions')
        .addColumn('assignment_id', 'text', (column) => column.primaryKey())
        .addColumn('revision', 'integer', (column) => column.notNull())
        .execute();
      await createResultsRevisionTriggers(db);
    },
  },
  '0007-attempt-removals': {
    async up(db: Kysely<unknown>) {
      // The audit trail of attempts a teacher removed: the attempt itself is deleted (so it leaves
      // the gradebook, statistics and exports, and frees the student's try), but who removed
      // what and when stays, with the attempt's score as it was.
      await db.schema
        .createTable('attempt_removals')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('assignment_id', 'text', (column) =>
          column.notNull().references('assignments.id').onDelete('cascade'),
        )
        .addColumn('attempt_id', 'text', (column) => column.notNull())
        .addColumn('teacher_id', 'text', (column) => column.notNull())
        .addColumn('teacher_name', 'text', (column) => column.notNull())
        .addColumn('student_name', 'text', (column) => column.notNull())
        .addColumn('attempt_status', 'text', (column) => column.notNull())
        .addColumn('started_at', 'text', (column) => column.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('score', columnTypes(db).float)
        .addColumn('max_points', columnTypes(db).float)
        .addColumn('percent', columnTypes(db).float)
        .addColumn('removed_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('attempt_removals_assignment')
        .on('attempt_removals')
        .columns(['assignment_id', 'removed_at'])
        .execute();
    },
  },
  '0008-print-seed': {
    async up(db: Kysely<unknown>) {
      // The printed copy showed options in bank order, where the key was often A; it now shuffles
      // them with a seed of the assignment's, which its answer key follows.
      await db.schema
        .alterTable('assignments')
        .addColumn('print_seed', 'integer', (column) => column.notNull().defaultTo(0))
        .execute();
      // Existing assignments get a seed derived from their id, not a random one: the same backup
      // upgraded twice (or a staging copy) then prints the same paper, so keys and copies printed
      // from either still match.
      const existing = await sql<{ id: string }>`select id from assignments`.execute(db);
      for (const { id } of existing.rows) {
        await sql`update assignments set print_seed = ${printSeedFromId(id)}
          where id = ${id}`.execute(db);
      }
    },
  },
  '0009-accepted-answers': {
    async up(db: Kysely<unknown>) {
      // Typed answers a teacher accepted by a regrade (docs/scoring.md, Regrading). Rows are never
      // deleted: an undo sets revoked_at/by, and accepting again adds a new row, so the table is
      // the audit of who accepted or revoked what and when.
      await db.schema
        .createTable('accepted_answers')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('assignment_id', 'text', (column) =>
          column.notNull().references('assignments.id').onDelete('cascade'),
        )
        .addColumn('question_id', 'text', (column) => column.notNull())
        // '' for a short question: a unique index treats nulls as distinct, '' it does not.
        .addColumn('gap_id', 'text', (column) => column.notNull().defaultTo(''))
        .addColumn('normalised_answer', 'text', (column) => column.notNull())
        .addColumn('example_answer', 'text', (column) => column.notNull())
        .addColumn('teacher_id', 'text', (column) => column.notNull())
        .addColumn('teacher_name', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('attempts_regraded', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_by', 'text')
        .addColumn('revoked_by_name', 'text')
        .execute();
      // Accepting twice is one acceptance: at most one live row per answer.
      await sql`create unique index accepted_answers_live
        on accepted_answers (assignment_id, question_id, gap_id, normalised_answer)
        where revoked_at is null`.execute(db);
    },
  },
  '0010-pending-results-and-attempts-by-status': {
    async up(db: Kysely<unknown>) {
      // A submission stores its result as JSON and a background compaction deflates it later:
      // deflating was a third of a submit's CPU (issue 16).
      await db.schema.alterTable('attempts').addColumn('result_pending_json', 'text').execute();
      // The compaction finds the few results not yet compressed without reading every attempt.
      await db.schema
        .createIndex('attempts_result_pending')
        .on('attempts')
        .column('id')
        .where(sql.ref('result_pending_json'), 'is not', null)
        .execute();
      // An assignment's attempts by status: the dashboard counts each assignment's submitted
      // attempts, and every review asks whether each assignment on its bank has one in progress.
      // Without it SQLite picked the index on status alone and read every submitted attempt of
      // every assignment (0.4 s a review with 200,000 attempts, issue 16).
      await db.schema
        .createIndex('attempts_assignment_status')
        .on('attempts')
        .columns(['assignment_id', 'status', 'deadline'])
        .execute();
    },
  },
  '0011-shared-throttles': {
    async up(db: Kysely<unknown>) {
      // The login throttles' and the per-address rate limits' counts, which several instances on
      // one PostgreSQL database must share (SQLite keeps them in memory, but has the table too,
      // so the schema is the same on both). Times are milliseconds since the epoch: bigint, as
      // they pass 2^31.
      await db.schema
        .createTable('throttle_states')
        .addColumn('scope', 'text', (column) => column.notNull())
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('level', columnTypes(db).float, (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .addColumn('blocked_until', 'bigint', (column) => column.notNull())
        .addColumn('drained_at', 'bigint', (column) => column.notNull())
        .addPrimaryKeyConstraint('throttle_states_pk', ['scope', 'key'])
        .execute();
      // The sweep deletes drained rows without reading every row.
      await db.schema
        .createIndex('throttle_states_drained_at')
        .on('throttle_states')
        .column('drained_at')
        .execute();
    },
  },
  '0012-highlights': {
    async up(db: Kysely<unknown>) {
      // A student's highlights and notes, one row per place (a sentence, or a span in it), saved
      // with the attempt like its answers. A removed highlight keeps its row with no colour, so
      // its removal is ordered against other saves of that place (last write wins).
      await db.schema
        .createTable('highlights')
        .addColumn('attempt_id', 'text', (column) =>
          column.notNull().references('attempts.id').onDelete('cascade'),
        )
        .addColumn('highlight_key', 'text', (column) => column.notNull())
        .addColumn('sentence_id', 'text', (column) => column.notNull())
        .addColumn('span_start', 'integer')
        .addColumn('span_end', 'integer')
        .addColumn('colour', 'text')
        .addColumn('note', 'text')
        .addColumn('saved_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('highlights_pk', ['attempt_id', 'highlight_key'])
        .execute();
      // Booleans as 0 or 1, like the other settings; every assignment so far allowed them.
      await db.schema
        .alterTable('assignments')
        .addColumn('allow_highlights', 'integer', (column) => column.notNull().defaultTo(1))
        .execute();
    },
  },
  '0013-authored-content': {
    async up(db: Kysely<unknown>) {
      // Teachers' own articles and banks (issue 13), stored as the text of the repository's files
      // (article.md, bank YAML) so they are checked, exported and imported exactly as shipped
      // content is. A draft is rewritten by autosaves, its revision guarding against lost
      // updates; each publication adds an immutable version.
      await db.schema
        .createTable('authored_articles')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('teacher_id', 'text', (column) =>
          column.notNull().references('teachers.id').onDelete('cascade'),
        )
        .addColumn('draft_text', 'text', (column) => column.notNull())
        .addColumn('revision', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('authored_articles_teacher_id')
        .on('authored_articles')
        .column('teacher_id')
        .execute();
      await db.schema
        .createTable('authored_article_versions')
        .addColumn('article_id', 'text', (column) =>
          column.notNull().references('authored_articles.id').onDelete('cascade'),
        )
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('text', 'text', (column) => column.notNull())
        .addColumn('published_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('authored_article_versions_pk', ['article_id', 'version'])
        .execute();
      await db.schema
        .createTable('authored_banks')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('teacher_id', 'text', (column) =>
          column.notNull().references('teachers.id').onDelete('cascade'),
        )
        // A shipped article's id or one of authored_articles: no foreign key for the former.
        .addColumn('article_id', 'text', (column) => column.notNull())
        .addColumn('draft_text', 'text', (column) => column.notNull())
        .addColumn('revision', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('authored_banks_teacher_article')
        .on('authored_banks')
        .columns(['teacher_id', 'article_id'])
        .execute();
      await db.schema
        .createTable('authored_bank_versions')
        .addColumn('bank_id', 'text', (column) =>
          column.notNull().references('authored_banks.id').onDelete('cascade'),
        )
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('text', 'text', (column) => column.notNull())
        .addColumn('content_version', 'text', (column) =>
          column.notNull().references('content_snapshots.content_version'),
        )
        .addColumn('published_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('authored_bank_versions_pk', ['bank_id', 'version'])
        .execute();
    },
  },
  '0014-preview-attempts': {
    async up(db: Kysely<unknown>) {
      // A teacher's preview of their own quiz (issue 13) is an attempt like practice, but only
      // that teacher's session opens it, and its review is never held. Gone with the teacher.
      await db.schema
        .alterTable('attempts')
        .addColumn('preview_teacher_id', 'text', (column) =>
          column.references('teachers.id').onDelete('cascade'),
        )
        .execute();
    },
  },
};

/**
 * Triggers, not the code that writes, raise an assignment's revision, so no write path (joining,
 * saving, submitting, the deadline, deleting) can forget to. The two databases spell triggers
 * differently; they do the same.
 */
async function createResultsRevisionTriggers(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    // `results_revisions.revision`: in PostgreSQL a bare `revision` in the update is ambiguous.
    await sql`create function raise_results_revision(assignment text) returns void
      language sql as $$
        insert into results_revisions (assignment_id, revision) values (assignment, 1)
          on conflict (assignment_id) do update set revision = results_revisions.revision + 1
      $$`.execute(db);
    await sql`create function results_revision_of_attempt() returns trigger
      language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          if old.assignment_id is not null then perform raise_results_revision(old.assignment_id); end if;
        elsif new.assignment_id is not null then
          perform raise_results_revision(new.assignment_id);
        end if;
        return null;
      end $$`.execute(db);
    await sql`create function results_revision_of_response() returns trigger
      language plpgsql as $$
      declare
        assignment text;
      begin
        if tg_op = 'DELETE' then
          select assignment_id into assignment from attempts where id = old.attempt_id;
        else
          select assignment_id into assignment from attempts where id = new.attempt_id;
        end if;
        if assignment is not null then perform raise_results_revision(assignment); end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger results_revision_attempts after insert or update or delete on attempts
      for each row execute function results_revision_of_attempt()`.execute(db);
    await sql`create trigger results_revision_responses after insert or update or delete on responses
      for each row execute function results_revision_of_response()`.execute(db);
    return;
  }
  const raise = (assignmentId: string) => `
    insert into results_revisions (assignment_id, revision) values (${assignmentId}, 1)
      on conflict (assignment_id) do update set revision = revision + 1;`;
  const raiseForAttempt = (attemptId: string) => `
    insert into results_revisions (assignment_id, revision)
      select assignment_id, 1 from attempts where id = ${attemptId} and assignment_id is not null
      on conflict (assignment_id) do update set revision = revision + 1;`;
  const triggers = [
    `attempts_inserted after insert on attempts when new.assignment_id is not null
      begin ${raise('new.assignment_id')} end`,
    `attempts_updated after update on attempts when new.assignment_id is not null
      begin ${raise('new.assignment_id')} end`,
    `attempts_deleted after delete on attempts when old.assignment_id is not null
      begin ${raise('old.assignment_id')} end`,
    `responses_inserted after insert on responses begin ${raiseForAttempt('new.attempt_id')} end`,
    `responses_updated after update on responses begin ${raiseForAttempt('new.attempt_id')} end`,
    `responses_deleted after delete on responses begin ${raiseForAttempt('old.attempt_id')} end`,
  ];
  for (const trigger of triggers) {
    await sql.raw(`create trigger results_revision_${trigger}`).execute(db);
  }
}

/** A print seed for an assignment made before print seeds: from its id, in range like all seeds. */
export function printSeedFromId(id: string): number {
  return deriveSeed(0, `print/${id}`) % PLAN_SEED_LIMIT;
}

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
  }
}
