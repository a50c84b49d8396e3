import { describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { openDatabase } from '../../../src/server/db/database';
import { buildSomeResponse } from '../test-app';
import {
  createAssignment,
  createTeacherTestApp,
  joinAs,
  saveAnswer,
  send,
  signUpTeacher,
  studentRequest,
  submit,
} from '../teacher-test-app';

/** A step reading a table that grows with every student: attempts or answers. */
const GROWING_TABLE_STEP = /^(SCAN|SEARCH) (attempts|responses)\b/;
/** A step narrowed to one attempt or one assignment's attempts. */
const NARROWED = /\b(id|assignment_id|attempt_id)=\?/;

describe('query plans as data grows', () => {
  it('reaches attempts and answers through an index on every student and teacher route', async () => {
    const statements = new Set<string>();
    const db = await openDatabase(':memory:', {
      onPrepare: (statement) => statements.add(statement),
    });
    const testApp = await createTeacherTestApp({ db });
    statements.clear(); // Migrations and start-up are not a route's.

    const teacher = await signUpTeacher(testApp);
    const assignment = await createAssignment(testApp, teacher, {
      reviewPolicy: { when: 'immediately', show: 'full' },
    });
    // A second assignment on the same bank, so the review asks whether it holds the key.
    await createAssignment(testApp, teacher);
    const attempt = await joinAs(testApp, assignment.joinCode, 'Ada Lovelace');
    const question = attempt.questions[0];
    if (!question) throw new Error('No question');
    expect(
      (await saveAnswer(testApp, attempt, question.id, buildSomeResponse(question))).status,
    ).toBe(200);
    const path = `/api/attempts/${attempt.attemptId}`;
    expect((await studentRequest(testApp, 'GET', path, attempt.token)).status).toBe(200);
    expect((await submit(testApp, attempt)).status).toBe(200);
    await studentRequest(testApp, 'GET', `${path}/review`, attempt.token);
    const teacherPaths = [
      '/api/teacher/assignments',
      `/api/teacher/assignments/${assignment.id}/gradebook`,
    ];
    for (const teacherPath of teacherPaths) {
      expect((await send(testApp, 'GET', teacherPath, { cookie: teacher.cookie })).status).toBe(
        200,
      );
    }

    const broadReads: string[] = [];
    for (const statement of statements) {
      if (!/^\s*(select|insert|update|delete|with)\b/i.test(statement)) continue;
      // Unbound parameters: without ANALYZE, SQLite plans the same whatever their values.
      const parameters = Array.from({ length: statement.split('?').length - 1 }, () => null);
      const { rows } = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${statement}`, parameters),
      );
      // Reading every submitted attempt to count one assignment's (the index on status alone)
      // is as bad as a full scan: each step must be narrowed to an attempt or an assignment.
      for (const { detail } of rows) {
        if (GROWING_TABLE_STEP.test(detail) && !NARROWED.test(detail)) {
          broadReads.push(`${detail}: ${statement}`);
        }
      }
    }
    expect(statements.size).toBeGreaterThan(10);
    expect(broadReads).toEqual([]);
  });
});
