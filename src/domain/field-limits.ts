/**
 * The limits of what people type and choose, defined once: the server's schemas check them, and
 * the forms carry them (`maxLength`, hints, their own checks), so a form never lets through what
 * the server will refuse.
 */
export const FIELD_LIMITS = {
  teacherName: 100,
  email: 254,
  password: 1000,
  assignmentTitle: 200,
  studentName: 80,
  /** Questions one assignment asks; more than any bank holds. */
  assignmentQuestions: 500,
  /** Attempts per student; above this a teacher means "unlimited" (null). */
  attemptsAllowed: 100,
  /** Minutes of a time limit or of a student's extra time: a day at most. */
  minutes: 24 * 60,
} as const;

/** The shortest teacher password the server accepts, shown next to the field. */
export const MIN_PASSWORD_LENGTH = 10;
