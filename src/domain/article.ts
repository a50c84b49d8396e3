import { markGlossaryTerms, type GlossaryEntry, type GlossaryMark } from './glossary';
import { applySentenceCorrections, type SentenceCorrection } from './sentence-corrections';
import { countWords, splitSentences } from './sentences';

/** Where the text comes from, shown to students above it. Every field is optional. */
export interface ArticleOrigin {
  /** The newspaper, site, book or author that published it. */
  publication?: string;
  /** When it was published: `2025-03-12`, `2025-03` or `2025`. */
  date?: string;
  /** An http(s) link to the original. */
  url?: string;
  /** The licence or permission it is used under, like "CC BY 4.0" or "Public domain". */
  licence?: string;
}

/** What an article's front matter says about it. Validated by `articleMetaSchema`. */
export interface ArticleMeta {
  id: string;
  title: string;
  summary: string;
  /** The sources the text itself names, as it names them. */
  sources: string[];
  genre: string;
  note: string;
  language: string;
  /** Words and phrases of the text with definitions for the reader; absent when there are none. */
  glossary?: GlossaryEntry[];
  /** Where the text comes from; absent when the front matter does not say. */
  origin?: ArticleOrigin;
  /** The teacher's merges and splits of the splitter's sentences, applied in order. */
  sentenceCorrections?: SentenceCorrection[];
}

export interface Sentence {
  /** `p7.s2`: the second sentence of the seventh paragraph. */
  id: string;
  paragraphId: string;
  text: string;
  /** Offsets in the paragraph's text; `end` is exclusive. */
  start: number;
  end: number;
  /** The glossary terms marked in this sentence, in reading order; absent when none are. */
  terms?: GlossaryMark[];
}

export interface Paragraph {
  /** `p1`, `p2`, ... in reading order across the whole article. */
  id: string;
  sectionId: string;
  text: string;
  sentences: Sentence[];
}

export interface Section {
  /** `intro` for the text before the first heading, then the heading as a slug. */
  id: string;
  heading: string | null;
  paragraphIds: string[];
}

export interface Article {
  meta: ArticleMeta;
  sections: Section[];
  paragraphs: Paragraph[];
  wordCount: number;
  /** Whole minutes at `READING_WORDS_PER_MINUTE`, at least one. */
  readingMinutes: number;
}

/** A problem in an article's text, with its place counted from the first line of the body. */
export interface ArticleProblem {
  line: number;
  column: number;
  message: string;
  /** Set when the problem is in the front matter (a stale sentence correction): the field's path. */
  metaPath?: (string | number)[];
}

/** A silent-reading rate for secondary-school students reading non-fiction. */
export const READING_WORDS_PER_MINUTE = 200;

/** The longest article, in words: an hour and a half of reading at `READING_WORDS_PER_MINUTE`. */
export const ARTICLE_MAX_WORDS = 20_000;
/** More characters than `ARTICLE_MAX_WORDS` words of prose take (about six a word, with spaces). */
export const ARTICLE_MAX_CHARACTERS = 200_000;

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

interface Block {
  line: number;
  text: string;
}

const HEADING = /^##\s+(.+)$/;

/** Blocks are runs of non-blank lines; a paragraph's lines are joined by single spaces. */
function splitBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let current: { line: number; lines: string[] } | undefined;
  body.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '') {
      if (current) blocks.push({ line: current.line, text: current.lines.join(' ') });
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { line: index + 1, lines: [line] };
    }
  });
  if (current) blocks.push({ line: current.line, text: current.lines.join(' ') });
  return blocks;
}

/**
 * Parses an article's Markdown body: paragraphs separated by blank lines, and `## ` headings that
 * start sections. Anything else Markdown can express (other headings, lists, emphasis, links) is
 * reported, since quotes and offsets are matched against the plain text. The meta's sentence
 * corrections are applied to the splitter's sentences before they are numbered (a stale one is a
 * problem with its `metaPath`), and the terms of its glossary are marked in them (`terms`).
 */
export function parseArticle(
  meta: ArticleMeta,
  body: string,
): { article: Article; problems: ArticleProblem[] } {
  const problems: ArticleProblem[] = [];
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  let section: Section | undefined;
  const corrections = (meta.sentenceCorrections ?? []).map((correction, index) => ({
    index,
    correction,
  }));

  if (body.length > ARTICLE_MAX_CHARACTERS) {
    // Refused before anything is counted or split: a hostile paste of five megabytes would take
    // seconds of the server's time. An empty article, so nothing downstream works on the text.
    const message = `The article is ${body.length} characters long; an article may have at most ${ARTICLE_MAX_WORDS} words (${ARTICLE_MAX_CHARACTERS} characters). Use an extract, or split it into two articles.`;
    return {
      article: { meta, sections: [], paragraphs: [], wordCount: 0, readingMinutes: 1 },
      problems: [{ line: 1, column: 1, message }],
    };
  }
  const blocks = splitBlocks(body);
  const wordCount = blocks
    .filter((block) => !HEADING.test(block.text))
    .reduce((sum, block) => sum + countWords(block.text), 0);
  // A text over the limit is refused, so its sentences are not worth the time: a hostile paste of
  // a million words would take seconds to split and mark.
  const tooLong = wordCount > ARTICLE_MAX_WORDS;

  for (const block of blocks) {
    const heading = HEADING.exec(block.text);
    if (heading?.[1]) {
      const text = heading[1].trim();
      section = { id: slugify(text), heading: text, paragraphIds: [] };
      if (sections.some((existing) => existing.id === section?.id)) {
        problems.push({
          line: block.line,
          column: 1,
          message: `Two sections are headed "${text}".`,
        });
      }
      sections.push(section);
      continue;
    }
    if (/^(#|[-*+]\s|\d+\.\s|>)/.test(block.text) || /[*_`[\]]/.test(block.text)) {
      problems.push({
        line: block.line,
        column: 1,
        message:
          'Only paragraphs and "## " section headings are supported; write plain text without other Markdown.',
      });
    }
    if (!section) {
      section = { id: 'intro', heading: null, paragraphIds: [] };
      sections.push(section);
    }
    const id = `p${paragraphs.length + 1}`;
    section.paragraphIds.push(id);
    const corrected = applySentenceCorrections(
      block.text,
      tooLong
        ? [{ text: block.text, start: 0, end: block.text.length }]
        : splitSentences(block.text),
      corrections.filter(({ correction }) => correction.paragraph === id),
    );
    for (const { index, message } of corrected.problems) {
      problems.push({
        line: block.line,
        column: 1,
        message,
        metaPath: ['sentenceCorrections', index],
      });
    }
    paragraphs.push({
      id,
      sectionId: section.id,
      text: block.text,
      sentences: corrected.sentences.map((span, index) => ({
        id: `${id}.s${index + 1}`,
        paragraphId: id,
        ...span,
      })),
    });
  }
  for (const { index, correction } of corrections) {
    if (paragraphs.some((paragraph) => paragraph.id === correction.paragraph)) continue;
    problems.push({
      line: 1,
      column: 1,
      message: `There is no paragraph ${correction.paragraph}: the article has ${paragraphs.length}. The text has changed: make this correction again on the new text, or remove it.`,
      metaPath: ['sentenceCorrections', index, 'paragraph'],
    });
  }

  for (const empty of sections.filter((candidate) => candidate.paragraphIds.length === 0)) {
    problems.push({ line: 1, column: 1, message: `Section "${empty.heading}" has no paragraphs.` });
  }
  if (paragraphs.length === 0)
    problems.push({ line: 1, column: 1, message: 'The article has no text.' });

  if (meta.glossary?.length) {
    const { marks } = markGlossaryTerms(paragraphs, meta.glossary);
    for (const sentence of paragraphs.flatMap((paragraph) => paragraph.sentences)) {
      const terms = marks.get(sentence.id);
      if (terms) sentence.terms = terms;
    }
  }

  if (tooLong) {
    problems.push({
      line: 1,
      column: 1,
      message: `The article has ${wordCount} words; an article may have at most ${ARTICLE_MAX_WORDS}. Use an extract, or split it into two articles.`,
    });
  }
  return {
    article: {
      meta,
      sections,
      paragraphs,
      wordCount,
      readingMinutes: Math.max(1, Math.ceil(wordCount / READING_WORDS_PER_MINUTE)),
    },
    problems,
  };
}

/** Every sentence of the article in reading order. */
export function listSentences(article: Article): Sentence[] {
  return article.paragraphs.flatMap((paragraph) => paragraph.sentences);
}

/** Looks a sentence up by its id (`p7.s2`). */
export function findSentence(article: Article, sentenceId: string): Sentence | undefined {
  const paragraphId = sentenceId.split('.')[0];
  return article.paragraphs
    .find((paragraph) => paragraph.id === paragraphId)
    ?.sentences.find((sentence) => sentence.id === sentenceId);
}
