import { describe, expect, it } from 'vitest';
import type { PublicQuestion } from '../../../src/domain/public-question';
import { getContentSnapshot } from '../../../src/server/content/snapshot-queries';
import { KEY_FIELDS, findKeyFields, findSecretProse } from '../key-leaks';
import {
  joinAs,
  send,
  signUpTeacher,
  studentRequest,
  submit,
  type SignedInTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';
import { buildSomeResponse, jsonRequest } from '../test-app';
import {
  bankText,
  createArticle,
  expectJson,
  publishArticle,
  type Draft,
  appWithTeacher,
  appWithPublishedBank,
} from './authoring-fixtures';

interface Preview {
  attemptId: string;
  token: string;
  bankId: string;
  bankTitle: string;
  questions: PublicQuestion[];
  preview: boolean;
  previewOf: { source: 'draft' | 'published'; version: number | null; draftProblems: number };
}

function startPreview(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher | undefined,
  bankId: string,
  body: { questionId?: string } = {},
) {
  return send(testApp, 'POST', `/api/teacher/banks/${bankId}/preview`, {
    ...(teacher && { cookie: teacher.cookie }),
    body,
  });
}

/** A request to one of the preview's attempt routes with its token, and the cookie given. */
function previewRequest(
  testApp: TeacherTestApp,
  method: string,
  path: string,
  { token, cookie, body }: { token: string; cookie?: string; body?: unknown },
) {
  return Promise.resolve(
    testApp.app.request(path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(cookie === undefined ? {} : { Cookie: cookie }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

async function saveDraftText(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  bankId: string,
  text: string,
): Promise<Draft> {
  const current = await expectJson<Draft>(
    await send(testApp, 'GET', `/api/teacher/banks/${bankId}`, { cookie: teacher.cookie }),
    200,
  );
  return expectJson<Draft>(
    await send(testApp, 'PUT', `/api/teacher/banks/${bankId}`, {
      cookie: teacher.cookie,
      body: { revision: current.revision, text },
    }),
    200,
  );
}

/** Answers every question of the preview (rightly or not) and submits it as its teacher. */
async function answerAndSubmit(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  preview: Preview,
) {
  const base = `/api/attempts/${preview.attemptId}`;
  for (const question of preview.questions) {
    const saved = await previewRequest(testApp, 'PUT', `${base}/responses/${question.id}`, {
      token: preview.token,
      cookie: teacher.cookie,
      body: { response: buildSomeResponse(question) },
    });
    expect(saved.status).toBe(200);
  }
  return previewRequest(testApp, 'POST', `${base}/submit`, {
    token: preview.token,
    cookie: teacher.cookie,
  });
}

describe("a teacher's preview of their own quiz", () => {
  it('runs as the quiz player runs a practice attempt, keeps the key until submitted, and shows the whole review at once', async () => {
    const { testApp, teacher, bank, article, published } = await appWithPublishedBank();
    const snapshot = await getContentSnapshot(testApp.db, published.contentVersion);
    if (!snapshot) throw new Error('The published bank has no snapshot');

    const preview = await expectJson<Preview>(await startPreview(testApp, teacher, bank.id), 201);
    expect(preview).toMatchObject({
      bankId: bank.id,
      bankTitle: 'The harbour wall',
      preview: true,
      previewOf: { source: 'draft', version: null, draftProblems: 0 },
    });
    expect(preview.questions.map((question) => question.id).sort()).toEqual([
      `${bank.id}-cost`,
      `${bank.id}-days`,
    ]);

    // Before submitting, nothing the player reads has the key.
    const base = `/api/attempts/${preview.attemptId}`;
    const owner = { token: preview.token, cookie: teacher.cookie };
    const beforeSubmit = [
      preview,
      await expectJson(await previewRequest(testApp, 'GET', base, owner), 200),
      await expectJson<{ meta: { id: string } }>(
        await previewRequest(testApp, 'GET', `${base}/article`, owner),
        200,
      ),
    ];
    expect(beforeSubmit[2]).toMatchObject({ meta: { id: article.id } });
    for (const [index, body] of beforeSubmit.entries()) {
      expect(findKeyFields(body, `read ${index}`, new Set([...KEY_FIELDS, 'result']))).toEqual([]);
    }
    // The article quotes the explanations' sentences, so only the attempt is searched for them.
    for (const body of beforeSubmit.slice(0, 2)) {
      expect(findSecretProse(testApp.content, body, [snapshot.bank])).toEqual([]);
    }
    expect(
      (await previewRequest(testApp, 'GET', `${base}/review`, owner)).status,
      'the review before submitting',
    ).toBe(409);

    const submitted = await expectJson<{ reviewAccess: string; result: { maxPoints: number } }>(
      await answerAndSubmit(testApp, teacher, preview),
      200,
    );
    expect(submitted).toMatchObject({ reviewAccess: 'full', result: { maxPoints: 2 } });
    const review = await expectJson<{ preview: boolean; result: { questions: unknown[] } }>(
      await previewRequest(testApp, 'GET', `${base}/review`, owner),
      200,
    );
    expect(review.preview).toBe(true);
    expect(review.result.questions).toHaveLength(2);
    expect(findSecretProse(testApp.content, review, [snapshot.bank])).not.toEqual([]);
  });

  it('opens for its teacher only: not for a student with the token, nor another teacher', async () => {
    const { testApp, teacher, bank } = await appWithPublishedBank();
    const other = await signUpTeacher(testApp, 'Mr Other');

    expect((await startPreview(testApp, undefined, bank.id)).status).toBe(401);
    const refused = await startPreview(testApp, other, bank.id);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'bank-not-found',
    );
    // Practice is still not open on a teacher's bank.
    const practice = await testApp.app.request(
      '/api/attempts',
      jsonRequest('POST', { bankId: bank.id }),
    );
    expect(practice.status).toBe(404);

    const preview = await expectJson<Preview>(await startPreview(testApp, teacher, bank.id), 201);
    const base = `/api/attempts/${preview.attemptId}`;
    const [question] = preview.questions;
    if (!question) throw new Error('The preview has no question');
    const routes: [string, string, unknown?][] = [
      ['GET', base],
      ['GET', `${base}/article`],
      ['PUT', `${base}/responses/${question.id}`, { response: buildSomeResponse(question) }],
      ['DELETE', `${base}/responses/${question.id}`],
      ['PUT', `${base}/highlights/p1.s1`, { colour: 'yellow' }],
      ['POST', `${base}/submit`],
      ['GET', `${base}/review`],
    ];
    for (const cookie of [undefined, other.cookie]) {
      for (const [method, path, body] of routes) {
        const response = await previewRequest(testApp, method, path, {
          token: preview.token,
          ...(cookie !== undefined && { cookie }),
          body,
        });
        expect(
          response.status,
          `${method} ${path} as ${cookie ? 'another teacher' : 'a student'}`,
        ).toBe(404);
      }
    }
    // Its teacher, signed out, is refused as well.
    await send(testApp, 'POST', '/api/teacher/logout', { cookie: teacher.cookie });
    const signedOut = await previewRequest(testApp, 'GET', base, {
      token: preview.token,
      cookie: teacher.cookie,
    });
    expect(signedOut.status).toBe(404);
  });

  it('is in no gradebook, statistics or export, and its review is not held by the class taking the quiz', async () => {
    const { testApp, teacher, bank } = await appWithPublishedBank();
    const created = await expectJson<{ id: string; joinCode: string }>(
      await send(testApp, 'POST', '/api/teacher/assignments', {
        cookie: teacher.cookie,
        body: {
          bankId: bank.id,
          title: 'Harbour, period 2',
          dueAt: '2026-03-09T10:00:00Z',
          reviewPolicy: { when: 'after-due', show: 'full' },
        },
      }),
      201,
    );
    const student = await joinAs(testApp, created.joinCode, 'Ada');
    expect((await submit(testApp, student)).status).toBe(200);

    const preview = await expectJson<Preview>(await startPreview(testApp, teacher, bank.id), 201);
    const submitted = await expectJson<{ reviewAccess: string; reviewHeld: boolean }>(
      await answerAndSubmit(testApp, teacher, preview),
      200,
    );
    // The class has not seen its answers, yet the teacher's own preview shows everything.
    expect(submitted).toMatchObject({ reviewAccess: 'full', reviewHeld: false });
    // A student's practice-like attempt would be held; the student's own is closed until due.
    expect(
      (
        await studentRequest(
          testApp,
          'GET',
          `/api/attempts/${student.attemptId}/review`,
          student.token,
        )
      ).status,
    ).toBe(403);

    const base = `/api/teacher/assignments/${created.id}`;
    const gradebook = await expectJson<{
      assignment: { attemptCount: number; submittedCount: number };
      attempts: { attemptId: string; studentName: string }[];
    }>(await send(testApp, 'GET', `${base}/gradebook`, { cookie: teacher.cookie }), 200);
    expect(gradebook.assignment).toMatchObject({ attemptCount: 1, submittedCount: 1 });
    expect(gradebook.attempts.map((row) => row.studentName)).toEqual(['Ada']);
    const statistics = await send(testApp, 'GET', `${base}/statistics`, { cookie: teacher.cookie });
    const exports = [
      await send(testApp, 'GET', `${base}/export/summary.csv`, { cookie: teacher.cookie }),
      await send(testApp, 'GET', `${base}/export/responses.csv`, { cookie: teacher.cookie }),
    ];
    const items = await expectJson<{ items: { attemptCount: number }[] }>(statistics, 200);
    // Ada's attempt alone, at each of the two questions.
    expect(items.items.map((item) => item.attemptCount)).toEqual([1, 1]);
    for (const response of exports) {
      expect(response.status).toBe(200);
      const csv = await response.text();
      expect(csv).toContain('Ada');
      expect(csv).not.toContain(preview.attemptId);
      // Under the header, Ada's rows only: none for the preview.
      const rows = csv.trim().split('\n').slice(1);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row) => !row.includes('Ada'))).toEqual([]);
    }
  });

  it('shows the draft when it checks clean, else the latest published version, else says what to fix', async () => {
    const { testApp, teacher, bank, article } = await appWithPublishedBank();
    const reworded = bankText(bank.id, article.id).replace(
      'How long could the boats',
      'For how long could the boats',
    );
    await saveDraftText(testApp, teacher, bank.id, reworded);
    const draft = await expectJson<Preview>(await startPreview(testApp, teacher, bank.id), 201);
    expect(draft.previewOf).toEqual({ source: 'draft', version: null, draftProblems: 0 });
    expect(draft.questions.map((question) => question.prompt)).toContain(
      'For how long could the boats not leave the harbour?',
    );

    // A problem in the draft: the preview falls back to version 1, and says so.
    const broken = reworded.replace('difficulty: 1', 'difficulty: 9');
    const saved = await saveDraftText(testApp, teacher, bank.id, broken);
    expect(saved.problems.length).toBeGreaterThan(0);
    const fallback = await expectJson<Preview>(await startPreview(testApp, teacher, bank.id), 201);
    expect(fallback.previewOf).toEqual({
      source: 'published',
      version: 1,
      draftProblems: saved.problems.length,
    });
    expect(fallback.questions.map((question) => question.prompt)).toContain(
      'How long could the boats not leave the harbour?',
    );

    // A bank never published, with a problem: nothing to preview until it is fixed.
    const fresh = await expectJson<Draft>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        cookie: teacher.cookie,
        body: { articleId: article.id, title: 'Second quiz' },
      }),
      201,
    );
    const unpublished = await startPreview(testApp, teacher, fresh.id);
    expect(unpublished.status).toBe(422);
    const body = (await unpublished.json()) as {
      error: { code: string; message: string; details: { problems: unknown[] } };
    };
    expect(body.error.code).toBe('bank-has-problems');
    expect(body.error.message).toMatch(/^Fix the quiz before previewing it: .+:\d+:\d+: /);
    expect(body.error.details.problems.length).toBeGreaterThan(0);
  });

  it('previews one question on its own, and a draft on an article not yet published', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const article = await createArticle(testApp, teacher);
    const bank = await expectJson<Draft>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        cookie: teacher.cookie,
        body: { articleId: article.id, title: 'The harbour wall' },
      }),
      201,
    );
    await saveDraftText(testApp, teacher, bank.id, bankText(bank.id, article.id));

    const one = await expectJson<Preview>(
      await startPreview(testApp, teacher, bank.id, { questionId: `${bank.id}-days` }),
      201,
    );
    expect(one.questions.map((question) => question.id)).toEqual([`${bank.id}-days`]);
    const submitted = await expectJson<{ result: { maxPoints: number; questions: unknown[] } }>(
      await answerAndSubmit(testApp, teacher, one),
      200,
    );
    expect(submitted.result.maxPoints).toBe(1);
    expect(submitted.result.questions).toHaveLength(1);

    const missing = await startPreview(testApp, teacher, bank.id, {
      questionId: 'no-such-question',
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'question-not-found',
    );
    // Publishing the article later changes nothing for the preview already taken.
    await publishArticle(testApp, teacher, article.id);
    const reread = await previewRequest(testApp, 'GET', `/api/attempts/${one.attemptId}/review`, {
      token: one.token,
      cookie: teacher.cookie,
    });
    expect(reread.status).toBe(200);
  });

  it('deletes the teacher’s previews a week old when another starts', async () => {
    const { testApp, teacher, bank } = await appWithPublishedBank();
    const old = await expectJson<Preview>(await startPreview(testApp, teacher, bank.id), 201);
    await answerAndSubmit(testApp, teacher, old);
    testApp.clock.advanceMinutes(6 * 24 * 60);
    const recent = await expectJson<Preview>(await startPreview(testApp, teacher, bank.id), 201);
    testApp.clock.advanceMinutes(2 * 24 * 60);
    await expectJson<Preview>(await startPreview(testApp, teacher, bank.id), 201);
    const open = (preview: Preview) =>
      previewRequest(testApp, 'GET', `/api/attempts/${preview.attemptId}`, {
        token: preview.token,
        cookie: teacher.cookie,
      });
    expect((await open(old)).status).toBe(404);
    expect((await open(recent)).status).toBe(200);
  });
});
