import { Document, isMap, isSeq, type ToStringOptions } from 'yaml';
import type { ArticleMeta } from '../domain/article';
import type { BankInput } from '../domain/question-schema';
import { SCHEMA_REFERENCE } from './read-bank';

/** What `article.md`'s front matter holds: the article's meta, as `readArticle` parses it. */
export type ArticleFrontMatter = ArticleMeta;

/**
 * Long lines stay on one line (a quote copied from the article is easier to check unfolded), and
 * strings that need quotes get single ones, as the shipped files write `answer: 'true'`.
 */
const YAML_OPTIONS: ToStringOptions = { lineWidth: 0, singleQuote: true };

/** The front matter's fields in the order the shipped article and the docs give them. */
const FRONT_MATTER_ORDER = [
  'id',
  'title',
  'summary',
  'sources',
  'genre',
  'note',
  'language',
  'origin',
  'glossary',
  'sentenceCorrections',
] as const satisfies readonly (keyof ArticleFrontMatter)[];

type Assert<Condition extends true> = Condition;
/** Fails to compile while a front matter field is missing from `FRONT_MATTER_ORDER`, so none is left out of a file. */
export type FrontMatterOrderIsComplete = Assert<
  [Exclude<keyof ArticleFrontMatter, (typeof FRONT_MATTER_ORDER)[number]>] extends [never]
    ? true
    : false
>;

/**
 * The text of `questions/<id>/article.md` for a meta and a body (Markdown paragraphs and `## `
 * headings, as `articleBodyFromText` gives them): YAML front matter between `---` lines, a blank
 * line, the body, one final newline. `readArticle` reads it back to the same meta and article.
 * Values are written as given, wrong ones too (a draft's), so `readArticle` can say what is wrong
 * with them; only fields the front matter does not have are left out.
 */
export function writeArticleFile(meta: ArticleFrontMatter, body: string): string {
  const ordered = Object.fromEntries(
    FRONT_MATTER_ORDER.flatMap((key) => (meta[key] === undefined ? [] : [[key, meta[key]]])),
  );
  const frontMatter = new Document(ordered).toString(YAML_OPTIONS);
  const text = body.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  return `---\n${frontMatter}---\n\n${text}\n`;
}

/**
 * The text of a bank's YAML file: the schema comment the shipped banks start with, then the bank
 * with its fields in the order given and a blank line between questions, as the shipped banks
 * are laid out. `readBank` reads it back to the same bank.
 */
export function writeBankFile(bank: BankInput): string {
  const document = new Document(bank);
  const questions = isMap(document.contents) ? document.contents.get('questions', true) : null;
  if (isSeq(questions)) {
    questions.items.forEach((question, index) => {
      if (index > 0 && isMap(question)) question.spaceBefore = true;
    });
  }
  return `# yaml-language-server: $schema=${SCHEMA_REFERENCE}\n${document.toString(YAML_OPTIONS)}`;
}
