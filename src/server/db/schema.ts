import type { Generated, Insertable, Selectable } from 'kysely';
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
  attempt_removals: AttemptRemovalTable;
  write_probes: WriteProbeTable;
  results_revisions: ResultsRevisionTable;
  rosters: RosterTable;
  roster_entries: RosterEntryTable;
  server_secrets: ServerSecretTable;
  accepted_answers: AcceptedAnswerTable;
  throttle_states: ThrottleStateTable;
  highlights: HighlightTable;
  authored_articles: AuthoredArticleTable;
  authored_article_versions: AuthoredArticleVersionTable;
  authored_banks: AuthoredBankTable;
  authored_bank_versions: AuthoredBankVersionTable;
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
export type AttemptReviewRule = 'immediately' | 'assignment';

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
  review_policy: AttemptReviewRule;
  started_at: string;
  /** Null for untimed practice attempts. */
  deadline: string | null;
  submitted_at: string | null;
  /**
   * The AttemptResult as deflated JSON, stored once at submission so submitting again returns it
   * unchanged; compressed because it repeats every question's text, key and evidence.
   */
  result_deflated: Uint8Array | null;
  /**
   * The AttemptResult as JSON, as a submission stores it: deflating is left to a background
   * compaction (attempt-lifecycle.ts, `compactStoredResults`), which moves it to
   * `result_deflated`. At most one of the two is set.
   */
  result_pending_json: string | null;
  /** The result's total, maximum and percent, for the gradebook without reading the result. */
  score_total: number | null;
  score_max_points: number | null;
  score_percent: number | null;
  /** Each question's mark, `{ "<question id>": [points, maxPoints, status] }`, for grids and CSVs. */
  marks_json: string | null;
  /** Null for practice attempts. */
  assignment_id: string | null;
  /** The name an assignment's student joined with, as shown; null for practice. */
  student_name: string | null;
  /** The name ignoring case and spacing, which groups a student's attempts. */
  student_key: string | null;
  /** Null while in progress. */
  submitted_by: SubmittedBy | null;
  /** The teacher previewing their own quiz (not graded, counted nowhere); null otherwise. */
  preview_teacher_id: string | null;
}

/** A student's highlight (and note) on an attempt's article, one row per place. */
export interface HighlightTable {
  attempt_id: string;
  /** `highlightKeyOf(place)`: the sentence id, and `_start-end` for a span within it. */
  highlight_key: string;
  sentence_id: string;
  /** Offsets in the sentence's text (end exclusive); null for the whole sentence. */
  span_start: number | null;
  span_end: number | null;
  /** One of HIGHLIGHT_COLOURS; null once the student removed the highlight. */
  colour: string | null;
  note: string | null;
  /** When the highlight was last saved or removed. */
  saved_at: string;
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
  /** `scrypt$N$r$p$salt$key`, see teachers/password-hash.ts. */
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
  /**
   * Seeds the option order of the printed student copy and its answer key (0 to 2^31 - 1): fixed
   * for the assignment, so every print matches; a copy of the assignment gets a fresh one.
   */
  print_seed: number;
  /** 1: students may highlight and take notes in the quiz; 0: the tool is hidden and refused. */
  allow_highlights: Generated<number>;
}

/** An assignment's class list, when the teacher pasted one. */
export interface RosterTable {
  assignment_id: string;
  /** 1: only students on the list may join, with their personal code; 0: anyone by name. */
  require_roster: number;
  updated_at: string;
}

export interface RosterEntryTable {
  id: string;
  assignment_id: string;
  /** The line of the pasted list, from 0, so the list prints in the teacher's order. */
  position: number;
  name: string;
  /** `studentNameKey(name)`: unique within the assignment, and what the student's attempts carry. */
  student_key: string;
  /** The student's personal code (teachers reprint it); compared in constant time. */
  personal_code: string;
  /**
   * 32 random bytes (hex) from which the tokens of this student's attempts are derived, so the
   * personal code reopens an attempt on another device with the same token.
   */
  token_secret: string;
  created_at: string;
}

/** One row, rewritten by the health check to see whether the database can be written. */
export interface WriteProbeTable {
  id: number;
  probed_at: string;
}

/**
 * A counter per assignment that database triggers raise whenever one of its attempts or answers
 * changes: the gradebook's ETag, so an unchanged poll is answered without reading the attempts.
 */
export interface ResultsRevisionTable {
  assignment_id: string;
  revision: number;
}

export type AttemptRow = Selectable<AttemptTable>;
export type AssignmentRow = Selectable<AssignmentTable>;
export type NewAttempt = Insertable<AttemptTable>;

/** A secret the server generated for itself, e.g. the key that signs device cookies. */
export interface ServerSecretTable {
  name: string;
  /** base64. */
  value: string;
  created_at: string;
}

/** An attempt a teacher removed from an assignment: who, what (as it was) and when. */
export interface AttemptRemovalTable {
  id: string;
  assignment_id: string;
  /** The removed attempt's id; the attempt itself no longer exists. */
  attempt_id: string;
  teacher_id: string;
  /** The teacher's name when they removed it. */
  teacher_name: string;
  student_name: string;
  /** As the gradebook showed it. */
  attempt_status: 'in-progress' | 'submitted' | 'overdue';
  started_at: string;
  submitted_at: string | null;
  score: number | null;
  max_points: number | null;
  percent: number | null;
  removed_at: string;
}

/**
 * A typed answer a teacher accepted for one question (and gap) of an assignment: a regrade.
 * Never deleted; an undo sets `revoked_at`/`revoked_by`, so the rows are the audit.
 */
export interface AcceptedAnswerTable {
  id: string;
  assignment_id: string;
  question_id: string;
  /** The cloze gap; '' for a short question. */
  gap_id: Generated<string>;
  /** `normaliseAcceptedAnswer` of the answer: the key. */
  normalised_answer: string;
  /** The answer as a student typed it, shown to the teacher. */
  example_answer: string;
  teacher_id: string;
  teacher_name: string;
  created_at: string;
  /** How many submitted attempts the acceptance changed when it was made. */
  attempts_regraded: Generated<number>;
  revoked_at: string | null;
  revoked_by: string | null;
  revoked_by_name: string | null;
}

/**
 * One key's count in a login throttle or a per-address rate limit, shared by every instance on
 * a PostgreSQL database (http/throttle-store.ts). Times are milliseconds since the epoch.
 */
export interface ThrottleStateTable {
  /** Which throttle, e.g. `login-account` or `attempt-starts`. */
  scope: string;
  /** An email, a device cookie's id or a client address. */
  key: string;
  level: number;
  updated_at: number;
  blocked_until: number;
  /** When the count will have drained to nothing; the sweep deletes rows past it. */
  drained_at: number;
}

/** A teacher's own article: its draft as the text of an `article.md`. */
export interface AuthoredArticleTable {
  /** The article id, which is also its front matter's `id`; never a shipped article's. */
  id: string;
  teacher_id: string;
  draft_text: string;
  /** Raised by every save of the draft; a save naming an older one is refused (409). */
  revision: number;
  created_at: string;
  updated_at: string;
}

/** A published, immutable version of an authored article, numbered from 1. */
export interface AuthoredArticleVersionTable {
  article_id: string;
  version: number;
  text: string;
  published_at: string;
}

/** A teacher's own bank: its draft as the text of a bank YAML file. */
export interface AuthoredBankTable {
  /** The bank id, which is also its YAML's `id`; never a shipped bank's. */
  id: string;
  teacher_id: string;
  /** A shipped article's id or an authored article's. */
  article_id: string;
  draft_text: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

/** A published, immutable version of an authored bank; its content is a stored snapshot. */
export interface AuthoredBankVersionTable {
  bank_id: string;
  version: number;
  text: string;
  /** The snapshot of the bank and the article version it was published on. */
  content_version: string;
  published_at: string;
}
