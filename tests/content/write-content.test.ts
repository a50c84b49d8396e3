import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readArticle } from '../../src/content/read-article';
import { readBank } from '../../src/content/read-bank';
import { writeArticleFile, writeBankFile } from '../../src/content/write-content';
import type { ArticleMeta } from '../../src/domain/article';
import type { BankInput } from '../../src/domain/question-schema';

const FOLDER = 'questions/putin-kursk-visit';
const ID = 'putin-kursk-visit';
const articleFile = path.join(FOLDER, 'article.md');
const articleText = readFileSync(articleFile, 'utf8');
const shipped = readArticle(articleFile, articleText, ID);
/** The body as the file writes it: everything after the closing `---` of the front matter. */
const shippedBody = articleText.slice(articleText.indexOf('\n---\n', 3) + 5);
const bankFiles = readdirSync(FOLDER).filter((name) => name.endsWith('.yaml'));

function readWrittenArticle(text: string) {
  return readArticle(articleFile, text, ID);
}

function readWrittenBank(file: string, text: string) {
  return readBank(file, text, {
    folderId: ID,
    article: shipped.article,
    articleIds: new Set([ID]),
  });
}

describe('writeArticleFile', () => {
  it('writes the shipped article so that it reads back to the same article', () => {
    expect(shipped.problems).toEqual([]);
    const written = writeArticleFile(shipped.article.meta, shippedBody);
    const reread = readWrittenArticle(written);
    expect(reread.problems).toEqual([]);
    expect(reread.article).toEqual(shipped.article);
  });

  it('is a fixed point: writing what it wrote, read back, gives the same bytes', () => {
    const written = writeArticleFile(shipped.article.meta, shippedBody);
    const reread = readWrittenArticle(written);
    const body = written.slice(written.indexOf('\n---\n', 3) + 5);
    expect(writeArticleFile(reread.article.meta, body)).toBe(written);
  });

  it('writes an authored article’s origin and sentence corrections in the documented order', () => {
    // Self-written text.
    const meta: ArticleMeta = {
      sentenceCorrections: [
        { paragraph: 'p1', action: 'merge', before: 'Acme Inc.', after: 'Chief' },
      ],
      origin: { publication: 'The Valley Post', date: '2025', licence: 'CC BY 4.0' },
      id: ID,
      title: 'Acme sells: true',
      summary: 'A made-up company sells shares.',
      sources: ['The company'],
      genre: 'news report',
      note: 'Made up for a test.',
      language: 'en',
    };
    const written = writeArticleFile(
      meta,
      '\r\nShares of Acme Inc. Chief Executive Jane Doe sold hers.\r\n\r\n## More\r\n\r\nOthers kept theirs.  \n\n',
    );
    expect(written).toBe(
      [
        '---',
        'id: putin-kursk-visit',
        "title: 'Acme sells: true'",
        'summary: A made-up company sells shares.',
        'sources:',
        '  - The company',
        'genre: news report',
        'note: Made up for a test.',
        'language: en',
        'origin:',
        '  publication: The Valley Post',
        "  date: '2025'",
        '  licence: CC BY 4.0',
        'sentenceCorrections:',
        '  - paragraph: p1',
        '    action: merge',
        '    before: Acme Inc.',
        '    after: Chief',
        '---',
        '',
        'Shares of Acme Inc. Chief Executive Jane Doe sold hers.',
        '',
        '## More',
        '',
        'Others kept theirs.',
        '',
      ].join('\n'),
    );
    const { article, problems } = readWrittenArticle(written);
    expect(problems).toEqual([]);
    expect(article.meta).toEqual(meta);
    expect(article.paragraphs[0]?.sentences).toHaveLength(1);
  });
});

describe('writeBankFile', () => {
  it.each(bankFiles)('writes %s so that it reads back to the same bank', (name) => {
    const file = path.join(FOLDER, name);
    const original = readWrittenBank(file, readFileSync(file, 'utf8'));
    expect(original.problems).toEqual([]);
    const written = writeBankFile(parse(readFileSync(file, 'utf8')) as BankInput);
    expect(written.startsWith('# yaml-language-server: $schema=../schema.json\n')).toBe(true);
    const reread = readWrittenBank(file, written);
    expect(reread.problems).toEqual([]);
    expect(reread.resolved).toEqual(original.resolved);
    // A fixed point, so an imported export exports to the same bytes and the same content hash
    // (src/content/load-content.ts hashes the bank file's bytes and the article file's bytes).
    expect(writeBankFile(parse(written) as BankInput)).toBe(written);
  });

  it('puts a blank line between questions, as the shipped banks do', () => {
    const file = path.join(FOLDER, bankFiles[0] ?? '');
    const written = writeBankFile(parse(readFileSync(file, 'utf8')) as BankInput);
    const questions = (parse(written) as BankInput).questions.length;
    expect(written.match(/\n\n {2}- id: /g)).toHaveLength(questions - 1);
  });
});
