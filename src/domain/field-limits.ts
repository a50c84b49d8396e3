/**
 * The lengths of what people type, checked by the server's schemas and carried by the forms as
 * `maxLength`, so a form never lets through what the server will refuse.
 */
export const FIELD_LIMITS = {
  teacherName: 100,
  email: 254,
  password: 1000,
  assignmentTitle: 200,
  studentName: 80,
} as const;
