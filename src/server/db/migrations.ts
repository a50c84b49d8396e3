import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * Every schema change, in order of their names. A migration is never edited once shipped: a
 * change is a new entry. Migrations take `Kysely<unknown>` because they describe the schema as it
 * was then, not the current `Database` type.
 */
const migrations: Record<string, Migration> = {
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
};

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
