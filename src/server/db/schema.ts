import type { Insertable, Selectable } from 'kysely';
import type { CountedAttempt, ReviewContent, ReviewTiming } from '../../domain/assignment-rules';

/**
 * The tables as Kysely sees them. JSON is stored as text and timestamps as ISO 8601 strings, so
 * the same queries run on SQLite today and on PostgreSQL once a dialect for it is added.
 */
export interface Database {
  content_snapshots: ContentSnapshotTable;
  attempts: AttemptTable;
  responses: ResponseTable;
  teachers: TeacherTable;
  teacher_sessions: TeacherSessionTable;
  assignments: AssignmentTable;
}

/** The bank and article exactly as an attempt saw them, so its review survives later edits. */
export interface ContentSnapshotTable {
  /** sha-256 of the bank file and its article file, from the content loader. */
  content_version: string;
  bank_id: string;
  article_id: string;
  bank_json: string;
  article_json: string;
  created_at: string;
}

export type AttemptStatus = 'in-progress' | 'submitted';

/**
 * When a student may see the scored review: practice attempts at once (`immediately`); an
 * assignment's attempts as its current policy says (`assignment`), which the teacher may change.
 */
export type ReviewPolicy = 'immediately' | 'assignment';

/** Who submitted an attempt: the student, or the server once its deadline and grace had passed. */
export type SubmittedBy = 'student' | 'deadline';

export interface AttemptTable {
  id: string;
  /** sha-256 hex of the attempt's secret token; the token itself is never stored. */
  token_hash: string;
  bank_id: string;
  content_version: string;
  /** The engine's AttemptPlan: question order and option orders as presented. */
  plan_json: string;
  seed: number;
  status: AttemptStatus;
  review_policy: ReviewPolicy;
  started_at: string;
  /** Null for untimed practice attempts. */
  deadline: string | null;
  submitted_at: string | null;
  /** The AttemptResult, stored once at submission so submitting again returns it unchanged. */
  result_json: string | null;
  /** Null for practice attempts. */
  assignment_id: string | null;
  /** The name an assignment's student joined with, as shown; null for practice. */
  student_name: string | null;
  /** The name ignoring case and spacing, which groups a student's attempts. */
  student_key: string | null;
  /** Null while in progress. */
  submitted_by: SubmittedBy | null;
}

export interface ResponseTable {
  attempt_id: string;
  question_id: string;
  /** The QuestionResponse as JSON; null once the student cleared the answer. */
  response_json: string | null;
  /** When the answer was last saved or cleared. */
  saved_at: string;
}

export interface TeacherTable {
  id: string;
  name: string;
  /** Trimmed and lower-cased; unique. */
  email: string;
  /** `scrypt$N$r$p$salt$key`, see auth/password-hash.ts. */
  password_hash: string;
  created_at: string;
}

export interface TeacherSessionTable {
  /** sha-256 hex of the session cookie's token; the token itself is never stored. */
  token_hash: string;
  teacher_id: string;
  created_at: string;
  expires_at: string;
}

export interface AssignmentTable {
  id: string;
  teacher_id: string;
  bank_id: string;
  /** The bank version every attempt of the assignment uses, fixed at creation. */
  content_version: string;
  title: string;
  /** The questions asked, in bank order (JSON array of ids). */
  question_ids_json: string;
  opens_at: string;
  due_at: string | null;
  time_limit_minutes: number | null;
  /** Null: unlimited. */
  attempts_allowed: number | null;
  counted_attempt: CountedAttempt;
  /** Booleans as 0 or 1. */
  shuffle_questions: number;
  shuffle_options: number;
  review_when: ReviewTiming;
  review_show: ReviewContent;
  /** Extra minutes by student name (JSON object). */
  extra_time_json: string;
  /** Unique among assignments whose closed_at is null (a partial unique index). */
  join_code: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export type AttemptRow = Selectable<AttemptTable>;
export type AssignmentRow = Selectable<AssignmentTable>;
export type NewAttempt = Insertable<AttemptTable>;
