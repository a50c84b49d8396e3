import type { AppDatabase } from '../db/database';

export interface Teacher {
  id: string;
  name: string;
  email: string;
  createdAt: string;
}

export interface TeacherWithPassword extends Teacher {
  passwordHash: string;
}

/** Emails are compared as typed by people: ignoring case and surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Stores a new teacher. Returns false, storing nothing, when the email is taken (the unique index
 * decides, so two sign-ups racing for one address cannot both win).
 */
export async function insertTeacher(
  db: AppDatabase,
  teacher: TeacherWithPassword,
): Promise<boolean> {
  const result = await db
    .insertInto('teachers')
    .values({
      id: teacher.id,
      name: teacher.name,
      email: normaliseEmail(teacher.email),
      password_hash: teacher.passwordHash,
      created_at: teacher.createdAt,
    })
    .onConflict((conflict) => conflict.column('email').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findTeacherByEmail(
  db: AppDatabase,
  email: string,
): Promise<TeacherWithPassword | undefined> {
  const row = await db
    .selectFrom('teachers')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      name: row.name,
      email: row.email,
      createdAt: row.created_at,
      passwordHash: row.password_hash,
    }
  );
}

export interface TeacherSession {
  tokenHash: string;
  expiresAt: string;
  teacher: Teacher;
}

export async function insertSession(
  db: AppDatabase,
  session: { tokenHash: string; teacherId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('teacher_sessions')
    .values({
      token_hash: session.tokenHash,
      teacher_id: session.teacherId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The unexpired session whose token hashes to `tokenHash`, with its teacher. */
export async function findSession(
  db: AppDatabase,
  tokenHash: string,
  now: string,
): Promise<TeacherSession | undefined> {
  const row = await db
    .selectFrom('teacher_sessions')
    .innerJoin('teachers', 'teachers.id', 'teacher_sessions.teacher_id')
    .select([
      'teacher_sessions.token_hash',
      'teacher_sessions.expires_at',
      'teachers.id',
      'teachers.name',
      'teachers.email',
      'teachers.created_at',
    ])
    .where('teacher_sessions.token_hash', '=', tokenHash)
    .where('teacher_sessions.expires_at', '>', now)
    .executeTakeFirst();
  return (
    row && {
      tokenHash: row.token_hash,
      expiresAt: row.expires_at,
      teacher: { id: row.id, name: row.name, email: row.email, createdAt: row.created_at },
    }
  );
}

export async function extendSession(
  db: AppDatabase,
  tokenHash: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('teacher_sessions')
    .set({ expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: AppDatabase, tokenHash: string): Promise<void> {
  await db.deleteFrom('teacher_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Forgets a teacher's expired sessions, so the table does not grow with every login. */
export async function deleteExpiredSessions(
  db: AppDatabase,
  teacherId: string,
  now: string,
): Promise<void> {
  await db
    .deleteFrom('teacher_sessions')
    .where('teacher_id', '=', teacherId)
    .where('expires_at', '<=', now)
    .execute();
}

/** Ends every session of a teacher, on every device ("log out everywhere"). */
export async function deleteTeacherSessions(db: AppDatabase, teacherId: string): Promise<void> {
  await db.deleteFrom('teacher_sessions').where('teacher_id', '=', teacherId).execute();
}
