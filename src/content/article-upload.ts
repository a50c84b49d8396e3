import mammoth from 'mammoth';
import { decodeUtf8, unzipWithin, ZipError } from './read-zip';
import { articleBodyFromHtml, articleBodyFromText } from '../domain/article-body';

/** The largest file a teacher may upload as an article (issue 13: "upload at most 5 MB"). */
export const ARTICLE_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** An upload that cannot become an article; the message names the file and says what to do. */
export class ArticleUploadError extends Error {
  override name = 'ArticleUploadError';
}

function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

function decodeText(fileName: string, bytes: Uint8Array): string {
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    throw new ArticleUploadError(
      `${fileName} is not UTF-8 text. Save it as UTF-8 (plain text) and upload it again, or paste its text.`,
    );
  }
  return text;
}

/** A .docx is a zip archive; anything else would only give mammoth's less readable error. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * What a .docx may unpack to: a long book's text with Word's markup is a few megabytes, so
 * anything near this is a zip bomb, which mammoth would inflate into memory whatever it holds.
 */
const DOCX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

async function docxToHtml(fileName: string, bytes: Uint8Array): Promise<string> {
  const notWord = (reason: string) =>
    new ArticleUploadError(
      `${fileName} is not a Word document (.docx): ${reason} Open it in a word processor and save it as .docx, or paste its text.`,
    );
  if (!isZip(bytes)) throw notWord('it is not the zip archive a .docx file is.');
  try {
    // Inflated once here, counting what comes out, before mammoth inflates it again.
    unzipWithin(bytes, DOCX_MAX_UNPACKED_BYTES);
  } catch (error) {
    if (error instanceof ZipError && error.reason === 'too-large') {
      throw new ArticleUploadError(
        `${fileName} unpacks to more than ${DOCX_MAX_UNPACKED_BYTES / 1024 / 1024} MB, far more than an article's text. Paste the text instead.`,
      );
    }
    throw notWord(`its zip archive is damaged (${error instanceof Error ? error.message : ''}).`);
  }
  try {
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are not text of the article; an empty element skips encoding them as data URLs.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    return value;
  } catch (error) {
    // mammoth's first sentence says what is missing; its second asks a question we answer.
    const reason = error instanceof Error ? (error.message.split(/(?<=[.?!])\s/)[0] ?? '') : '';
    throw notWord(`${reason.replace(/[\s.?!]*$/, '') || 'it could not be read'}.`);
  }
}

/**
 * The article body (Markdown: paragraphs separated by blank lines, `## ` headings) of an uploaded
 * `.txt`, `.md` or `.docx` file. Text files are read as UTF-8 and reduced like a plain-text paste
 * (`articleBodyFromText`); a .docx is converted to HTML by mammoth and reduced like a rich-text
 * paste (`articleBodyFromHtml`), so Word's "Heading 1"–"Heading 6" paragraphs become `## `
 * headings. Throws `ArticleUploadError` for another extension, a file over 5 MB, a .docx that
 * is not one, or a file with no text.
 */
export async function articleBodyFromUpload(fileName: string, bytes: Uint8Array): Promise<string> {
  const extension = extensionOf(fileName);
  if (!['txt', 'md', 'docx'].includes(extension)) {
    throw new ArticleUploadError(
      extension === 'doc'
        ? `${fileName} is an old Word document (.doc). Open it in a word processor, save it as .docx, and upload that.`
        : `${fileName} is not a file an article can be made from. Upload a .txt, .md or .docx file, or paste the text.`,
    );
  }
  if (bytes.byteLength > ARTICLE_UPLOAD_MAX_BYTES) {
    const megabytes = (bytes.byteLength / 1024 / 1024).toFixed(1);
    throw new ArticleUploadError(
      `${fileName} is ${megabytes} MB; an upload may be at most 5 MB. Remove its images, or paste its text.`,
    );
  }
  const body =
    extension === 'docx'
      ? articleBodyFromHtml(await docxToHtml(fileName, bytes))
      : articleBodyFromText(decodeText(fileName, bytes));
  if (body === '') throw new ArticleUploadError(`${fileName} has no text.`);
  return body;
}
