import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  LMS_UPLOAD_MAX_BYTES,
  LMS_ZIP_MAX_FILES,
  readLmsUpload,
  type LmsUploadError,
} from '../../../src/content/interop/lms-upload';
import { understateSizes } from '../zip-bomb';

const MOODLE = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- from Moodle -->\n<quiz>\n</quiz>\n';
const QTI_ITEM =
  '<?xml version="1.0"?>\n<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="q1"/>';
const MANIFEST = '<?xml version="1.0"?>\n<manifest identifier="m"/>';

function refusal(reason: 'too-large' | 'refused', message: RegExp) {
  return expect.objectContaining({
    reason,
    message: expect.stringMatching(message) as string,
  }) as LmsUploadError;
}

describe('readLmsUpload', () => {
  it.each([
    ['bank.gift', '::Q1:: Two plus two? {=four ~five}', 'gift'],
    ['bank.TXT', '::Q1:: Two plus two? {=four ~five}', 'gift'],
    ['quiz.xml', MOODLE, 'moodle-xml'],
    ['item.xml', QTI_ITEM, 'qti3'],
  ] as const)('reads %s as %s, the file by its own name', (name, text, format) => {
    const upload = readLmsUpload(name, strToU8(text));
    expect(upload.format).toBe(format);
    expect([...upload.files]).toEqual([[name, text]]);
  });

  it('drops a byte order mark', () => {
    const upload = readLmsUpload('bank.gift', strToU8('\uFEFF::Q:: A? {T}'));
    expect(upload.files.get('bank.gift')).toBe('::Q:: A? {T}');
  });

  it('reads a package zipped with its folder', () => {
    const zip = zipSync({
      'week3/imsmanifest.xml': strToU8(MANIFEST),
      'week3/items/q1.xml': strToU8(QTI_ITEM),
    });
    expect([...readLmsUpload('week3.zip', zip).files.keys()].sort()).toEqual([
      'week3/imsmanifest.xml',
      'week3/items/q1.xml',
    ]);
  });

  it("reads a QTI package's XML files by path and leaves its images out", () => {
    const zip = zipSync({
      'imsmanifest.xml': strToU8(MANIFEST),
      'items/q1.xml': strToU8(QTI_ITEM),
      'images/map.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]),
    });
    const upload = readLmsUpload('package.zip', zip);
    expect(upload.format).toBe('qti3');
    expect([...upload.files.keys()].sort()).toEqual(['imsmanifest.xml', 'items/q1.xml']);
  });

  it.each([
    ['notes.docx', strToU8('x'), /notes\.docx is not a file this import reads/],
    ['page.xml', strToU8('<html><body/></html>'), /page\.xml .*root element is <html>/],
    ['latin1.gift', new Uint8Array([0x3a, 0x3a, 0xe9, 0x3a, 0x3a]), /latin1\.gift is not UTF-8/],
    ['nul.gift', strToU8('::Q:: A\u0000? {T}'), /nul\.gift holds the character U\+0000/],
    ['broken.zip', strToU8('not a zip'), /broken\.zip is not a zip file that can be read/],
    [
      'no-manifest.zip',
      zipSync({ 'items/q1.xml': strToU8(QTI_ITEM), 'items/manifest.xml': strToU8(MANIFEST) }),
      /no-manifest\.zip has no imsmanifest\.xml/,
    ],
    [
      'escape.zip',
      zipSync({ 'imsmanifest.xml': strToU8(MANIFEST), '../evil.xml': strToU8(QTI_ITEM) }),
      /escape\.zip: "\.\.\/evil\.xml" points outside the zip/,
    ],
    [
      'absolute.zip',
      zipSync({ 'imsmanifest.xml': strToU8(MANIFEST), '/etc/evil.xml': strToU8(QTI_ITEM) }),
      /points outside the zip/,
    ],
    [
      'binary.zip',
      zipSync({ 'imsmanifest.xml': new Uint8Array([0xff, 0xfe, 0x00]) }),
      /binary\.zip: imsmanifest\.xml is not UTF-8/,
    ],
  ])('refuses %s, naming it', (name, bytes, message) => {
    expect(() => readLmsUpload(name, bytes)).toThrow(refusal('refused', message));
  });

  it('refuses a zip of too many files', () => {
    const files = Object.fromEntries(
      Array.from({ length: LMS_ZIP_MAX_FILES + 1 }, (_, index) => [`f${index}.xml`, strToU8('')]),
    );
    expect(() => readLmsUpload('many.zip', zipSync(files))).toThrow(
      refusal('refused', /many\.zip holds 1001 files; an import may hold 1000/),
    );
  });

  it('refuses a file over the limit and a zip bomb that understates its sizes', () => {
    expect(() =>
      readLmsUpload('big.gift', new Uint8Array(LMS_UPLOAD_MAX_BYTES + 1).fill(0x41)),
    ).toThrow(refusal('too-large', /big\.gift is 5\.0 MB; a file may be at most 5 MB/));
    const bomb = understateSizes(
      zipSync({ 'imsmanifest.xml': new Uint8Array(LMS_UPLOAD_MAX_BYTES + 1).fill(0x20) }),
    );
    expect(bomb.byteLength).toBeLessThan(LMS_UPLOAD_MAX_BYTES / 100);
    expect(() => readLmsUpload('bomb.zip', bomb)).toThrow(
      refusal('too-large', /bomb\.zip unpacks to more than 5 MB/),
    );
  });
});
