import { strToU8, zipSync, type Zippable } from 'fflate';
import { INTEROP_CODECS } from '../../domain/interop/codecs';
import type {
  BankExportInput,
  InteropFormat,
  InteropNote,
} from '../../domain/interop/interop-format';

/** A bank exported to an LMS format, ready to download or write to disk. */
export interface ExportDownload {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** Every question mapped with a loss or skipped, and why. */
  report: InteropNote[];
}

/**
 * A fixed time for every entry of a QTI zip, so the same bank always gives the same bytes (a
 * zip records each file's time; fflate would write the moment of the export).
 */
const ZIP_ENTRY_TIME = new Date(2000, 0, 1);

/**
 * The download of a bank in `format`: GIFT and Moodle XML are one text file each; QTI 3.0 is a
 * content package, zipped, as LMSs import it.
 */
export function buildLmsExport(format: InteropFormat, input: BankExportInput): ExportDownload {
  const { files, report } = INTEROP_CODECS[format].exportBank(input);
  const bankId = input.bank.id;
  if (format === 'qti3') {
    const zippable: Zippable = {};
    for (const file of files) zippable[file.path] = strToU8(file.text);
    return {
      fileName: `${bankId}-qti3.zip`,
      mediaType: 'application/zip',
      bytes: zipSync(zippable, { mtime: ZIP_ENTRY_TIME }),
      report,
    };
  }
  const [file] = files;
  if (files.length !== 1 || !file) {
    throw new Error(`The ${format} export of ${bankId} gave ${files.length} files, not one.`);
  }
  return format === 'gift'
    ? {
        fileName: `${bankId}.gift.txt`,
        mediaType: 'text/plain; charset=utf-8',
        bytes: new TextEncoder().encode(file.text),
        report,
      }
    : {
        fileName: `${bankId}.moodle.xml`,
        mediaType: 'application/xml; charset=utf-8',
        bytes: new TextEncoder().encode(file.text),
        report,
      };
}

/** One line of a report as a teacher reads it, with the question and place it is about. */
export function describeInteropNote(note: InteropNote): string {
  const what = note.name ?? note.questionId;
  const where = [note.file, note.line === undefined ? undefined : `line ${note.line}`]
    .filter((part) => part !== undefined)
    .join(', ');
  const subject = [what, where && `(${where})`].filter(Boolean).join(' ');
  return `${note.kind}: ${subject ? `${subject}: ` : ''}${note.message}`;
}
