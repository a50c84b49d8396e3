import { strToU8, zipSync } from 'fflate';
import { understateSizes } from './zip-bomb';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_UPLOAD_MAX_BYTES,
  ArticleUploadError,
  articleBodyFromUpload,
} from '../../src/content/article-upload';
import { buildDocx, docxParagraph, docxRun } from '../fixtures/docx';

/** A .docx of a heading and two paragraphs, one with a bold run; the text is self-written. */
function minimalDocx(): Uint8Array {
  return buildDocx([
    docxParagraph('The river in spring', 'Heading2'),
    docxParagraph([
      docxRun('The river rose '),
      docxRun('early', true),
      docxRun(' this year & flooded the lane.'),
    ]),
    docxParagraph('Farmers moved their sheep to the higher fields.'),
  ]);
}

async function uploadError(fileName: string, bytes: Uint8Array): Promise<string> {
  const error: unknown = await articleBodyFromUpload(fileName, bytes).catch(
    (caught: unknown) => caught,
  );
  if (!(error instanceof ArticleUploadError)) throw new Error(`expected an ArticleUploadError`);
  return error.message;
}

describe('articleBodyFromUpload', () => {
  it('reads a .docx: a Heading 2 paragraph becomes "## ", runs join, entities are text', async () => {
    expect(await articleBodyFromUpload('river.docx', minimalDocx())).toBe(
      [
        '## The river in spring',
        'The river rose early this year & flooded the lane.',
        'Farmers moved their sheep to the higher fields.',
      ].join('\n\n'),
    );
  });

  it('reads .txt and .md files as UTF-8 text, like a paste', async () => {
    expect(await articleBodyFromUpload('notes.TXT', strToU8('One line.\nAnother line.'))).toBe(
      'One line.\n\nAnother line.',
    );
    expect(
      await articleBodyFromUpload('story.md', strToU8('\uFEFF# Café\n\nSome *soft* text.\n')),
    ).toBe('## Café\n\nSome soft text.');
  });

  it('says a renamed text file is not a Word document', async () => {
    expect(await uploadError('essay.docx', strToU8('Just some text.'))).toBe(
      'essay.docx is not a Word document (.docx): it is not the zip archive a .docx file is. Open it in a word processor and save it as .docx, or paste its text.',
    );
  });

  it('says a zip archive without a document in it is not a Word document', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('Not Word.') });
    expect(await uploadError('archive.docx', zip)).toMatch(
      /^archive\.docx is not a Word document \(\.docx\): .+\. Open it in a word processor/,
    );
  });

  it('refuses a zip bomb whose headers understate its sizes, by what it really unpacks to', async () => {
    const bomb = understateSizes(
      zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 1 }),
    );
    expect(bomb.byteLength).toBeLessThan(ARTICLE_UPLOAD_MAX_BYTES);
    expect(await uploadError('bomb.docx', bomb)).toBe(
      "bomb.docx unpacks to more than 50 MB, far more than an article's text. Paste the text instead.",
    );
  });

  it.each([
    ['scan.pdf', strToU8('%PDF-1.7'), /^scan\.pdf is not a file an article can be made from/],
    ['old.doc', strToU8('x'), /^old\.doc is an old Word document \(\.doc\)/],
    ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), /^latin1\.txt is not UTF-8 text/],
    ['blank.txt', strToU8(' \n\n '), /^blank\.txt has no text\.$/],
    [
      'huge.txt',
      new Uint8Array(ARTICLE_UPLOAD_MAX_BYTES + 1).fill(0x61),
      /^huge\.txt is 5\.0 MB; an upload may be at most 5 MB/,
    ],
  ])('refuses %s with a message naming it', async (fileName, bytes, message) => {
    expect(await uploadError(fileName, bytes)).toMatch(message);
  });
});
