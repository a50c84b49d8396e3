import { describe, expect, it } from 'vitest';
import { PERSONAL_CODE_ALPHABET } from '../../../src/domain/roster';
import {
  createTeacherWithAssignment,
  join,
  saveAnswer,
  send,
  signUpTeacher,
  studentRequest,
  submit,
  type JoinedAttempt,
  type SignedInTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';

interface RosterBody {
  hasRoster: boolean;
  requireRoster: boolean;
  students: {
    name: string;
    personalCode: string;
    joinPath: string;
    joinUrl: string;
    progress: string;
    attemptCount: number;
  }[];
  notStarted: string[];
}

interface ErrorBody {
  error: { code: string; message: string; details?: { problems?: unknown } };
}

function putRoster(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  assignmentId: string,
  classList: string,
  requireRoster = true,
): Promise<Response> {
  return send(testApp, 'PUT', `/api/teacher/assignments/${assignmentId}/roster`, {
    cookie: teacher.cookie,
    body: { classList, requireRoster },
  });
}

async function readRoster(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  assignmentId: string,
): Promise<RosterBody> {
  const response = await send(testApp, 'GET', `/api/teacher/assignments/${assignmentId}/roster`, {
    cookie: teacher.cookie,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as RosterBody;
}

function joinWithCode(testApp: TeacherTestApp, code: string, personalCode: string) {
  return send(testApp, 'POST', `/api/join/${code}`, { body: { personalCode } });
}

function codeOf(roster: RosterBody, name: string): string {
  const student = roster.students.find((entry) => entry.name === name);
  if (!student) throw new Error(`${name} is not on the list`);
  return student.personalCode;
}

describe('a class list', () => {
  it('is refused with a people-worded problem per line for blank, duplicate and too-long names', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const response = await putRoster(
      testApp,
      teacher,
      assignment.id,
      `Ann Lee\n\u200B\u200B\nBo Chen\nann  LEE\n${'x'.repeat(81)}\n`,
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('invalid-class-list');
    expect(error.details?.problems).toEqual([
      { line: 2, message: 'Line 2 has no name: only spaces or invisible characters.' },
      {
        line: 4,
        message:
          'Line 4, “ann LEE”, is the same name as line 1: add an initial to tell them apart.',
      },
      { line: 5, message: 'Line 5 is 81 characters long: a name can have at most 80.' },
    ]);
    expect((await readRoster(testApp, teacher, assignment.id)).hasRoster).toBe(false);
  });

  it('gives each student a personal code of 8 unambiguous characters and a personal join link', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const response = await putRoster(
      testApp,
      teacher,
      assignment.id,
      'Ann Lee\r\n\r\nBo Chen\nCy Diaz',
    );
    expect(response.status).toBe(200);
    const roster = (await response.json()) as RosterBody;
    expect(roster.students.map((student) => student.name)).toEqual([
      'Ann Lee',
      'Bo Chen',
      'Cy Diaz',
    ]);
    const codes = roster.students.map((student) => student.personalCode.replace('-', ''));
    expect(new Set(codes).size).toBe(3);
    for (const code of codes) {
      expect(code).toHaveLength(8);
      expect([...code].every((letter) => PERSONAL_CODE_ALPHABET.includes(letter))).toBe(true);
    }
    const [ann] = roster.students;
    expect(ann?.joinPath).toBe(`/join/${assignment.joinCode}/${codes[0]}`);
    expect(ann?.joinUrl).toBe(`http://localhost/join/${assignment.joinCode}/${codes[0]}`);
    expect(roster.notStarted).toEqual(['Ann Lee', 'Bo Chen', 'Cy Diaz']);
  });

  it('keeps the codes of students still listed when the teacher pastes it again', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const before = (await (
      await putRoster(testApp, teacher, assignment.id, 'Ann Lee\nBo Chen')
    ).json()) as RosterBody;
    const after = (await (
      await putRoster(testApp, teacher, assignment.id, 'Bo Chen\nDee Ray\nANN LEE', false)
    ).json()) as RosterBody;
    expect(codeOf(after, 'Bo Chen')).toBe(codeOf(before, 'Bo Chen'));
    expect(codeOf(after, 'ANN LEE')).toBe(codeOf(before, 'Ann Lee'));
    expect(after.requireRoster).toBe(false);
  });

  it('is another teacher’s business only as a 404', async () => {
    const { testApp, assignment } = await createTeacherWithAssignment();
    const stranger = await signUpTeacher(testApp, 'Mr Stone');
    const response = await putRoster(testApp, stranger, assignment.id, 'Ann');
    expect(response.status).toBe(404);
    const read = await send(testApp, 'GET', `/api/teacher/assignments/${assignment.id}/roster`, {
      cookie: stranger.cookie,
    });
    expect(read.status).toBe(404);
  });
});

describe('an assignment that requires the class list', () => {
  it('refuses joining by name, so no one takes a classmate’s place', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    await putRoster(testApp, teacher, assignment.id, 'Ann Lee\nBo Chen');
    const info = await send(testApp, 'GET', `/api/join/${assignment.joinCode}`);
    expect(await info.json()).toMatchObject({ roster: 'required' });

    const byName = await join(testApp, assignment.joinCode, 'Ann Lee');
    expect(byName.status).toBe(409);
    expect(((await byName.json()) as ErrorBody).error).toMatchObject({
      code: 'roster-required',
      message:
        'Your teacher gave each student a personal code for this assignment: type yours instead of your name.',
    });

    const wrong = await joinWithCode(testApp, assignment.joinCode, 'AAAA-AAAA');
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as ErrorBody).error.code).toBe('personal-code-not-found');
  });

  it('starts the attempt of the student whose code it is, in any case and spacing', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    const roster = (await (
      await putRoster(testApp, teacher, assignment.id, 'Ann Lee\nBo Chen')
    ).json()) as RosterBody;
    const typed = ` ${codeOf(roster, 'Bo Chen').toLowerCase().replace('-', ' ')} `;
    const response = await joinWithCode(testApp, assignment.joinCode, typed);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ studentName: 'Bo Chen', status: 'in-progress' });

    const after = await readRoster(testApp, teacher, assignment.id);
    expect(after.notStarted).toEqual(['Ann Lee']);
    expect(after.students.find((student) => student.name === 'Bo Chen')).toMatchObject({
      progress: 'started',
      attemptCount: 1,
    });
  });

  it('reopens the unfinished attempt with the same token on another device, and its results after', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment({
      reviewPolicy: { when: 'immediately', show: 'full' },
    });
    const roster = (await (
      await putRoster(testApp, teacher, assignment.id, 'Ann Lee')
    ).json()) as RosterBody;
    const code = codeOf(roster, 'Ann Lee');
    const first = (await (
      await joinWithCode(testApp, assignment.joinCode, code)
    ).json()) as JoinedAttempt;
    const question = first.questions[0];
    if (!question) throw new Error('No question');
    expect((await saveAnswer(testApp, first, question.id, { choice: 'x' })).status).toBeLessThan(
      500,
    );

    // The other device: the same code gives the same attempt and the same token, not a new attempt.
    const again = await joinWithCode(testApp, assignment.joinCode, code);
    expect(again.status).toBe(200);
    const reopened = (await again.json()) as JoinedAttempt;
    expect(reopened.attemptId).toBe(first.attemptId);
    expect(reopened.token).toBe(first.token);

    expect((await submit(testApp, reopened)).status).toBe(200);
    const record = await send(testApp, 'POST', `/api/join/${assignment.joinCode}/student`, {
      body: { personalCode: code },
    });
    expect(record.status).toBe(200);
    const body = (await record.json()) as {
      name: string;
      attempts: { attemptId: string; token: string; status: string }[];
      attemptsLeft: number;
    };
    expect(body).toMatchObject({ name: 'Ann Lee', attemptsLeft: 0 });
    expect(body.attempts).toEqual([
      expect.objectContaining({
        attemptId: first.attemptId,
        token: first.token,
        status: 'submitted',
      }),
    ]);
    const review = await studentRequest(
      testApp,
      'GET',
      `/api/attempts/${first.attemptId}/review`,
      body.attempts[0]?.token ?? '',
    );
    expect(review.status).toBe(200);

    const fourth = await joinWithCode(testApp, assignment.joinCode, code);
    expect(fourth.status).toBe(409);
    expect(((await fourth.json()) as ErrorBody).error.code).toBe('attempts-used-up');
    expect((await readRoster(testApp, teacher, assignment.id)).students[0]?.progress).toBe(
      'submitted',
    );
  });

  it('counts an attempt started by name before the list, but gives no token for it', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    expect((await join(testApp, assignment.joinCode, 'ann lee')).status).toBe(201);
    const roster = (await (
      await putRoster(testApp, teacher, assignment.id, 'Ann Lee')
    ).json()) as RosterBody;
    const code = codeOf(roster, 'Ann Lee');
    const record = await send(testApp, 'POST', `/api/join/${assignment.joinCode}/student`, {
      body: { personalCode: code },
    });
    expect(await record.json()).toEqual({ name: 'Ann Lee', attempts: [], attemptsLeft: 0 });
    const again = await joinWithCode(testApp, assignment.joinCode, code);
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.code).toBe('attempts-used-up');
  });

  it('lets students join by name again once the teacher makes the list optional', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment();
    await putRoster(testApp, teacher, assignment.id, 'Ann Lee');
    await putRoster(testApp, teacher, assignment.id, 'Ann Lee', false);
    const info = await send(testApp, 'GET', `/api/join/${assignment.joinCode}`);
    expect(await info.json()).toMatchObject({ roster: 'optional' });
    expect((await join(testApp, assignment.joinCode, 'Zed')).status).toBe(201);
    const removed = await send(
      testApp,
      'DELETE',
      `/api/teacher/assignments/${assignment.id}/roster`,
      {
        cookie: teacher.cookie,
      },
    );
    expect(((await removed.json()) as RosterBody).hasRoster).toBe(false);
  });
});
