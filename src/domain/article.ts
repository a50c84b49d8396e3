import { markGlossaryTerms, type GlossaryEntry, type GlossaryMark } from './glossary';
import { countWords, splitSentences } from './sentences';

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
}

/** A silent-reading rate for secondary-school students reading non-fiction. */
export const READING_WORDS_PER_MINUTE = 200;

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
 * reported, since quotes and offsets are matched against the plain text. The terms of the meta's
 * glossary are marked in the sentences (`terms`).
 */
export function parseArticle(
  meta: ArticleMeta,
  body: string,
): { article: Article; problems: ArticleProblem[] } {
  const problems: ArticleProblem[] = [];
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  let section: Section | undefined;

  for (const block of splitBlocks(body)) {
    const heading = /^##\s+(.+)$/.exec(block.text);
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
    paragraphs.push({
      id,
      sectionId: section.id,
      text: block.text,
      sentences: splitSentences(block.text).map((span, index) => ({
        id: `${id}.s${index + 1}`,
        paragraphId: id,
        ...span,
      })),
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

  const wordCount = paragraphs.reduce((sum, paragraph) => sum + countWords(paragraph.text), 0);
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
