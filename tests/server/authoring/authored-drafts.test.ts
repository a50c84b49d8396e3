import { describe, expect, it } from 'vitest';
import { send } from '../teacher-test-app';
import {
  bankText,
  createArticle,
  expectJson,
  publishArticle,
  type Draft,
  appWithTeacher,
  appWithPublishedBank,
} from './authoring-fixtures';
import { ARTICLE_FIELDS } from '../../fixtures/harbour-article';

describe('authored articles', () => {
  it('creates a draft checked like check:content, with its parsed sentences and readability', async () => {
    const { testApp, teacher } = await appWithTeacher();
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
    const { testApp, teacher, bank, published } = await appWithPublishedBank();
    expect(bank.problems).toEqual([]);
    expect(published.version).toBe(1);
    const assignment = await send(testApp, 'POST', '/api/teacher/assignments', {
      cookie: teacher.cookie,
      body: { bankId: bank.id, title: 'Harbour' },
    });
    expect(assignment.status).toBe(201);
  });

  it('saves a draft with problems and refuses to publish it (422 with the problems)', async () => {
    const { testApp, teacher } = await appWithTeacher();
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

describe("a bank's article", () => {
  it('is the version the bank is checked against, and says when the article has unpublished changes', async () => {
    const { testApp, teacher, article, bank } = await appWithPublishedBank();
    const as = { cookie: teacher.cookie };
    interface BankArticle {
      article: { paragraphs: { sentences: { text: string }[] }[] };
      version: number | null;
      unpublishedChanges: boolean;
    }
    const sentencesOf = (got: BankArticle) =>
      got.article.paragraphs.flatMap(({ sentences }) => sentences.map(({ text }) => text));
    const before = await expectJson<BankArticle>(
      await send(testApp, 'GET', `/api/teacher/banks/${bank.id}/article`, as),
      200,
    );
    expect(before).toMatchObject({ version: 1, unpublishedChanges: false });
    expect(sentencesOf(before)).toContain('Fishing boats could not leave for nine days.');

    const draft = await expectJson<Draft>(
      await send(testApp, 'GET', `/api/teacher/articles/${article.id}`, as),
      200,
    );
    const newSentence = 'The boats went out again in February.';
    await expectJson(
      await send(testApp, 'PUT', `/api/teacher/articles/${article.id}`, {
        ...as,
        body: { revision: draft.revision, text: `${draft.text.trimEnd()}\n\n${newSentence}\n` },
      }),
      200,
    );
    const changed = await expectJson<BankArticle>(
      await send(testApp, 'GET', `/api/teacher/banks/${bank.id}/article`, as),
      200,
    );
    expect(changed).toMatchObject({ version: 1, unpublishedChanges: true });
    expect(sentencesOf(changed)).not.toContain(newSentence);
    // Evidence on the draft's new sentence is what the bank's check refuses, as the editor shows.
    const onDraft = await expectJson<Draft>(
      await send(testApp, 'PUT', `/api/teacher/banks/${bank.id}`, {
        ...as,
        body: {
          revision: bank.revision,
          text: bankText(bank.id, article.id).replace(
            '- Fishing boats could not leave for nine days.',
            `- ${newSentence}`,
          ),
        },
      }),
      200,
    );
    expect(onDraft.problems).toHaveLength(1);

    await publishArticle(testApp, teacher, article.id);
    const republished = await expectJson<BankArticle>(
      await send(testApp, 'GET', `/api/teacher/banks/${bank.id}/article`, as),
      200,
    );
    expect(republished).toMatchObject({ version: 2, unpublishedChanges: false });
    expect(sentencesOf(republished)).toContain(newSentence);
  });

  it('is the draft before the article is first published, and the shipped article for a copy', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const as = { cookie: teacher.cookie };
    const article = await createArticle(testApp, teacher);
    const bank = await expectJson<Draft>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        ...as,
        body: { articleId: article.id, title: 'Wall' },
      }),
      201,
    );
    expect(
      await expectJson(
        await send(testApp, 'GET', `/api/teacher/banks/${bank.id}/article`, as),
        200,
      ),
    ).toMatchObject({ version: null, unpublishedChanges: false });

    const [shipped] = [...testApp.content.banks.values()];
    if (!shipped) throw new Error('The test content has no shipped bank.');
    const copy = await expectJson<Draft>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        ...as,
        body: { duplicateOf: shipped.bank.id },
      }),
      201,
    );
    expect(
      await expectJson(
        await send(testApp, 'GET', `/api/teacher/banks/${copy.id}/article`, as),
        200,
      ),
    ).toMatchObject({
      article: { meta: { id: shipped.article.meta.id } },
      version: null,
      unpublishedChanges: false,
    });
  });
});
