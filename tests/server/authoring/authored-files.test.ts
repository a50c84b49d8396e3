import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { understateSizes } from '../../content/zip-bomb';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load-content';
import { ORIGIN, createTeacherTestApp, send, signUpTeacher } from '../teacher-test-app';
import type { TeacherTestApp, SignedInTeacher } from '../teacher-test-app';
import { bankText, expectJson, publishedBank, type Draft } from './authoring-fixtures';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function exportZip(testApp: TeacherTestApp, teacher: SignedInTeacher, articleId: string) {
  const response = await send(testApp, 'GET', `/api/teacher/articles/${articleId}/export`, {
    cookie: teacher.cookie,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  return new Uint8Array(await response.arrayBuffer());
}

function importFile(
  { app }: TeacherTestApp,
  teacher: SignedInTeacher,
  name: string,
  bytes: Uint8Array,
  query = '',
): Promise<Response> {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  return Promise.resolve(
    app.request(`/api/teacher/articles/import${query}`, {
      method: 'POST',
      headers: { Origin: ORIGIN, Cookie: teacher.cookie },
      body: form,
    }),
  );
}

async function expectRefused(response: Response, status: number, message: RegExp) {
  expect(response.status).toBe(status);
  const { error } = (await response.json()) as { error: { message: string } };
  expect(error.message).toMatch(message);
}

/** A fresh folder, removed after the test. */
async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'readproof-export-'));
  folders.push(folder);
  return folder;
}

async function unzipInto(questionsDir: string, zip: Uint8Array): Promise<void> {
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    await mkdir(path.dirname(path.join(questionsDir, name)), { recursive: true });
    await writeFile(path.join(questionsDir, name), data);
  }
}

describe('export and import', () => {
  it('exports a zip that check:content accepts, with the content hash of the published bank', async () => {
    const testApp = await createTeacherTestApp();
    const { teacher, article, bank, published } = await publishedBank(testApp);
    const zip = await exportZip(testApp, teacher, article.id);
    expect(Object.keys(unzipSync(zip)).sort()).toEqual([
      `${article.id}/article.md`,
      `${article.id}/${bank.id}.yaml`,
    ]);

    const questionsDir = await tempFolder();
    await unzipInto(questionsDir, zip);
    const loaded = await loadContent(questionsDir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.banks.get(bank.id)?.contentVersion).toBe(published.contentVersion);
  });

  // Not beside the shipped banks: a verbatim copy keys its evidence to the same sentences, and
  // check:content allows each sentence to be the evidence of at most 10 questions per article.
  it("exports a shipped article with a teacher's copy of its bank, which check:content accepts", async () => {
    const testApp = await createTeacherTestApp();
    const teacher = await signUpTeacher(testApp);
    const [shipped] = testApp.content.banks.values();
    if (!shipped) throw new Error('No shipped bank');
    const copy = await expectJson<Draft>(
      await send(testApp, 'POST', '/api/teacher/banks', {
        cookie: teacher.cookie,
        body: { duplicateOf: shipped.bank.id },
      }),
      201,
    );
    await expectJson(
      await send(testApp, 'POST', `/api/teacher/banks/${copy.id}/publish`, {
        cookie: teacher.cookie,
      }),
      200,
    );
    const articleId = shipped.article.meta.id;
    const zip = await exportZip(testApp, teacher, articleId);
    const questionsDir = await tempFolder();
    await unzipInto(questionsDir, zip);
    const loaded = await loadContent(questionsDir);
    expect(loaded.problems).toEqual([]);
    expect([...loaded.banks.keys()]).toEqual([copy.id]);
  });

  it('imports what it exported as the same content, for another teacher after the ids are freed', async () => {
    const testApp = await createTeacherTestApp();
    const { teacher, article, bank, published } = await publishedBank(testApp);
    const zip = await exportZip(testApp, teacher, article.id);

    // The owner imports their own export: the drafts stay as they are.
    const again = await importFile(testApp, teacher, 'export.zip', zip);
    expect(await expectJson(again, 200)).toEqual({ articleIds: [], bankIds: [] });

    // Another teacher cannot take the ids.
    const other = await signUpTeacher(testApp, 'Mr Okafor');
    await expectRefused(await importFile(testApp, other, 'export.zip', zip), 422, /is taken/);

    // A fresh server: the import, published, has the same content hash.
    const fresh = await createTeacherTestApp();
    const newcomer = await signUpTeacher(fresh);
    const imported = await expectJson<{ articleIds: string[]; bankIds: string[] }>(
      await importFile(fresh, newcomer, 'export.zip', zip),
      200,
    );
    expect(imported).toEqual({ articleIds: [article.id], bankIds: [bank.id] });
    await expectJson(
      await send(fresh, 'POST', `/api/teacher/articles/${article.id}/publish`, {
        cookie: newcomer.cookie,
      }),
      200,
    );
    const republished = await expectJson<{ contentVersion: string }>(
      await send(fresh, 'POST', `/api/teacher/banks/${bank.id}/publish`, {
        cookie: newcomer.cookie,
      }),
      200,
    );
    expect(republished.contentVersion).toBe(published.contentVersion);
  });

  it('refuses bad files with the file, line and field, and saves nothing', async () => {
    const testApp = await createTeacherTestApp();
    const { teacher, article, bank } = await publishedBank(testApp);
    const good = bankText(bank.id, article.id);
    const zipOf = (files: Record<string, string>) =>
      zipSync(
        Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
      );
    const before = await expectJson<Draft>(
      await send(testApp, 'GET', `/api/teacher/banks/${bank.id}`, { cookie: teacher.cookie }),
      200,
    );

    // The first bank is fine and changed; the second is malformed: neither is saved.
    const changed = good.replace('How long', 'For how long');
    const malformed = zipOf({
      [`${article.id}/${bank.id}.yaml`]: changed,
      [`${article.id}/second.yaml`]: 'id: second\narticle: [unclosed\n',
    });
    await expectRefused(
      await importFile(testApp, teacher, 'banks.zip', malformed),
      422,
      new RegExp(`${article.id}/second\\.yaml:\\d+:\\d+`),
    );
    const after = await expectJson<Draft>(
      await send(testApp, 'GET', `/api/teacher/banks/${bank.id}`, { cookie: teacher.cookie }),
      200,
    );
    expect(after.revision).toBe(before.revision);

    const unknownType = good.replace('type: single', 'type: essay');
    await expectRefused(
      await importFile(testApp, teacher, `${bank.id}.yaml`, strToU8(unknownType)),
      422,
      new RegExp(`${bank.id}\\.yaml:\\d+:\\d+: .*type`, 'i'),
    );
    const notInArticle = good.replace(
      '- Fishing boats could not leave for nine days.',
      '- The boats sailed at once.',
    );
    await expectRefused(
      await importFile(testApp, teacher, `${bank.id}.yaml`, strToU8(notInArticle)),
      422,
      /yaml:\d+:\d+: .*sailed at once/,
    );
    await expectRefused(
      await importFile(
        testApp,
        teacher,
        `${bank.id}.yaml`,
        strToU8(good),
        '?articleId=putin-kursk-visit',
      ),
      422,
      /Unknown article .* write article: putin-kursk-visit/,
    );
    await expectRefused(
      await importFile(testApp, teacher, 'evil.zip', zipOf({ '../escape/article.md': 'x' })),
      422,
      /"\.\.\/escape\/article\.md" is not a file/,
    );
    const bomb = understateSizes(
      zipSync({ [`${article.id}/article.md`]: new Uint8Array(20 * 1024 * 1024) }),
    );
    await expectRefused(
      await importFile(testApp, teacher, 'bomb.zip', bomb),
      413,
      /bomb\.zip unpacks to more than 5 MB/,
    );
    await expectRefused(
      await importFile(testApp, teacher, 'big.yaml', new Uint8Array(5 * 1024 * 1024 + 1)),
      413,
      /at most 5 MB/,
    );
  });
});
