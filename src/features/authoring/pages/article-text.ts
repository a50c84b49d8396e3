import { Document, isMap, parse, parseDocument } from 'yaml';
import type { SentenceCorrection } from '../../../domain/sentence-corrections';
import type { GlossaryEntry } from '../../../domain/glossary';

/**
 * The form's view of an article's front matter. Every value is the text of its control, so a
 * draft keeps what the teacher typed, wrong or not, and the server's check says what is wrong.
 */
export interface ArticleFields {
  title: string;
  summary: string;
  /** One source a line, as the teacher types them. */
  sources: string;
  genre: string;
  note: string;
  publication: string;
  date: string;
  url: string;
  licence: string;
}

export const EMPTY_ARTICLE_FIELDS: ArticleFields = {
  title: '',
  summary: '',
  sources: '',
  genre: '',
  note: '',
  publication: '',
  date: '',
  url: '',
  licence: '',
};

const ORIGIN_FIELDS = ['publication', 'date', 'url', 'licence'] as const;

/** The front matter as `POST /api/teacher/articles` takes it: `origin` only when it says something. */
export function frontMatterOf(fields: ArticleFields): Record<string, unknown> {
  const origin = Object.fromEntries(
    ORIGIN_FIELDS.flatMap((key) => (fields[key].trim() === '' ? [] : [[key, fields[key]]])),
  );
  return {
    title: fields.title,
    summary: fields.summary,
    sources: fields.sources.split('\n'),
    genre: fields.genre,
    note: fields.note,
    language: 'en',
    ...(Object.keys(origin).length > 0 ? { origin } : {}),
  };
}

/** An `article.md` cut at its front matter; `bodyLine` is the file line the body starts on. */
export interface ArticleTextParts {
  frontMatter: string;
  body: string;
  bodyLine: number;
}

const FENCE = /^---\s*$/;

export function splitArticleText(text: string): ArticleTextParts {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const closing = FENCE.test(lines[0] ?? '')
    ? lines.findIndex((line, index) => index > 0 && FENCE.test(line))
    : -1;
  if (closing === -1) return { frontMatter: '', body: text, bodyLine: 1 };
  // `writeArticleFile` puts one blank line between the front matter and the body.
  const blank = lines[closing + 1]?.trim() === '' ? 1 : 0;
  return {
    frontMatter: lines.slice(1, closing).join('\n'),
    body: lines.slice(closing + 1 + blank).join('\n'),
    bodyLine: closing + 2 + blank,
  };
}

function frontMatterData(frontMatter: string): Record<string, unknown> {
  try {
    const data: unknown = parse(frontMatter);
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const textOf = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** The form's fields as the front matter holds them; what it cannot read shows as empty. */
export function readArticleFields(text: string): ArticleFields {
  const data = frontMatterData(splitArticleText(text).frontMatter);
  const origin = (
    typeof data.origin === 'object' && data.origin !== null ? data.origin : {}
  ) as Record<string, unknown>;
  return {
    title: textOf(data.title),
    summary: textOf(data.summary),
    sources: Array.isArray(data.sources) ? data.sources.map(textOf).join('\n') : '',
    genre: textOf(data.genre),
    note: textOf(data.note),
    publication: textOf(origin.publication),
    date: textOf(origin.date),
    url: textOf(origin.url),
    licence: textOf(origin.licence),
  };
}

/** The teacher's sentence corrections, as the front matter lists them. */
export function readSentenceCorrections(text: string): SentenceCorrection[] {
  const list = frontMatterData(splitArticleText(text).frontMatter).sentenceCorrections;
  return Array.isArray(list) ? (list as SentenceCorrection[]) : [];
}

function join(document: Document, body: string): string {
  const frontMatter = document.toString({ lineWidth: 0, singleQuote: true });
  return `---\n${frontMatter}---\n\n${body}`;
}

/**
 * The text with its front matter changed by `edit`. The document is edited in place rather than
 * written anew, so the fields the form does not show (glossary, language) and their order stay.
 */
function editFrontMatter(text: string, edit: (document: Document) => void): string {
  const { frontMatter, body } = splitArticleText(text);
  const parsed = parseDocument(frontMatter);
  // Front matter that is not a map (empty, or a stray line) starts afresh.
  const document: Document = isMap(parsed.contents) ? parsed : new Document({});
  edit(document);
  return join(document, body);
}

export function writeArticleFields(text: string, fields: ArticleFields): string {
  return editFrontMatter(text, (document) => {
    const data = frontMatterOf(fields);
    for (const key of ['title', 'summary', 'sources', 'genre', 'note'] as const) {
      document.set(key, document.createNode(data[key]));
    }
    if (data.origin === undefined) document.delete('origin');
    else document.set('origin', document.createNode(data.origin));
  });
}

export function writeArticleBody(text: string, body: string): string {
  const { frontMatter } = splitArticleText(text);
  return `---\n${frontMatter}${frontMatter === '' ? '' : '\n'}---\n\n${body}`;
}

export function writeSentenceCorrections(
  text: string,
  corrections: readonly SentenceCorrection[],
): string {
  return editFrontMatter(text, (document) => {
    if (corrections.length === 0) document.delete('sentenceCorrections');
    else document.set('sentenceCorrections', document.createNode(corrections));
  });
}

/**
 * The glossary as the form edits it: every entry with a term and a definition as text, so an
 * entry the teacher has just added (both empty) stays on the page until it is filled or removed.
 */
export function readGlossary(text: string): GlossaryEntry[] {
  const list = frontMatterData(splitArticleText(text).frontMatter).glossary;
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    return { term: textOf(entry.term), definition: textOf(entry.definition) };
  });
}

/** The text with `glossary` in its front matter; an empty glossary removes the field. */
export function writeGlossary(text: string, glossary: readonly GlossaryEntry[]): string {
  return editFrontMatter(text, (document) => {
    if (glossary.length === 0) document.delete('glossary');
    else document.set('glossary', document.createNode(glossary));
  });
}
