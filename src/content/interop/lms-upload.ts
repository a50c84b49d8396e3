import type { InteropFormat } from '../../domain/interop/interop-format';
import { ARTICLE_UPLOAD_MAX_BYTES } from '../article-upload';
import { decodeUtf8, unzipWithin, ZipError } from '../read-zip';

/** The most an LMS upload may be, and unpack to: the authoring upload limit (issue 14: 5 MB). */
export const LMS_UPLOAD_MAX_BYTES = ARTICLE_UPLOAD_MAX_BYTES;
/** Far more files than a package of a 200-question bank has, and far fewer than a zip bomb's. */
export const LMS_ZIP_MAX_FILES = 1000;

/** An upload that cannot be imported; the message names the file and what to do. */
export class LmsUploadError extends Error {
  override name = 'LmsUploadError';
  constructor(
    readonly reason: 'too-large' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

/** An upload's format and its text files by path (the file's own name for a single file). */
export interface LmsUpload {
  format: InteropFormat;
  files: Map<string, string>;
}

const MB = 1024 * 1024;

function tooLarge(message: string): LmsUploadError {
  return new LmsUploadError('too-large', message);
}

function refused(message: string): LmsUploadError {
  return new LmsUploadError('refused', message);
}

function decodeText(name: string, bytes: Uint8Array): string {
  const text = decodeUtf8(bytes)?.replace(/^\uFEFF/, '');
  if (text === undefined) {
    throw refused(`${name} is not UTF-8 text: save it as UTF-8 and import it again.`);
  }
  // PostgreSQL cannot store U+0000 in text, and no question has it.
  if (text.includes('\u0000')) throw refused(`${name} holds the character U+0000: remove it.`);
  return text;
}

/** The XML file's root element, past the declaration, comments and doctype. */
function rootElement(text: string): string | undefined {
  const withoutProlog = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '');
  return /<([A-Za-z_][\w.:-]*)/.exec(withoutProlog)?.[1];
}

function formatOfXml(name: string, text: string): InteropFormat {
  const root = rootElement(text);
  if (root === 'quiz') return 'moodle-xml';
  if (root?.replace(/^[\w-]+:/, '').startsWith('qti-')) return 'qti3';
  throw refused(
    `${name} is neither a Moodle XML file (its root element would be <quiz>) nor a QTI 3.0 item (<qti-assessment-item>)${root ? `: its root element is <${root}>` : ''}.`,
  );
}

/** Whether a path in a zip stays inside it once unpacked. */
function isInsideZip(path: string): boolean {
  return (
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !/^[A-Za-z]:/.test(path) &&
    !path.split('/').some((segment) => segment === '..')
  );
}

function filesOfPackage(name: string, bytes: Uint8Array): Map<string, string> {
  let entries: Map<string, Uint8Array>;
  try {
    entries = unzipWithin(bytes, LMS_UPLOAD_MAX_BYTES);
  } catch (error) {
    if (error instanceof ZipError && error.reason === 'too-large') {
      throw tooLarge(
        `${name} unpacks to more than ${LMS_UPLOAD_MAX_BYTES / MB} MB, the most an import may hold.`,
      );
    }
    throw refused(`${name} is not a zip file that can be read (${(error as Error).message}).`);
  }
  if (entries.size > LMS_ZIP_MAX_FILES) {
    throw refused(`${name} holds ${entries.size} files; an import may hold ${LMS_ZIP_MAX_FILES}.`);
  }
  const outside = [...entries.keys()].find((path) => !isInsideZip(path));
  if (outside !== undefined) {
    throw refused(`${name}: "${outside}" points outside the zip. Nothing was imported.`);
  }
  // A package zipped with its folder has the manifest one level down; the importer finds it.
  if (![...entries.keys()].some((path) => /(^|\/)imsmanifest\.xml$/.test(path))) {
    throw refused(
      `${name} has no imsmanifest.xml, so it is not a QTI 3.0 content package. Export the package from your LMS again, or import a single item's .xml file.`,
    );
  }
  // Only the XML is read: images and style sheets in a package have no place in a bank.
  const files = new Map<string, string>();
  for (const [path, data] of entries) {
    if (path.toLowerCase().endsWith('.xml')) files.set(path, decodeText(`${name}: ${path}`, data));
  }
  return files;
}

/**
 * Reads an uploaded LMS file: its format by its extension and, for XML, its root element
 * (`.gift` and `.txt` are GIFT, `.xml` Moodle XML or one QTI 3.0 item, `.zip` a QTI 3.0
 * package), within the upload limits.
 */
export function readLmsUpload(name: string, bytes: Uint8Array): LmsUpload {
  if (bytes.byteLength > LMS_UPLOAD_MAX_BYTES) {
    throw tooLarge(
      `${name} is ${(bytes.byteLength / MB).toFixed(1)} MB; a file may be at most ${LMS_UPLOAD_MAX_BYTES / MB} MB.`,
    );
  }
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'zip') return { format: 'qti3', files: filesOfPackage(name, bytes) };
  if (extension === 'gift' || extension === 'txt') {
    return { format: 'gift', files: new Map([[name, decodeText(name, bytes)]]) };
  }
  if (extension === 'xml') {
    const text = decodeText(name, bytes);
    return { format: formatOfXml(name, text), files: new Map([[name, text]]) };
  }
  throw refused(
    `${name} is not a file this import reads: choose a GIFT file (.gift or .txt), a Moodle XML file (.xml) or a QTI 3.0 package (.zip) or item (.xml).`,
  );
}
