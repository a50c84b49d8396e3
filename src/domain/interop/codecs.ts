import { exportGift, importGift } from './gift/index';
import type {
  BankExport,
  BankExportInput,
  BankImportContext,
  ImportedBank,
  InteropFormat,
} from './interop-format';
import { exportMoodleXml, importMoodleXml, MoodleXmlError } from './moodle-xml/index';
import { exportQti3, importQti3 } from './qti3/index';

/** What the app needs of one LMS format: its name for people, and both directions. */
export interface InteropCodec {
  /** The format's name as teachers know it. */
  label: string;
  exportBank(input: BankExportInput): BankExport;
  /**
   * Reads an upload's text files by path: one file for GIFT and Moodle XML (its name as the
   * path), a package's files for QTI 3.0.
   */
  importFiles(files: ReadonlyMap<string, string>, context: BankImportContext): ImportedBank;
}

/**
 * Moodle XML that cannot be parsed at all is thrown as a `MoodleXmlError`; the other importers
 * report a file they cannot read as an `invalid` note. The registry gives every format the
 * second way, so the app refuses all three alike (and a real bug still throws).
 */
function importMoodleXmlFile(text: string, context: BankImportContext): ImportedBank {
  try {
    return importMoodleXml(text, context);
  } catch (error) {
    if (!(error instanceof MoodleXmlError)) throw error;
    return { questions: [], report: [{ kind: 'invalid', message: error.message }] };
  }
}

/** The only text of a single-file upload. */
function onlyText(files: ReadonlyMap<string, string>): string {
  const [text = ''] = files.values();
  return text;
}

/** Every format's codec, so a format added to `INTEROP_FORMATS` fails to compile until it has one. */
export const INTEROP_CODECS = {
  gift: {
    label: 'GIFT',
    exportBank: exportGift,
    importFiles: (files, context) => importGift(onlyText(files), context),
  },
  'moodle-xml': {
    label: 'Moodle XML',
    exportBank: exportMoodleXml,
    importFiles: (files, context) => importMoodleXmlFile(onlyText(files), context),
  },
  qti3: {
    label: 'QTI 3.0',
    exportBank: exportQti3,
    importFiles: importQti3,
  },
} as const satisfies Record<InteropFormat, InteropCodec>;
