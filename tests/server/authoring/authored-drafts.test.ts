import { describe, expect, it } from 'vitest';
import { createTeacherTestApp, send, signUpTeacher } from '../teacher-test-app';
import {
  ARTICLE_FIELDS,
  bankText,
  createArticle,
  expectJson,
  publishArticle,
  publishedBank,
  type Draft,
} from './authoring-fixtures';

describe('authored articles', () => {
  it('creates a draft checked like check:content, with its parsed sentences and readability', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const draft = await createArticle(testApp, teacher);
    expect(draft.id).toMatch(/^the-harbour-wall-[a-z0-9]{6}$/);
    expect(draft.problems).toEqual([]);
    const got = await expectJson<Draft & Record<string, unknown>>(
      await send(testApp, 'GET', `/api/teacher/articles/${draft.id}`, { cookie: teacher.cookie }),
      200,
    );
    expect(got.text).toContain(`id: ${draft.id}`);
    expect(got).toMatchObject({
      wordCount: 56,
      readingMinutes: 1,
      versions: [],
      readability: { sentences: 5 },
      article: { meta: { title: ARTICLE_FIELDS.title }, sections: [{}, { heading: 'The repair' }] },
    });
  });
});

describe('authored banks', () => {
  it('publishes a bank and assigns it like a shipped one', async () => {
    const testApp = await createTeacherTestApp();
    const { teacher, bank, published } = await publishedBank(testApp);
    expect(bank.problems).toEqual([]);
    expect(published.version).toBe(1);
    const assignment = await send(testApp, 'POST', '/api/teacher/assignments', {
      cookie: teacher.cookie,
      body: { bankId: bank.id, title: 'Harbour' },
    });
    expect(assignment.status).toBe(201);
  });

  it('saves a draft with problems and refuses to publish it (422 with the problems)', async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const article = await createArticle(testApp, teacher);
    await publishArticle(testApp, teacher, article.id);
    const bank = await expectJson<Draft>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        cookie: teacher.cookie,
        body: { articleId: article.id, title: 'Wall' },
      }),
      201,
    );
    const wrongQuote = bankText(bank.id, article.id).replace(
      '- Fishing boats could not leave for nine days.',
      '- Fishing boats sailed away at once.',
    );
    const saved = await expectJson<Draft>(
      await send(testApp, 'PUT', `/api/teacher/banks/${bank.id}`, {
        cookie: teacher.cookie,
        body: { revision: bank.revision, text: wrongQuote },
      }),
      200,
    );
    expect(saved.problems).toHaveLength(1);
    expect(saved.problems[0]).toMatchObject({ file: `${article.id}/${bank.id}.yaml` });
    const refused = await send(testApp, 'POST', `/api/teacher/banks/${bank.id}/publish`, {
      cookie: teacher.cookie,
    });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as {
      error: { code: string; details: { problems: unknown[] } };
    };
    expect(body.error.code).toBe('bank-has-problems');
    expect(body.error.details.problems).toEqual(saved.problems);
  });
});
