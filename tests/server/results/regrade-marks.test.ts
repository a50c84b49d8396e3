import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  createAssignment,
  createTeacherTestApp,
  joinAs,
  saveAnswer,
  send,
  signUpTeacher,
  submit,
  type SignedInTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';

/** A short question ("North Korea", "North Korean", "DPRK") and a cloze with a typed gap. */
const SHORT = 'context-north-korea';
const CLOZE = 'context-cloze-months-since';

interface Tally {
  questionId: string;
  gapId: string | null;
  gapNumber: number | null;
  answer: string;
  count: number;
  acceptedByTeacher: boolean;
}

async function setUp() {
  const testApp = await createTeacherTestApp();
  const teacher = await signUpTeacher(testApp);
  const assignment = await createAssignment(testApp, teacher, {
    questionIds: [SHORT, CLOZE],
    attemptsAllowed: null,
    reviewPolicy: { when: 'immediately', show: 'full' },
  });
  const submitAs = async (name: string, shortText: string, helpers: string) => {
    const student = await joinAs(testApp, assignment.joinCode, name);
    expect((await saveAnswer(testApp, student, SHORT, { text: shortText })).status).toBe(200);
    const gaps = { 'how-sure': 'reportedly', helpers };
    expect((await saveAnswer(testApp, student, CLOZE, { gaps })).status).toBe(200);
    expect((await submit(testApp, student)).status).toBe(200);
  };
  await submitAs('Ann', 'Pyongyang troops', 'Kim’s');
  await submitAs('Bo', 'pyongyang  TROOPS!', 'North Korean');
  await submitAs('Cy', 'China', 'Kim’s');
  return { testApp, teacher, assignment };
}

function get(testApp: TeacherTestApp, teacher: SignedInTeacher, path: string) {
  return send(testApp, 'GET', `/api/teacher/assignments/${path}`, { cookie: teacher.cookie });
}

async function accept(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  assignmentId: string,
  body: { questionId: string; gapId?: string; answer: string },
) {
  const response = await send(
    testApp,
    'POST',
    `/api/teacher/assignments/${assignmentId}/accepted-answers`,
    { cookie: teacher.cookie, body },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as { acceptance: { id: string }; attemptsRegraded: number };
}

async function regradedByStudent(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  assignmentId: string,
) {
  const response = await get(testApp, teacher, `${assignmentId}/gradebook`);
  const body = (await response.json()) as {
    attempts: { studentName: string; regradedQuestions: number[]; score: number }[];
  };
  return Object.fromEntries(
    body.attempts.map((row) => [row.studentName, [row.score, row.regradedQuestions]]),
  );
}

async function statisticsOf(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  assignmentId: string,
  include = 'all',
) {
  const response = await get(testApp, teacher, `${assignmentId}/statistics?include=${include}`);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    typedAnswers: Tally[];
    items: { questionId: string; statusCounts: { correct: number; incorrect: number } }[];
  };
}

async function csvOf(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  assignmentId: string,
  file: string,
) {
  const response = await get(testApp, teacher, `${assignmentId}/export/${file}`);
  expect(response.status).toBe(200);
  return Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
}

describe('the wrong typed answers a teacher may accept', () => {
  it('lists each distinct wrong typed answer once, with how many attempts gave it', async () => {
    const { testApp, teacher, assignment } = await setUp();
    const { typedAnswers } = await statisticsOf(testApp, teacher, assignment.id);
    expect(typedAnswers).toEqual([
      expect.objectContaining({
        questionId: SHORT,
        gapId: null,
        gapNumber: null,
        count: 2,
        acceptedByTeacher: false,
      }),
      expect.objectContaining({ questionId: SHORT, answer: 'China', count: 1 }),
      // The cloze's drop-down gap is never listed, nor a typed gap the bank accepted.
      expect.objectContaining({
        questionId: CLOZE,
        gapId: 'helpers',
        gapNumber: 2,
        answer: 'Kim’s',
        count: 2,
        acceptedByTeacher: false,
      }),
    ]);
    // Spelled the way most students typed it: a tie goes to the first alphabetically.
    expect(['Pyongyang troops', 'pyongyang TROOPS!']).toContain(typedAnswers[0]?.answer);
  });

  it('marks an accepted answer, and the item statistics count its attempts right', async () => {
    const { testApp, teacher, assignment } = await setUp();
    await accept(testApp, teacher, assignment.id, {
      questionId: SHORT,
      answer: 'Pyongyang troops',
    });
    const statistics = await statisticsOf(testApp, teacher, assignment.id);
    expect(statistics.typedAnswers[0]).toMatchObject({ count: 2, acceptedByTeacher: true });
    expect(statistics.items.find((item) => item.questionId === SHORT)?.statusCounts).toMatchObject({
      correct: 2,
      incorrect: 1,
    });
    // Whatever `include` says: a regrade reaches every submitted attempt.
    const counted = await statisticsOf(testApp, teacher, assignment.id, 'counted');
    expect(counted.typedAnswers).toEqual(statistics.typedAnswers);
  });
});

describe('the gradebook and the CSVs show a regrade', () => {
  it('names the regraded questions in the gradebook, and forgets them once undone', async () => {
    const { testApp, teacher, assignment } = await setUp();
    expect(await regradedByStudent(testApp, teacher, assignment.id)).toEqual({
      Ann: [1, []],
      Bo: [2, []],
      Cy: [1, []],
    });
    const short = await accept(testApp, teacher, assignment.id, {
      questionId: SHORT,
      answer: 'pyongyang troops',
    });
    const gap = await accept(testApp, teacher, assignment.id, {
      questionId: CLOZE,
      gapId: 'helpers',
      answer: 'kim’s',
    });
    expect([short.attemptsRegraded, gap.attemptsRegraded]).toEqual([2, 2]);
    // The history numbers each acceptance's question and gap as the teacher's pages do.
    const history = await get(testApp, teacher, `${assignment.id}/accepted-answers`);
    const entries = (await history.json()) as Record<string, unknown>[];
    expect(entries).toHaveLength(2);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionId: CLOZE, questionNumber: 2, gapNumber: 2 }),
        expect.objectContaining({ questionId: SHORT, questionNumber: 1, gapNumber: null }),
      ]),
    );
    expect(await regradedByStudent(testApp, teacher, assignment.id)).toEqual({
      Ann: [3, [1, 2]],
      Bo: [3, [1]],
      Cy: [2, [2]],
    });

    const undo = await send(
      testApp,
      'POST',
      `/api/teacher/assignments/${assignment.id}/accepted-answers/${short.acceptance.id}/revoke`,
      { cookie: teacher.cookie },
    );
    expect(undo.status).toBe(200);
    expect(await regradedByStudent(testApp, teacher, assignment.id)).toEqual({
      Ann: [2, [2]],
      Bo: [2, []],
      Cy: [2, [2]],
    });
  });

  it('adds a Regraded column to summary.csv and an Accepted by teacher column to responses.csv', async () => {
    const { testApp, teacher, assignment } = await setUp();
    await accept(testApp, teacher, assignment.id, {
      questionId: SHORT,
      answer: 'Pyongyang troops',
    });

    const [summaryHeader, ...summary] = await csvOf(testApp, teacher, assignment.id, 'summary.csv');
    const regradedColumn = summaryHeader?.indexOf('Regraded') ?? -1;
    expect(regradedColumn).toBeGreaterThan(0);
    expect(summary.map((row) => [row[0], row[regradedColumn]]).sort()).toEqual([
      ['Ann', 'Q1'],
      ['Bo', 'Q1'],
      ['Cy', ''],
    ]);

    const [header, ...rows] = await csvOf(testApp, teacher, assignment.id, 'responses.csv');
    const acceptedColumn = header?.indexOf('Accepted by teacher') ?? -1;
    const resultColumn = header?.indexOf('Result') ?? -1;
    expect(acceptedColumn).toBeGreaterThan(0);
    expect(
      rows
        .filter((row) => row[4] === SHORT)
        .map((row) => [row[0], row[resultColumn], row[acceptedColumn]])
        .sort(),
    ).toEqual([
      ['Ann', 'correct', 'yes'],
      ['Bo', 'correct', 'yes'],
      ['Cy', 'incorrect', ''],
    ]);
  });
});
