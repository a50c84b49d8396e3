import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { understateSizes } from '../../content/zip-bomb';
import {
  ORIGIN,
  createTeacherTestApp,
  send,
  signUpTeacher,
  type SignedInTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';
import {
  bankText,
  createArticle,
  expectJson,
  publishedBank,
  type Draft,
  appWithTeacher,
  appWithPublishedBank,
} from './authoring-fixtures';

/** A GIFT file written for these tests: two questions Readproof scores and an essay it does not. */
const GIFT = `// Written for Readproof's tests.
$CATEGORY: Week 3

::Capital::What is the capital of France? {=Paris ~London ~Berlin}

::Sum::Two plus two is four. {T}

::Essay::Write about the visit. {}
`;

/** A Moodle XML file written for these tests: one multiple-choice question with HTML in it. */
const MOODLE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>Capital</text></name>
    <questiontext format="html"><text><![CDATA[<p>What is the <b>capital</b> of France?</p>]]></text></questiontext>
    <single>true</single>
    <answer fraction="100"><text>Paris</text></answer>
    <answer fraction="0"><text>London</text><feedback><text>London is in England.</text></feedback></answer>
  </question>
</quiz>
`;

interface ExportReport {
  bankId: string;
  format: string;
  fileName: string;
  mediaType: string;
  source: string;
  version: number | null;
  questionCount: number;
  report: { kind: string; questionId?: string; message: string }[];
}

interface LmsImport {
  bankId: string;
  articleId: string;
  title: string;
  format: string;
  questionCount: number;
  report: { kind: string; name?: string; line?: number; message: string }[];
}

function shippedBank({ content }: TeacherTestApp) {
  const [loaded] = content.banks.values();
  if (!loaded) throw new Error('No shipped bank');
  return loaded;
}

function importLms(
  { app }: TeacherTestApp,
  teacher: SignedInTeacher | undefined,
  name: string,
  bytes: Uint8Array | string,
  articleId: string,
): Promise<Response> {
  const form = new FormData();
  form.append('file', new File([typeof bytes === 'string' ? strToU8(bytes) : bytes], name));
  form.append('articleId', articleId);
  return Promise.resolve(
    app.request('/api/teacher/banks/import-lms', {
      method: 'POST',
      headers: { Origin: ORIGIN, ...(teacher ? { Cookie: teacher.cookie } : {}) },
      body: form,
    }),
  );
}

async function listBankIds(testApp: TeacherTestApp, teacher: SignedInTeacher): Promise<string[]> {
  const banks = await expectJson<{ id: string }[]>(
    await send(testApp, 'GET', '/api/teacher/banks', { cookie: teacher.cookie }),
    200,
  );
  return banks.map((bank) => bank.id);
}

describe('GET /api/teacher/banks/:id/export', () => {
  it.each([
    ['gift', /^text\/plain/],
    ['moodle-xml', /^application\/xml/],
    ['qti3', /^application\/zip$/],
  ])('exports a shipped bank as %s, with its report beside it', async (format, mediaType) => {
    const { testApp, teacher } = await appWithTeacher();
    const { bank } = shippedBank(testApp);
    const path = `/api/teacher/banks/${bank.id}/export`;
    const response = await send(testApp, 'GET', `${path}?format=${format}`, {
      cookie: teacher.cookie,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(mediaType);
    const report = await expectJson<ExportReport>(
      await send(testApp, 'GET', `${path}/report?format=${format}`, { cookie: teacher.cookie }),
      200,
    );
    expect(report).toMatchObject({
      bankId: bank.id,
      format,
      source: 'shipped',
      version: null,
      questionCount: bank.questions.length,
    });
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${report.fileName}"`,
    );
    const questionIds = bank.questions.map((question) => question.id);
    for (const note of report.report) {
      expect(['lossy', 'skipped']).toContain(note.kind);
      if (note.questionId !== undefined) expect(questionIds).toContain(note.questionId);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (format === 'qti3') {
      expect(Object.keys(unzipSync(bytes))).toContain('imsmanifest.xml');
    } else {
      // The file holds the key: the first question's prompt at least is in it.
      expect(new TextDecoder().decode(bytes).length).toBeGreaterThan(0);
    }
    // The same bank gives the same bytes, zip timestamps included.
    const again = await send(testApp, 'GET', `${path}?format=${format}`, {
      cookie: teacher.cookie,
    });
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
  });

  it("exports the teacher's own bank at its latest published version", async () => {
    const { testApp, teacher, bank } = await appWithPublishedBank();
    const report = await expectJson<ExportReport>(
      await send(testApp, 'GET', `/api/teacher/banks/${bank.id}/export/report?format=gift`, {
        cookie: teacher.cookie,
      }),
      200,
    );
    expect(report).toMatchObject({ source: 'published', version: 1, questionCount: 2 });
  });

  it('exports a draft never published only when it has no problems', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const { article } = shippedBank(testApp);
    const bank = await expectJson<Draft>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        cookie: teacher.cookie,
        body: { articleId: article.meta.id, title: 'Empty for now' },
      }),
      201,
    );
    const path = `/api/teacher/banks/${bank.id}/export/report?format=moodle-xml`;
    const refused = await send(testApp, 'GET', path, { cookie: teacher.cookie });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'bank-has-problems' } });

    const own = await publishedBank(testApp, teacher);
    const draft = await expectJson<Draft>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        cookie: teacher.cookie,
        body: { articleId: own.article.id, title: 'Second' },
      }),
      201,
    );
    const text = bankText(draft.id, own.article.id).replaceAll(`${draft.id}-`, `${draft.id}-b-`);
    await expectJson(
      await send(testApp, 'PUT', `/api/teacher/banks/${draft.id}`, {
        cookie: teacher.cookie,
        body: { revision: draft.revision, text },
      }),
      200,
    );
    const report = await expectJson<ExportReport>(
      await send(testApp, 'GET', `/api/teacher/banks/${draft.id}/export/report?format=qti3`, {
        cookie: teacher.cookie,
      }),
      200,
    );
    expect(report).toMatchObject({ source: 'draft', version: null, questionCount: 2 });
  });

  it("answers 404 for another teacher's bank, 401 without a session, 400 for an unknown format", async () => {
    const { testApp, bank } = await appWithPublishedBank();
    const other = await signUpTeacher(testApp, 'Mr Okafor');
    for (const suffix of ['', '/report']) {
      const path = `/api/teacher/banks/${bank.id}/export${suffix}?format=gift`;
      expect((await send(testApp, 'GET', path, { cookie: other.cookie })).status).toBe(404);
      expect((await send(testApp, 'GET', path)).status).toBe(401);
    }
    const unknown = await send(
      testApp,
      'GET',
      `/api/teacher/banks/${shippedBank(testApp).bank.id}/export?format=docx`,
      { cookie: other.cookie },
    );
    expect(unknown.status).toBe(400);
  });
});

describe('POST /api/teacher/banks/import-lms', () => {
  it('imports a GIFT file onto a shipped article as a draft that needs evidence, with a report', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const articleId = shippedBank(testApp).article.meta.id;
    const imported = await expectJson<LmsImport>(
      await importLms(testApp, teacher, 'week3.gift', GIFT, articleId),
      201,
    );
    expect(imported).toMatchObject({ articleId, format: 'gift', questionCount: 2 });
    const essay = imported.report.find((note) => note.kind === 'unsupported');
    expect(essay).toMatchObject({ name: 'Essay', line: 8 });

    expect(await listBankIds(testApp, teacher)).toEqual([imported.bankId]);
    const draft = await expectJson<Draft & { articleId: string }>(
      await send(testApp, 'GET', `/api/teacher/banks/${imported.bankId}`, {
        cookie: teacher.cookie,
      }),
      200,
    );
    expect(draft.articleId).toBe(articleId);
    expect(draft.text).toContain('What is the capital of France?');
    const evidenceProblems = draft.problems.filter((problem) =>
      problem.message.startsWith('Needs evidence'),
    );
    expect(evidenceProblems).toHaveLength(2);
    // It cannot be published until each question has its evidence.
    const publish = await send(testApp, 'POST', `/api/teacher/banks/${imported.bankId}/publish`, {
      cookie: teacher.cookie,
    });
    expect(publish.status).toBe(422);
  });

  it("imports Moodle XML onto the teacher's own article", async () => {
    const { testApp, teacher } = await appWithTeacher();
    const article = await createArticle(testApp, teacher);
    const imported = await expectJson<LmsImport>(
      await importLms(testApp, teacher, 'capital.xml', MOODLE_XML, article.id),
      201,
    );
    expect(imported).toMatchObject({
      articleId: article.id,
      format: 'moodle-xml',
      questionCount: 1,
    });
    const draft = await expectJson<Draft>(
      await send(testApp, 'GET', `/api/teacher/banks/${imported.bankId}`, {
        cookie: teacher.cookie,
      }),
      200,
    );
    // HTML is reduced to plain text.
    expect(draft.text).toContain('What is the capital of France?');
    expect(draft.text).not.toContain('<b>');
  });

  it('imports what it exported: a shipped bank through QTI 3.0 keeps its questions', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const { bank, article } = shippedBank(testApp);
    const exported = await send(
      testApp,
      'GET',
      `/api/teacher/banks/${bank.id}/export?format=qti3`,
      {
        cookie: teacher.cookie,
      },
    );
    const zip = new Uint8Array(await exported.arrayBuffer());
    const imported = await expectJson<LmsImport>(
      await importLms(testApp, teacher, 'package.zip', zip, article.meta.id),
      201,
    );
    expect(imported.format).toBe('qti3');
    expect(imported.questionCount).toBeGreaterThan(0);
    expect(imported.questionCount).toBeLessThanOrEqual(bank.questions.length);
  });

  it('refuses bad files with a message naming the file, and saves nothing', async () => {
    const { testApp, teacher } = await appWithTeacher();
    const other = await signUpTeacher(testApp, 'Mr Okafor');
    const othersArticle = await createArticle(testApp, other);
    const articleId = shippedBank(testApp).article.meta.id;
    const manifest = strToU8('<?xml version="1.0"?><manifest identifier="m"/>');
    const cases: [string, Uint8Array | string, string, number, RegExp][] = [
      ['open.gift', '::Q::Unterminated {=yes ~no\n', articleId, 422, /open\.gift/],
      ['broken.xml', '<quiz><question type="multichoice"></quiz>', articleId, 422, /broken\.xml/],
      [
        'essay.gift',
        '::Essay::Write about it. {}\n',
        articleId,
        422,
        /essay\.gift has no question/,
      ],
      ['notes.pdf', 'x', articleId, 422, /notes\.pdf is not a file this import reads/],
      ['big.gift', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41), articleId, 413, /big\.gift/],
      [
        'bomb.zip',
        understateSizes(zipSync({ 'imsmanifest.xml': new Uint8Array(6 * 1024 * 1024) })),
        articleId,
        413,
        /bomb\.zip unpacks to more than 5 MB/,
      ],
      [
        'escape.zip',
        zipSync({ 'imsmanifest.xml': manifest, '../item.xml': strToU8('<x/>') }),
        articleId,
        422,
        /escape\.zip: "\.\.\/item\.xml" points outside the zip/,
      ],
      ['bare.zip', zipSync({ 'item.xml': strToU8('<x/>') }), articleId, 422, /no imsmanifest\.xml/],
      ['week3.gift', GIFT, 'no-such-article', 404, /no article "no-such-article"/],
      ['week3.gift', GIFT, othersArticle.id, 404, /no article/],
    ];
    for (const [name, bytes, article, status, message] of cases) {
      const response = await importLms(testApp, teacher, name, bytes, article);
      expect(response.status, name).toBe(status);
      const { error } = (await response.json()) as { error: { message: string } };
      expect(error.message, name).toMatch(message);
    }
    expect(await listBankIds(testApp, teacher)).toEqual([]);
  });

  it('needs a teacher session', async () => {
    const testApp = await createTeacherTestApp();
    const response = await importLms(testApp, undefined, 'week3.gift', GIFT, 'x');
    expect(response.status).toBe(401);
  });
});
