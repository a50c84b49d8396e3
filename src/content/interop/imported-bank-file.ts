import type { ImportedBank, InteropNote } from '../../domain/interop/interop-format';
import type { BankInput } from '../../domain/question-schema';
import { writeBankFile } from '../write-content';

/** Where an imported bank goes: its new id and title, its article, and the file it came from. */
export interface ImportedBankPlace {
  bankId: string;
  title: string;
  articleId: string;
  fileName: string;
  /** The format's name as teachers know it, for the description. */
  formatLabel: string;
}

/**
 * Question ids for an imported bank: question ids are unique across every bank, so each takes
 * the bank id's random suffix (as a copied bank's do); the importers give slugs, unique within
 * the file, and a repeat would still get a number rather than clash.
 */
function questionIds(bank: ImportedBank, bankId: string): string[] {
  const suffix = bankId.slice(bankId.lastIndexOf('-') + 1);
  const seen = new Set<string>();
  return bank.questions.map((question) => {
    const base = `${question.id}-${suffix}`;
    let id = base;
    for (let count = 2; seen.has(id); count += 1) id = `${base}-${count}`;
    seen.add(id);
    return id;
  });
}

/** The title of an imported bank: the file's own, else the file's name without its extension. */
export function importedBankTitle(bank: ImportedBank, fileName: string): string {
  const named = bank.title?.trim();
  if (named) return named;
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return stem.trim() || 'Imported quiz';
}

/**
 * An imported bank as a draft bank's YAML text, and its report with each note's question id
 * changed to the id its question was given. The draft usually has problems (no format carries
 * evidence); the bank editor shows them, and publishing waits until they are fixed.
 */
export function writeImportedBankFile(
  bank: ImportedBank,
  place: ImportedBankPlace,
): { text: string; report: InteropNote[] } {
  const ids = questionIds(bank, place.bankId);
  const newIdOf = new Map(bank.questions.map((question, index) => [question.id, ids[index]]));
  const input: BankInput = {
    id: place.bankId,
    article: place.articleId,
    title: place.title,
    description: `Imported from ${place.fileName} (${place.formatLabel}).`,
    questions: bank.questions.map((question, index) => ({
      ...question,
      id: ids[index] ?? question.id,
    })),
  };
  const report = bank.report.map((note) => {
    const questionId = note.questionId === undefined ? undefined : newIdOf.get(note.questionId);
    return questionId === undefined ? note : { ...note, questionId };
  });
  return { text: writeBankFile(input), report };
}
