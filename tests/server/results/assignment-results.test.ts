import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { PublicQuestion } from '../../../src/domain/public-question';
import type { AttemptResult } from '../../../src/domain/results';
import type { TestStatistics } from '../../../src/domain/statistics';
import { buildSomeResponse } from '../test-app';
import {
  createAssignment,
  createTeacherTestApp,
  createTeacherWithAssignment,
  joinAs,
  readAnswerKey,
  saveAnswer,
  send,
  signUpTeacher,
  studentRequest,
  submit,
  type AssignmentBody,
  type JoinedAttempt,
  type SignedInTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';

interface GradebookBody {
  assignment: AssignmentBody;
  attempts: {
    attemptId: string;
    studentName: string;
    attemptNumber: number;
    status: string;
    startedAt: string;
    submittedAt: string | null;
    timeTakenSeconds: number | null;
    answeredCount: number;
    questionCount: number;
    score: number | null;
    maxPoints: number;
    percent: number | null;
    counts: boolean;
  }[];
  students: {
    studentName: string;
    attemptCount: number;
    submittedCount: number;
    countedPercent: number | null;
  }[];
}

/**
 * The first four questions of the first shipped bank (background-and-context), one point each:
 * what `setUp` assigns.
 */
const FIRST_FOUR_QUESTIONS = [
  { id: 'context-incursion-when', type: 'single' },
  { id: 'context-incursion-words', type: 'multiple' },
  { id: 'context-first-since-ww2', type: 'judgement' },
  { id: 'context-north-korea', type: 'short' },
];

/** Four questions, no shuffling, so tests know which question is which. */
async function setUp(settings: Record<string, unknown> = {}) {
  const testApp = await createTeacherTestApp();
  const teacher = await signUpTeacher(testApp);
  const whole = await createAssignment(testApp, teacher);
  const assignment = await createAssignment(testApp, teacher, {
    questionIds: whole.questionIds.slice(0, 4),
    timeLimitMinutes: 10,
    attemptsAllowed: null,
    ...settings,
  });
  const key = await readAnswerKey(testApp, teacher, assignment.id);
  return { testApp, teacher, assignment, key };
}

/** Answers the first `right` questions (in the attempt's order) correctly and the rest wrongly. */
async function answer(
  testApp: TeacherTestApp,
  student: JoinedAttempt,
  key: Map<string, unknown>,
  right: number,
): Promise<void> {
  for (const [index, question] of student.questions.entries()) {
    const correct = key.get(question.id);
    const response = index < right ? correct : wrongAnswer(question, correct);
    expect((await saveAnswer(testApp, student, question.id, response)).status).toBe(200);
  }
}

/** A response that earns nothing: no right option, or a variant that differs from the key. */
function wrongAnswer(question: PublicQuestion, correct: unknown): unknown {
  if (question.type === 'multiple') {
    const right = new Set((correct as { choices: string[] }).choices);
    return {
      choices: question.options
        .filter((option) => !right.has(option.id))
        .slice(0, 1)
        .map((option) => option.id),
    };
  }
  for (let variant = 0; variant < 5; variant += 1) {
    const response = buildSomeResponse(question, variant);
    if (JSON.stringify(response) !== JSON.stringify(correct)) return response;
  }
  throw new Error(`No wrong answer found for ${question.id}`);
}

function gradebook(testApp: TeacherTestApp, teacher: SignedInTeacher, assignmentId: string) {
  return send(testApp, 'GET', `/api/teacher/assignments/${assignmentId}/gradebook`, {
    cookie: teacher.cookie,
  }).then((response) => response.json() as Promise<GradebookBody>);
}

describe('the gradebook', () => {
  it('shows each attempt with its status, score, percent and time taken', async () => {
    const { testApp, teacher, assignment, key } = await setUp();
    const ann = await joinAs(testApp, assignment.joinCode, 'Ann');
    const bo = await joinAs(testApp, assignment.joinCode, 'Bo');
    const cy = await joinAs(testApp, assignment.joinCode, 'Cy');
    await answer(testApp, ann, key, 4);
    await answer(testApp, bo, key, 0);
    testApp.clock.advanceMinutes(7);
    await submit(testApp, ann);
    await submit(testApp, bo);
    const [cyQuestion, cyCleared] = cy.questions;
    if (!cyQuestion || !cyCleared) throw new Error('No question');
    await saveAnswer(testApp, cy, cyQuestion.id, key.get(cyQuestion.id));
    // An answer saved and then cleared does not count as answered.
    await saveAnswer(testApp, cy, cyCleared.id, key.get(cyCleared.id));
    const cleared = await studentRequest(
      testApp,
      'DELETE',
      `/api/attempts/${cy.attemptId}/responses/${cyCleared.id}`,
      cy.token,
    );
    expect(cleared.status).toBe(200);

    const response = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignment.id}/gradebook`,
      {
        cookie: teacher.cookie,
      },
    );
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const live = (await response.json()) as GradebookBody;
    expect(live.assignment).toMatchObject({
      id: assignment.id,
      attemptCount: 3,
      submittedCount: 2,
    });
    const byName = new Map(live.attempts.map((row) => [row.studentName, row]));
    expect(byName.get('Ann')).toMatchObject({
      status: 'submitted',
      score: assignment.maxPoints,
      maxPoints: assignment.maxPoints,
      percent: 100,
      timeTakenSeconds: 7 * 60,
      answeredCount: 4,
      questionCount: 4,
      counts: true,
    });
    expect(byName.get('Bo')).toMatchObject({ status: 'submitted', percent: 0, score: 0 });
    expect(byName.get('Cy')).toMatchObject({
      status: 'in-progress',
      score: null,
      percent: null,
      timeTakenSeconds: null,
      answeredCount: 1,
      counts: false,
    });

    // Cy's time runs out: the gradebook submits the attempt with the one saved answer.
    testApp.clock.advanceMinutes(4);
    const later = await gradebook(testApp, teacher, assignment.id);
    const cyRow = later.attempts.find((row) => row.studentName === 'Cy');
    expect(cyRow).toMatchObject({
      status: 'overdue',
      submittedAt: '2026-03-02T09:10:00.000Z',
      timeTakenSeconds: 600,
      counts: true,
    });
    expect(cyRow?.score).toBeGreaterThan(0);
    expect(later.students.map((student) => student.studentName)).toEqual(['Ann', 'Bo', 'Cy']);
  });

  it('counts the highest, last, first or average attempt as the teacher chose', async () => {
    const expected = { highest: 100, last: 50, first: 25, average: 58.3 };
    for (const [countedAttempt, percent] of Object.entries(expected)) {
      const { testApp, teacher, assignment, key } = await setUp({ countedAttempt });
      for (const right of [1, 4, 2]) {
        const attempt = await joinAs(testApp, assignment.joinCode, right === 4 ? 'ann' : 'Ann');
        await answer(testApp, attempt, key, right);
        await submit(testApp, attempt);
        testApp.clock.advanceMinutes(1);
      }
      const book = await gradebook(testApp, teacher, assignment.id);
      expect(book.students, countedAttempt).toEqual([
        {
          studentName: 'Ann',
          studentKey: 'ann',
          attemptCount: 3,
          submittedCount: 3,
          countedPercent: percent,
        },
      ]);
      expect(book.attempts.map((row) => row.attemptNumber)).toEqual([1, 2, 3]);
      const counted = book.attempts.filter((row) => row.counts).map((row) => row.percent);
      expect(counted.length, countedAttempt).toBe(countedAttempt === 'average' ? 3 : 1);
      if (countedAttempt !== 'average') expect(counted).toEqual([percent]);
    }
  });

  it('opens a student’s full review, whatever the student may see', async () => {
    const { testApp, teacher, assignment, key } = await setUp({
      reviewPolicy: { when: 'never', show: 'full' },
    });
    const ann = await joinAs(testApp, assignment.joinCode, 'Ann');
    await answer(testApp, ann, key, 2);
    const inProgress = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignment.id}/attempts/${ann.attemptId}`,
      {
        cookie: teacher.cookie,
      },
    );
    expect(await inProgress.json()).toMatchObject({
      status: 'in-progress',
      result: null,
      studentName: 'Ann',
    });
    await submit(testApp, ann);
    const response = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignment.id}/attempts/${ann.attemptId}`,
      {
        cookie: teacher.cookie,
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      result: AttemptResult;
      questions: PublicQuestion[];
      responses: Record<string, unknown>;
      article: { meta: { id: string } };
    };
    expect(body.status).toBe('submitted');
    expect(body.result.percent).toBe(50);
    expect(body.result.questions.map((item) => item.question.id)).toEqual(
      ann.questions.map((question) => question.id),
    );
    expect(body.result.questions[0]?.explanation).toEqual(expect.any(String));
    expect(Object.keys(body.responses)).toHaveLength(4);
    expect(body.article.meta.id).toBe('putin-kursk-visit');
  });

  it('lets the teacher delete an attempt so the student can start again', async () => {
    const { testApp, teacher, assignment } = await setUp({ attemptsAllowed: 1 });
    const ann = await joinAs(testApp, assignment.joinCode, 'Ann');
    const [question] = ann.questions;
    if (!question) throw new Error('No question');
    expect((await saveAnswer(testApp, ann, question.id, buildSomeResponse(question))).status).toBe(
      200,
    );
    const path = `/api/teacher/assignments/${assignment.id}/attempts/${ann.attemptId}`;
    expect((await send(testApp, 'DELETE', path, { cookie: teacher.cookie })).status).toBe(204);
    // The deleted attempt is gone for its student too, even where its token was remembered.
    expect((await saveAnswer(testApp, ann, question.id, buildSomeResponse(question))).status).toBe(
      404,
    );
    expect((await submit(testApp, ann)).status).toBe(404);
    expect((await send(testApp, 'DELETE', path, { cookie: teacher.cookie })).status).toBe(404);
    expect((await gradebook(testApp, teacher, assignment.id)).attempts).toEqual([]);
    await joinAs(testApp, assignment.joinCode, 'Ann');
  });
});

describe('statistics', () => {
  it('give facility, option frequencies and the test figures over submitted attempts', async () => {
    const { testApp, teacher, assignment, key } = await setUp({ shuffleQuestions: false });
    for (const [name, right] of [
      ['Ann', 4],
      ['Bo', 2],
      ['Cy', 0],
    ] as const) {
      const attempt = await joinAs(testApp, assignment.joinCode, name);
      await answer(testApp, attempt, key, right);
      await submit(testApp, attempt);
    }
    await joinAs(testApp, assignment.joinCode, 'Dee');
    const response = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignment.id}/statistics`,
      {
        cookie: teacher.cookie,
      },
    );
    expect(response.status).toBe(200);
    const stats = (await response.json()) as TestStatistics & { include: string };
    expect(stats).toMatchObject({ include: 'all', attemptCount: 3, questionCount: 4 });
    expect(stats.items.map((item) => item.questionId)).toEqual(assignment.questionIds);
    // Bank order without shuffling: Ann got all four, Bo the first two, Cy none.
    expect(stats.items.map((item) => item.facility)).toEqual([2 / 3, 2 / 3, 1 / 3, 1 / 3]);
    expect(stats.meanPercent).toBeCloseTo(50);
    expect(stats.medianPercent).toBe(50);
    expect(stats.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(3);
    const single = stats.items.find((item) => item.type === 'single');
    expect(single?.options.reduce((sum, option) => sum + option.count, 0)).toBe(3);
    expect(single?.options.find((option) => option.correct)?.count).toBeGreaterThan(0);
  });

  it('can keep to each student’s counted attempt', async () => {
    const { testApp, teacher, assignment, key } = await setUp({ countedAttempt: 'highest' });
    for (const right of [0, 4]) {
      const attempt = await joinAs(testApp, assignment.joinCode, 'Ann');
      await answer(testApp, attempt, key, right);
      await submit(testApp, attempt);
    }
    const all = await send(testApp, 'GET', `/api/teacher/assignments/${assignment.id}/statistics`, {
      cookie: teacher.cookie,
    });
    expect(await all.json()).toMatchObject({ attemptCount: 2, meanPercent: 50 });
    const counted = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignment.id}/statistics?include=counted`,
      {
        cookie: teacher.cookie,
      },
    );
    expect(await counted.json()).toMatchObject({
      include: 'counted',
      attemptCount: 1,
      meanPercent: 100,
    });
  });
});

/** Reads a CSV download as a spreadsheet would: UTF-8 with a byte-order mark, CRLF lines. */
async function parseCsv(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  expect(text).toContain('\r\n');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function promptOf(testApp: TeacherTestApp, questionId: string): string {
  for (const { bank } of testApp.content.banks.values()) {
    const question = bank.questions.find((candidate) => candidate.id === questionId);
    if (question) return question.prompt;
  }
  throw new Error(`No question ${questionId}`);
}

describe('CSV exports', () => {
  /** The teacher's download of one of the assignment's CSV files (`file` with any query). */
  function download(
    setup: { testApp: TeacherTestApp; teacher: SignedInTeacher; assignment: AssignmentBody },
    file: string,
  ): Promise<Response> {
    const { testApp, teacher, assignment } = setup;
    return send(testApp, 'GET', `/api/teacher/assignments/${assignment.id}/export/${file}`, {
      cookie: teacher.cookie,
    });
  }

  async function setUpWithResults() {
    const setup = await setUp({ title: 'Kursk: period 3 / quiz', shuffleQuestions: false });
    const { testApp, assignment, key } = setup;
    const ann = await joinAs(testApp, assignment.joinCode, 'Ann, "the reader"');
    await answer(testApp, ann, key, 3);
    testApp.clock.advanceMinutes(5);
    await submit(testApp, ann);
    const mallory = await joinAs(testApp, assignment.joinCode, '=HYPERLINK("http://evil.example")');
    const first = mallory.questions[0];
    if (!first) throw new Error('No question');
    await saveAnswer(testApp, mallory, first.id, key.get(first.id));
    return { ...setup, ann, mallory };
  }

  it('summary.csv: a row per attempt and a column per question with its points', async () => {
    const { testApp, teacher, assignment } = await setUpWithResults();
    const response = await download(
      { testApp, teacher, assignment },
      'summary.csv?timeZone=Europe/Berlin',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="kursk-period-3-quiz-summary.csv"',
    );
    const [header, ...rows] = await parseCsv(response);
    expect(header?.slice(0, 12)).toEqual([
      'Student',
      'Attempt',
      'Status',
      'Started at (Europe/Berlin)',
      'Submitted at (Europe/Berlin)',
      'Time taken (minutes)',
      'Score',
      'Max points',
      'Percent',
      'Counted percent',
      'Counts',
      'Regraded',
    ]);
    // Each question's column: its number and the start of its prompt, never an internal id.
    const questionHeadings = header?.slice(12) ?? [];
    expect(questionHeadings).toHaveLength(4);
    for (const [index, { id }] of FIRST_FOUR_QUESTIONS.entries()) {
      const heading = questionHeadings[index] ?? '';
      const prompt = promptOf(testApp, id);
      expect(heading.startsWith(`Q${index + 1} `), heading).toBe(true);
      expect(heading).not.toContain(id);
      expect(heading.length).toBeLessThanOrEqual(`Q${index + 1} `.length + 41);
      const shown = heading.slice(`Q${index + 1} `.length).replace(/…$/, '');
      expect(prompt.startsWith(shown), `${heading} / ${prompt}`).toBe(true);
    }
    expect(rows).toHaveLength(2);
    const [annRow, malloryRow] = rows;
    // Three of the four one-point questions right; times local to Berlin (UTC+1 in March), in a
    // form spreadsheets read as dates.
    expect(annRow).toEqual([
      'Ann, "the reader"',
      '1',
      'submitted',
      '2026-03-02 10:00:00',
      '2026-03-02 10:05:00',
      '5',
      '3',
      '4',
      '75',
      '75',
      'yes',
      '',
      '1',
      '1',
      '1',
      '0',
    ]);
    // A name that is a formula is neutralised; an attempt in progress has no points yet.
    expect(malloryRow?.[0]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(malloryRow?.[2]).toBe('in progress');
    expect(malloryRow?.slice(12)).toEqual(['', '', '', '']);
  });

  it('responses.csv: a row per attempt and question with the response in words', async () => {
    const { testApp, teacher, assignment, ann } = await setUpWithResults();
    const response = await download({ testApp, teacher, assignment }, 'responses.csv');
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="kursk-period-3-quiz-responses.csv"',
    );
    const [header, ...rows] = await parseCsv(response);
    expect(header).toEqual([
      'Student',
      'Attempt',
      'Status',
      'Question number',
      'Question id',
      'Question',
      'Response',
      'Points',
      'Max points',
      'Result',
      'Accepted by teacher',
      'Saved at (UTC)',
    ]);
    expect(rows).toHaveLength(2 * 4);
    const annRows = rows.filter((row) => row[0] === 'Ann, "the reader"');
    expect(annRows.map((row) => row[4])).toEqual(FIRST_FOUR_QUESTIONS.map(({ id }) => id));
    expect(annRows.map((row) => row[9])).toEqual(['correct', 'correct', 'correct', 'incorrect']);
    for (const row of annRows) {
      expect(row[6], row[4]).not.toBe('');
      expect(row[10]).toBe('');
      expect(row[11]).toBe('2026-03-02 09:00:00');
    }
    const single = ann.questions.find((question) => question.type === 'single');
    if (single?.type === 'single') {
      const row = annRows.find((candidate) => candidate[4] === single.id);
      expect(single.options.map((option) => option.text)).toContain(row?.[6]);
    }
    const malloryRows = rows.filter((row) => row[0]?.startsWith("'="));
    expect(malloryRows.map((row) => [row[7], row[9]])).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
    expect(malloryRows.filter((row) => row[11] !== '')).toHaveLength(1);
  });

  it('quotes evidence as the article’s sentences, without their ids', async () => {
    const { testApp, teacher, assignment } = await createTeacherWithAssignment({
      questionIds: ['context-still-active'],
      attemptsAllowed: null,
    });
    const ann = await joinAs(testApp, assignment.joinCode, 'Ann');
    const response = { sentences: ['p1.s1', 'p2.s1'] };
    expect((await saveAnswer(testApp, ann, 'context-still-active', response)).status).toBe(200);
    const [, row] = await parseCsv(
      await download({ testApp, teacher, assignment }, 'responses.csv'),
    );
    const article = testApp.content.articles.get('putin-kursk-visit');
    const sentence = (paragraph: number) => article?.paragraphs[paragraph]?.sentences[0]?.text;
    expect(row?.[6]).toBe(`“${sentence(0)}” | “${sentence(1)}”`);
    expect(row?.[6]).not.toMatch(/p\d+\.s\d+/);
  });

  it('refuses a time zone that is not one, saying which parameter', async () => {
    const { testApp, teacher, assignment } = await setUp();
    const response = await download(
      { testApp, teacher, assignment },
      'summary.csv?timeZone=Mars/Olympus',
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { message: string; details: { issues: { path: string[] }[] } };
    };
    expect(body.error.message).toContain('IANA');
    expect(body.error.details.issues[0]?.path).toEqual(['timeZone']);
  });
});

describe('polling the gradebook', () => {
  function poll(testApp: TeacherTestApp, teacher: SignedInTeacher, id: string, etag?: string) {
    return send(testApp, 'GET', `/api/teacher/assignments/${id}/gradebook`, {
      cookie: teacher.cookie,
      headers: etag === undefined ? {} : { 'If-None-Match': etag },
    });
  }

  it('answers 304 with no body while nothing changed, and 200 as soon as anything does', async () => {
    const { testApp, teacher, assignment, key } = await setUp({
      dueAt: '2026-03-02T10:00:00.000Z',
    });
    const ann = await joinAs(testApp, assignment.joinCode, 'Ann');
    const first = await poll(testApp, teacher, assignment.id);
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^".+"$/);

    const unchanged = await poll(testApp, teacher, assignment.id, etag);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    expect(unchanged.headers.get('ETag')).toBe(etag);

    // Each change that shows in the gradebook gives a new ETag and the whole gradebook.
    const changes: [string, () => Promise<unknown>][] = [
      ['an answer saved', () => answer(testApp, ann, key, 1)],
      ['a student joining', () => joinAs(testApp, assignment.joinCode, 'Bo')],
      ['a submission', () => submit(testApp, ann)],
      [
        'the assignment closed',
        () =>
          send(testApp, 'POST', `/api/teacher/assignments/${assignment.id}/close`, {
            cookie: teacher.cookie,
          }),
      ],
      ['the due time passing', async () => testApp.clock.set('2026-03-02T10:01:00.000Z')],
    ];
    let previous = etag;
    for (const [change, make] of changes) {
      await make();
      const response = await poll(testApp, teacher, assignment.id, previous);
      expect(response.status, change).toBe(200);
      const next = response.headers.get('ETag') ?? '';
      expect(next, change).not.toBe(previous);
      previous = next;
      expect((await poll(testApp, teacher, assignment.id, previous)).status, change).toBe(304);
    }
  });

  it('gives each attempt’s result per question, in bank order, for the grid', async () => {
    const { testApp, teacher, assignment, key } = await setUp({ shuffleQuestions: false });
    const ann = await joinAs(testApp, assignment.joinCode, 'Ann');
    await answer(testApp, ann, key, 2);
    await submit(testApp, ann);
    await joinAs(testApp, assignment.joinCode, 'Bo');
    const book = (await (await poll(testApp, teacher, assignment.id)).json()) as {
      questions: { id: string; number: number; prompt: string }[];
      attempts: { studentName: string; results: string[] | null }[];
    };
    expect(book.questions.map(({ id, number }) => [number, id])).toEqual(
      FIRST_FOUR_QUESTIONS.map(({ id }, index) => [index + 1, id]),
    );
    const results = new Map(book.attempts.map((row) => [row.studentName, row.results]));
    expect(results.get('Ann')).toEqual(['correct', 'correct', 'incorrect', 'incorrect']);
    expect(results.get('Bo')).toBeNull();
  });
});
