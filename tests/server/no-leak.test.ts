import { describe, expect, it } from 'vitest';
import type { PublicQuestion } from '../../src/domain/public-question';
import { INTEROP_FORMATS } from '../../src/domain/interop/interop-format';
import { QUESTION_TYPES } from '../../src/domain/question-kinds';
import { getContentSnapshot } from '../../src/server/content/snapshot-queries';
import { publishedBank } from './authoring/authoring-fixtures';
import { KEY_FIELDS, findKeyFields, findSecretProse, secretTexts } from './key-leaks';
import {
  createAssignment,
  createTeacherTestApp,
  firstBankId,
  joinAs,
  send,
  signUpTeacher,
  studentRequest,
  submit,
  type JoinedAttempt,
  type TeacherTestApp,
} from './teacher-test-app';
import {
  buildSomeResponse,
  createTestApp,
  jsonRequest,
  withToken,
  type StartedAttempt,
} from './test-app';

/** Before submission not even the result's key may appear. */
const KEY_FIELDS_BEFORE_SUBMISSION = new Set([...KEY_FIELDS, 'result']);

/**
 * Every text a student reads: ids are left out, since an option's id may spell its answer's word,
 * and so are the fields named in `skip`.
 */
function collectTexts(value: unknown, skip: readonly string[] = []): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => collectTexts(item, skip));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'id' || /Ids?$/.test(key) || skip.includes(key) ? [] : collectTexts(child, skip),
  );
}

/** A cloze text as the student is shown it, each gap written back as its `{{id}}` mark. */
function markedText(segments: { kind: string; text?: string; gapId?: string }[]): string {
  return segments
    .map((segment) => (segment.kind === 'gap' ? `{{${segment.gapId}}}` : (segment.text ?? '')))
    .join('');
}

describe('before submission', () => {
  it('no response a student can get contains a key, explanation, feedback or accepted answer', async () => {
    const { app, content } = await createTestApp();
    const collected: { label: string; status: number; body: unknown }[] = [];
    /** Each question as it was shown, to check against its own key. */
    const shown: { label: string; question: PublicQuestion }[] = [];
    async function collect(label: string, path: string, init?: RequestInit) {
      const response = await app.request(path, init);
      expect(response.status, label).toBeLessThan(500);
      const body = (await response.json()) as unknown;
      collected.push({ label, status: response.status, body });
      const questions = (body as { questions?: unknown }).questions;
      if (Array.isArray(questions)) {
        for (const question of questions as PublicQuestion[]) {
          shown.push({ label: `${label}: ${question.id}`, question });
        }
      }
      return body;
    }

    await collect('health', '/api/health');
    await collect('articles', '/api/articles');
    for (const articleId of content.articles.keys()) {
      await collect(`article ${articleId}`, `/api/articles/${articleId}`);
    }
    await collect('banks', '/api/banks');
    for (const { bank } of content.banks.values()) {
      await collect(`bank ${bank.id}`, `/api/banks/${bank.id}`);
      const attempt = (await collect(
        `new attempt at ${bank.id}`,
        '/api/attempts',
        jsonRequest('POST', { bankId: bank.id }),
      )) as StartedAttempt;
      const base = `/api/attempts/${attempt.attemptId}`;
      for (const question of attempt.questions) {
        await collect(
          `save ${question.id}`,
          `${base}/responses/${question.id}`,
          jsonRequest('PUT', { response: buildSomeResponse(question) }, attempt.token),
        );
        await collect(
          `refused answer to ${question.id}`,
          `${base}/responses/${question.id}`,
          jsonRequest('PUT', { response: { choice: 'zz' } }, attempt.token),
        );
      }
      const cleared = attempt.questions[0];
      if (cleared) {
        await collect(
          `clear ${cleared.id}`,
          `${base}/responses/${cleared.id}`,
          withToken(attempt.token, { method: 'DELETE' }),
        );
      }
      // The student's own highlights and notes, and their refusals, carry no key either.
      await collect(
        `highlight at ${bank.id}`,
        `${base}/highlights/p1.s1`,
        jsonRequest('PUT', { colour: 'yellow', note: 'my note' }, attempt.token),
      );
      await collect(
        `refused highlight at ${bank.id}`,
        `${base}/highlights/p99.s1`,
        jsonRequest('PUT', { colour: 'yellow' }, attempt.token),
      );
      await collect(
        `removed highlight at ${bank.id}`,
        `${base}/highlights/p1.s1`,
        withToken(attempt.token, { method: 'DELETE' }),
      );
      await collect(`attempt at ${bank.id}`, base, withToken(attempt.token));
      await collect(`early review at ${bank.id}`, `${base}/review`, withToken(attempt.token));
    }
    expect(collected.some((item) => item.status === 422)).toBe(true);
    expect(
      collected.filter((item) => item.label.startsWith('save ') && item.status !== 200),
    ).toEqual([]);

    for (const { label, body } of collected) {
      expect(findKeyFields(body, label, KEY_FIELDS_BEFORE_SUBMISSION), label).toEqual([]);
      expect(findSecretProse(content, body), label).toEqual([]);
    }
    // The API description names the review's fields, so only its text is checked.
    const openapi: unknown = await (await app.request('/api/openapi.json')).json();
    expect(findSecretProse(content, openapi)).toEqual([]);

    // Accepted short answers and orders are checked against the question that was shown: the
    // same words may rightly be another question's option or appear in the article.
    const questions = [...content.banks.values()].flatMap(({ bank }) => bank.questions);
    const questionsById = new Map(questions.map((question) => [question.id, question]));
    expect(shown.length).toBeGreaterThan(questions.length);
    expect(new Set(shown.map(({ question }) => question.type))).toEqual(new Set(QUESTION_TYPES));
    for (const { label, question } of shown) {
      const keyQuestion = questionsById.get(question.id);
      if (!keyQuestion) throw new Error(`${label} is not a shipped question`);
      const texts = collectTexts(question).map((value) => value.trim().toLowerCase());
      const secrets = secretTexts(keyQuestion);
      for (const answer of secrets.acceptedAnswers) {
        expect(texts, label).not.toContain(answer.trim().toLowerCase());
      }
      // A drop-down gap's answer is one of its choices, and nothing else the student reads.
      const outsideChoices = collectTexts(question, ['choices']).map((value) =>
        value.trim().toLowerCase(),
      );
      for (const answer of secrets.dropDownAnswers) {
        expect(outsideChoices, label).not.toContain(answer.trim().toLowerCase());
      }
      // Every gap's words are cut out of the text shown, and the text around them is the bank's.
      if (question.type === 'cloze' && keyQuestion.type === 'cloze') {
        expect(markedText(question.segments), label).toBe(
          keyQuestion.text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, '{{$1}}'),
        );
      }
      // Attempts shuffle order items uniformly (the right order included, or elimination would
      // find it); the preview everyone sees is one arrangement that must never be the right one.
      if (label.startsWith('bank ') && question.type === 'order' && keyQuestion.type === 'order') {
        expect(
          question.items.map((item) => item.id),
          label,
        ).not.toEqual(keyQuestion.items.map((item) => item.id));
      }
    }
    // Three requests per bank for highlights made this slower than the default 5 s under load.
  }, 20_000);
});

/** A JSON response as a client gets it. */
async function read(label: string, response: Response | Promise<Response>) {
  const answered = await response;
  return { label, status: answered.status, body: (await answered.json()) as unknown };
}

/** Every route a token holder can call on a submitted attempt, after submitting it blank. */
async function replayAttemptRoutes(testApp: TeacherTestApp, name: string, attempt: JoinedAttempt) {
  const base = `/api/attempts/${attempt.attemptId}`;
  return [
    await read(`${name}: submit`, submit(testApp, attempt)),
    await read(`${name}: submit again`, submit(testApp, attempt)),
    await read(`${name}: attempt`, studentRequest(testApp, 'GET', base, attempt.token)),
    await read(`${name}: review`, studentRequest(testApp, 'GET', `${base}/review`, attempt.token)),
  ];
}

describe('the key through practice or another class (issue 10.1)', () => {
  /** Starts a practice attempt at `bankId` as anyone can, with no login. */
  async function startPractice(testApp: TeacherTestApp, bankId: string): Promise<JoinedAttempt> {
    const response = await testApp.app.request(
      '/api/attempts',
      jsonRequest('POST', { bankId }, undefined),
    );
    expect(response.status).toBe(201);
    return (await response.json()) as JoinedAttempt;
  }

  function expectNothingShown(
    testApp: TeacherTestApp,
    collected: { label: string; status: number; body: unknown }[],
  ) {
    for (const { label, status, body } of collected) {
      expect(status, label).toBeLessThan(500);
      // Not even a score: one answer changed at a time, it would tell which answer is right.
      expect(
        findKeyFields(body, label, new Set([...KEY_FIELDS, 'percent', 'total'])),
        label,
      ).toEqual([]);
      expect(findSecretProse(testApp.content, body), label).toEqual([]);
    }
  }

  it('a student in a "never" assignment gets no key, explanation, feedback or score from practice', async () => {
    const testApp = await createTeacherTestApp();
    const bankId = firstBankId(testApp);
    // A practice attempt submitted before the assignment existed is no way round either.
    const before = await startPractice(testApp, bankId);
    expect((await submit(testApp, before)).status).toBe(200);

    const teacher = await signUpTeacher(testApp);
    const assignment = await createAssignment(testApp, teacher, {
      reviewPolicy: { when: 'never', show: 'full' },
    });
    const student = await joinAs(testApp, assignment.joinCode, 'Sam');
    const practice = await startPractice(testApp, bankId);

    const collected = [
      await read('bank preview', testApp.app.request(`/api/banks/${bankId}`)),
      await read('join page', testApp.app.request(`/api/join/${assignment.joinCode}`)),
      ...(await replayAttemptRoutes(testApp, 'practice', practice)),
      ...(await replayAttemptRoutes(testApp, 'earlier practice', before)),
      ...(await replayAttemptRoutes(testApp, 'assignment', student)),
    ];
    expectNothingShown(testApp, collected);

    const submission = collected.find((item) => item.label === 'practice: submit')?.body;
    expect(submission).toMatchObject({
      result: null,
      reviewAccess: 'none',
      reviewAvailable: false,
      reviewHeld: true,
      reviewOpensAt: null,
    });
    const review = collected.find((item) => item.label === 'practice: review');
    expect(review?.status).toBe(403);
    expect(review?.body).toMatchObject({
      error: {
        code: 'review-held',
        message:
          'Results for this quiz are held while a class is being assessed on it; come back later.',
        details: { opensAt: null },
      },
    });
  });

  it('another class on the same quiz, with an immediate full review, is held too', async () => {
    const testApp = await createTeacherTestApp();
    const first = await signUpTeacher(testApp);
    await createAssignment(testApp, first, { reviewPolicy: { when: 'never', show: 'full' } });
    const second = await signUpTeacher(testApp, 'Mr Okafor');
    const open = await createAssignment(testApp, second, {
      reviewPolicy: { when: 'immediately', show: 'full' },
    });
    const student = await joinAs(testApp, open.joinCode, 'Sam');
    const collected = await replayAttemptRoutes(testApp, 'other class', student);
    expectNothingShown(testApp, collected);
    expect(collected[0]?.body).toMatchObject({ reviewHeld: true, reviewAccess: 'none' });
  });

  it('releases practice once every class on the quiz has seen its full review, and holds it again if one reopens', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const assignment = await createAssignment(testApp, teacher, {
      dueAt: '2026-03-02T10:00:00Z',
      reviewPolicy: { when: 'after-due', show: 'full' },
    });
    const practice = await startPractice(testApp, assignment.bankId);
    const submission = (await read('submit', submit(testApp, practice))).body;
    expect(submission).toMatchObject({
      reviewHeld: true,
      reviewOpensAt: '2026-03-02T10:00:30.000Z',
    });
    const reviewPath = `/api/attempts/${practice.attemptId}/review`;
    const review = () => studentRequest(testApp, 'GET', reviewPath, practice.token);

    testApp.clock.set('2026-03-02T10:00:29Z');
    expect((await review()).status).toBe(403);
    testApp.clock.set('2026-03-02T10:00:30Z');
    const released = await review();
    expect(released.status).toBe(200);
    expect(findSecretProse(testApp.content, await released.json())).not.toEqual([]);

    // A later due time opens the assignment again: its class is answering, so practice is held.
    await send(testApp, 'PATCH', `/api/teacher/assignments/${assignment.id}`, {
      cookie: teacher.cookie,
      body: { dueAt: '2026-03-03T10:00:00Z' },
    });
    expect((await review()).status).toBe(403);
  });
});

describe("a teacher's own bank (issue 13)", () => {
  it('keeps its key from students until the review policy allows, and from practice always', async () => {
    const testApp = await createTeacherTestApp();
    const { teacher, bank, published } = await publishedBank(testApp);
    const snapshot = await getContentSnapshot(testApp.db, published.contentVersion);
    if (!snapshot) throw new Error('The published bank has no snapshot');
    const authored = [snapshot.bank];
    const response = await send(testApp, 'POST', '/api/teacher/assignments', {
      cookie: teacher.cookie,
      body: {
        bankId: bank.id,
        title: 'Harbour',
        dueAt: '2026-03-02T10:00:00Z',
        reviewPolicy: { when: 'after-due', show: 'full' },
      },
    });
    expect(response.status).toBe(201);
    const { joinCode } = (await response.json()) as { joinCode: string };
    const student = await joinAs(testApp, joinCode, 'Sam');
    const base = `/api/attempts/${student.attemptId}`;
    const collected = [
      await read('join page', testApp.app.request(`/api/join/${joinCode}`)),
      await read('bank preview', testApp.app.request(`/api/banks/${bank.id}`)),
      await read(
        'practice',
        testApp.app.request('/api/attempts', jsonRequest('POST', { bankId: bank.id })),
      ),
    ];
    for (const question of student.questions) {
      collected.push(
        await read(
          `save ${question.id}`,
          studentRequest(testApp, 'PUT', `${base}/responses/${question.id}`, student.token, {
            response: buildSomeResponse(question),
          }),
        ),
      );
    }
    collected.push(...(await replayAttemptRoutes(testApp, 'assignment', student)));
    expect(collected.slice(1, 3).map((item) => item.status)).toEqual([404, 404]);
    // An LMS export holds the key (issue 14): it is the teacher's alone, for a shipped bank too.
    for (const exportedBankId of [bank.id, firstBankId(testApp)]) {
      for (const format of INTEROP_FORMATS) {
        for (const path of [
          `/api/teacher/banks/${exportedBankId}/export?format=${format}`,
          `/api/teacher/banks/${exportedBankId}/export/report?format=${format}`,
        ]) {
          const asStudent = await read(
            `${path} as the student`,
            testApp.app.request(path, withToken(student.token)),
          );
          const anonymous = await read(`${path} anonymously`, testApp.app.request(path));
          expect([asStudent.status, anonymous.status], path).toEqual([401, 401]);
          collected.push(asStudent, anonymous);
        }
      }
    }
    for (const { label, status, body } of collected) {
      expect(status, label).toBeLessThan(500);
      expect(
        findKeyFields(body, label, new Set([...KEY_FIELDS, 'percent', 'total'])),
        label,
      ).toEqual([]);
      expect(findSecretProse(testApp.content, body, authored), label).toEqual([]);
    }
    expect(findKeyFields(student.questions, 'joined', KEY_FIELDS_BEFORE_SUBMISSION)).toEqual([]);

    // After the due time (and its grace) the policy lets the full review out.
    testApp.clock.set('2026-03-02T10:01:00Z');
    const review = await studentRequest(testApp, 'GET', `${base}/review`, student.token);
    expect(review.status).toBe(200);
    expect(findSecretProse(testApp.content, await review.json(), authored)).not.toEqual([]);
  });
});
