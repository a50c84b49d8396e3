import { describe, expect, it } from 'vitest';
import { ORIGIN, send, signUpTeacher } from '../teacher-test-app';
import {
  ARTICLE_BODY,
  bankText,
  createArticle,
  expectJson,
  publishArticle,
  publishedBank,
  type Draft,
  appWithTeacher,
  appWithPublishedBank,
} from './authoring-fixtures';

async function errorOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  return (
    (await response.json()) as { error: { code: string; message: string; details?: unknown } }
  ).error;
}

describe('ownership', () => {
  it("answers 404 for another teacher's article and bank, everywhere", async () => {
    const { testApp, article, bank } = await appWithPublishedBank();
    const other = await signUpTeacher(testApp, 'Mr Okafor');
    const as = { cookie: other.cookie };
    const refusals = [
      send(testApp, 'GET', `/api/teacher/articles/${article.id}`, as),
      send(testApp, 'PUT', `/api/teacher/articles/${article.id}`, {
        ...as,
        body: { revision: 1, text: 'x' },
      }),
      send(testApp, 'POST', `/api/teacher/articles/${article.id}/publish`, as),
      send(testApp, 'GET', `/api/teacher/articles/${article.id}/export`, as),
      send(testApp, 'GET', `/api/teacher/banks/${bank.id}`, as),
      send(testApp, 'GET', `/api/teacher/banks/${bank.id}/article`, as),
      send(testApp, 'PUT', `/api/teacher/banks/${bank.id}`, {
        ...as,
        body: { revision: 1, text: 'x' },
      }),
      send(testApp, 'POST', `/api/teacher/banks/${bank.id}/publish`, as),
      send(testApp, 'DELETE', `/api/teacher/banks/${bank.id}`, as),
      send(testApp, 'POST', '/api/teacher/banks', {
        ...as,
        body: { articleId: article.id, title: 'Mine' },
      }),
      send(testApp, 'POST', '/api/teacher/assignments', {
        ...as,
        body: { bankId: bank.id, title: 'Mine' },
      }),
    ];
    for (const response of await Promise.all(refusals)) expect(response.status).toBe(404);
    expect(await expectJson(await send(testApp, 'GET', '/api/teacher/articles', as), 200)).toEqual(
      [],
    );
    expect(await expectJson(await send(testApp, 'GET', '/api/teacher/banks', as), 200)).toEqual([]);
  });

  it('never lets a student practise an authored bank', async () => {
    const { testApp, bank } = await appWithPublishedBank();
    const response = await testApp.app.request('/api/attempts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ bankId: bank.id }),
    });
    expect(response.status).toBe(404);
  });
});

describe('limits', () => {
  it('refuses an article over 20,000 words and a bank over 200 questions', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const long = Array.from({ length: 2300 }, () => 'The wall was old and the sea was high.').join(
      ' ',
    );
    expect(long.length).toBeLessThan(5 * 1024 * 1024);
    const tooLong = await errorOf(
      await send(testApp, 'POST', '/api/teacher/articles', {
        cookie: teacher.cookie,
        body: { fields: { title: 'Long' }, body: long },
      }),
      422,
    );
    expect(tooLong).toMatchObject({ code: 'article-too-long' });
    expect(tooLong.message).toMatch(/20,700 words; an article can have at most 20,000/);

    const { article, bank } = await publishedBank(testApp, teacher);
    const question = (index: number) => `  - id: q${index}
    type: judgement
    prompt: The wall broke in January.
    skill: literal
    difficulty: 1
    answer: true
    explanation: It broke in January.
    evidence:
      - The storm in January broke a long section of the harbour wall in Eastby.
`;
    const extra = Array.from({ length: 199 }, (_, index) => question(index)).join('');
    const tooLarge = await errorOf(
      await send(testApp, 'PUT', `/api/teacher/banks/${bank.id}`, {
        cookie: teacher.cookie,
        body: { revision: bank.revision, text: bankText(bank.id, article.id, extra) },
      }),
      422,
    );
    expect(tooLarge).toMatchObject({ code: 'bank-too-large' });
    expect(tooLarge.message).toMatch(/201 questions; a bank can have at most 200/);
  });

  it('refuses an upload over 5 MB with 413', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const form = new FormData();
    form.append('file', new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.docx'));
    const response = await testApp.app.request('/api/teacher/articles/upload', {
      method: 'POST',
      headers: { Origin: ORIGIN, Cookie: teacher.cookie },
      body: form,
    });
    expect((await errorOf(response, 413)).message).toMatch(/huge\.docx is 5\.0 MB/);
  });

  it('refuses a .docx that is not one with 422 naming the file', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const form = new FormData();
    form.append('file', new File(['plain text, not Word'], 'essay.docx'));
    const response = await testApp.app.request('/api/teacher/articles/upload', {
      method: 'POST',
      headers: { Origin: ORIGIN, Cookie: teacher.cookie },
      body: form,
    });
    const error = await errorOf(response, 422);
    expect(error.code).toBe('unreadable-upload');
    expect(error.message).toMatch(/essay\.docx/);
  });

  it('turns an uploaded text file into an article body', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const form = new FormData();
    form.append('file', new File([ARTICLE_BODY], 'harbour.md'));
    const response = await testApp.app.request('/api/teacher/articles/upload', {
      method: 'POST',
      headers: { Origin: ORIGIN, Cookie: teacher.cookie },
      body: form,
    });
    const { body } = await expectJson<{ body: string }>(response, 200);
    expect(body).toContain('## The repair');
  });
});

describe('drafts and publishing', () => {
  it('saves a bank draft that is an alias bomb with the problem named, not a server error', async () => {
    const { testApp, teacher, bank } = await appWithPublishedBank();
    const bomb = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level <= 9; level += 1) {
      bomb.push(
        `a${level}: &a${level} [${Array(9)
          .fill(`*a${level - 1}`)
          .join(', ')}]`,
      );
    }
    const saved = await expectJson<Draft>(
      await send(testApp, 'PUT', `/api/teacher/banks/${bank.id}`, {
        cookie: teacher.cookie,
        body: { revision: bank.revision, text: bomb.join('\n') },
      }),
      200,
    );
    expect(saved.problems).toContainEqual(
      expect.objectContaining({ line: 1, message: expect.stringMatching(/^YAML: .*alias/i) }),
    );
  });

  it('refuses a save from a stale revision with 409 and the current draft, overwriting nothing', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const draft = await createArticle(testApp, teacher);
    const first = await expectJson<Draft>(
      await send(testApp, 'PUT', `/api/teacher/articles/${draft.id}`, {
        cookie: teacher.cookie,
        body: { revision: draft.revision, text: draft.text.replace('nine days', 'ten days') },
      }),
      200,
    );
    expect(first.revision).toBe(draft.revision + 1);
    const stale = await errorOf(
      await send(testApp, 'PUT', `/api/teacher/articles/${draft.id}`, {
        cookie: teacher.cookie,
        body: { revision: draft.revision, text: 'the other tab' },
      }),
      409,
    );
    expect(stale).toMatchObject({
      code: 'stale-revision',
      details: { current: { revision: first.revision, text: first.text } },
    });
  });

  it('saves an article with problems, refuses to publish it, and lists banks a new version breaks', async () => {
    const { testApp, teacher, article, bank } = await appWithPublishedBank();
    const current = await expectJson<Draft>(
      await send(testApp, 'GET', `/api/teacher/articles/${article.id}`, { cookie: teacher.cookie }),
      200,
    );
    const broken = await expectJson<Draft>(
      await send(testApp, 'PUT', `/api/teacher/articles/${article.id}`, {
        cookie: teacher.cookie,
        body: {
          revision: current.revision,
          text: current.text.replace(/^summary: .*$/m, 'summary: ""'),
        },
      }),
      200,
    );
    expect(broken.problems).toEqual([
      expect.objectContaining({ file: `${article.id}/article.md`, line: 4 }),
    ]);
    const refused = await errorOf(
      await send(testApp, 'POST', `/api/teacher/articles/${article.id}/publish`, {
        cookie: teacher.cookie,
      }),
      422,
    );
    expect(refused).toMatchObject({
      code: 'article-has-problems',
      details: { problems: broken.problems },
    });

    // The second version rewords the sentence one question quotes.
    await expectJson(
      await send(testApp, 'PUT', `/api/teacher/articles/${article.id}`, {
        cookie: teacher.cookie,
        body: {
          revision: broken.revision,
          text: current.text.replace(
            'could not leave for nine days',
            'stayed in port for nine days',
          ),
        },
      }),
      200,
    );
    const second = await publishArticle(testApp, teacher, article.id);
    expect(second.version).toBe(2);
    expect(second.banksToFix).toEqual([
      {
        bankId: bank.id,
        questions: [
          {
            questionId: `${bank.id}-days`,
            questionIndex: 1,
            quotes: [
              {
                quoteIndex: 0,
                message: expect.stringContaining('Fishing boats could not leave for nine days.'),
                path: ['questions', 1, 'evidence', 0],
              },
            ],
          },
        ],
      },
    ]);
  });

  it("checks a bank with the teacher's other banks on the article, as check:content checks a folder", async () => {
    const { testApp, teacher, article, bank } = await appWithPublishedBank();
    const second = await expectJson<Draft>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        cookie: teacher.cookie,
        body: { articleId: article.id, title: 'Second' },
      }),
      201,
    );
    // The first bank's questions again, under the second bank's id: the question ids clash.
    const reused = bankText(bank.id, article.id).replace(`id: ${bank.id}\n`, `id: ${second.id}\n`);
    const saved = await expectJson<Draft>(
      await send(testApp, 'PUT', `/api/teacher/banks/${second.id}`, {
        cookie: teacher.cookie,
        body: { revision: second.revision, text: reused },
      }),
      200,
    );
    expect(saved.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining(`reuses the id "${bank.id}-cost"`),
      expect.stringContaining(`reuses the id "${bank.id}-days"`),
    ]);
    const refused = await errorOf(
      await send(testApp, 'POST', `/api/teacher/banks/${second.id}/publish`, {
        cookie: teacher.cookie,
      }),
      422,
    );
    expect(refused.code).toBe('bank-has-problems');
  });

  it('copies a shipped bank under a new id, and deletes a draft never published', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const [shipped] = testApp.content.banks.values();
    if (!shipped) throw new Error('No shipped bank');
    const copy = await expectJson<Draft & { articleId: string }>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        cookie: teacher.cookie,
        body: { duplicateOf: shipped.bank.id },
      }),
      201,
    );
    expect(copy.id).toMatch(new RegExp(`^${shipped.bank.id}-copy-[a-z0-9]{6}$`));
    expect(copy.articleId).toBe(shipped.article.meta.id);
    expect(copy.problems).toEqual([]);
    expect(copy.text).toContain(`\nid: ${copy.id}\n`);
    const suffix = copy.id.slice(-6);
    for (const question of shipped.bank.questions) {
      expect(copy.text).toContain(`  - id: ${question.id}-${suffix}\n`);
    }
    await expectJson(
      await send(testApp, 'POST', `/api/teacher/banks/${copy.id}/publish`, {
        cookie: teacher.cookie,
      }),
      200,
    );
    expect(
      (
        await errorOf(
          await send(testApp, 'DELETE', `/api/teacher/banks/${copy.id}`, {
            cookie: teacher.cookie,
          }),
          409,
        )
      ).code,
    ).toBe('bank-published');

    const fresh = await expectJson<Draft>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        cookie: teacher.cookie,
        body: { articleId: shipped.article.meta.id, title: 'My questions' },
      }),
      201,
    );
    expect(fresh.problems.length).toBeGreaterThan(0);
    const deleted = await send(testApp, 'DELETE', `/api/teacher/banks/${fresh.id}`, {
      cookie: teacher.cookie,
    });
    expect(deleted.status).toBe(204);
  });
});
