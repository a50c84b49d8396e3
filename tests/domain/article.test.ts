import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findSentence,
  listSentences,
  parseArticle,
  READING_WORDS_PER_MINUTE,
  type ArticleMeta,
} from '../../src/domain/article';
import { countWords } from '../../src/domain/sentences';
import { readArticle } from '../../src/content/read-article';

const ARTICLE_FILE = 'questions/putin-kursk-visit/article.md';
const source = readFileSync(ARTICLE_FILE, 'utf8');
const { article, problems } = readArticle(ARTICLE_FILE, source, 'putin-kursk-visit');
/** The text after the front matter, as a reader of the file sees it. */
const body = source.slice(source.indexOf('\n---', 3) + 4);

const meta: ArticleMeta = {
  id: 'sample',
  title: 'Sample',
  summary: 'A sample.',
  sources: ['Nobody'],
  genre: 'news report',
  note: 'Made up.',
  language: 'en',
};

describe('the shipped article', () => {
  it('parses without problems, with the front matter as its meta', () => {
    expect(problems).toEqual([]);
    expect(article.meta.id).toBe('putin-kursk-visit');
    expect(article.meta.sources).toEqual(
      expect.arrayContaining([expect.stringMatching(/CNN/), expect.stringMatching(/RIA Novosti/)]),
    );
    expect(article.meta.genre).toBe('news report');
  });

  it('has 17 paragraphs with ids p1 to p17 in reading order', () => {
    expect(article.paragraphs.map((paragraph) => paragraph.id)).toEqual(
      Array.from({ length: 17 }, (_, index) => `p${index + 1}`),
    );
    const blocks = body
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter((block) => block !== '' && !block.startsWith('## '));
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual(blocks);
  });

  it('has an untitled opening section, then one section per "## " heading', () => {
    const headings = [...body.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toHaveLength(3);
    expect(article.sections.map((section) => section.heading)).toEqual([null, ...headings]);
    expect(article.sections.map((section) => section.id)).toEqual([
      'intro',
      'border-tensions-still-simmer',
      'ceasefire-talks-remain-unresolved',
      'sanctions-and-drone-attacks-escalate',
    ]);
    // Every paragraph belongs to exactly the section that lists it, in order.
    expect(article.sections.flatMap((section) => section.paragraphIds)).toEqual(
      article.paragraphs.map((paragraph) => paragraph.id),
    );
    for (const section of article.sections) {
      for (const id of section.paragraphIds) {
        expect(article.paragraphs.find((paragraph) => paragraph.id === id)?.sectionId).toBe(
          section.id,
        );
      }
    }
  });

  it('gives each sentence an id and offsets that slice it out of its paragraph', () => {
    for (const paragraph of article.paragraphs) {
      expect(paragraph.sentences.length).toBeGreaterThan(0);
      paragraph.sentences.forEach((sentence, index) => {
        expect(sentence.id).toBe(`${paragraph.id}.s${index + 1}`);
        expect(sentence.paragraphId).toBe(paragraph.id);
        expect(paragraph.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      });
      // Nothing of the paragraph is lost between sentences but the spaces that separate them.
      expect(paragraph.sentences.map((sentence) => sentence.text).join(' ')).toBe(paragraph.text);
    }
  });

  it('splits p8 into two sentences and keeps every other paragraph whole', () => {
    const counts = article.paragraphs.map((paragraph) => paragraph.sentences.length);
    expect(counts.filter((count) => count !== 1)).toEqual([2]);
    expect(findSentence(article, 'p8.s2')?.text).toMatch(/^It was the first time since/);
    expect(listSentences(article)).toHaveLength(18);
  });

  it('counts the words of the paragraphs, not of the headings, and the reading time', () => {
    // p1 by hand: President Vladimir Putin visited Kursk for the first time since Russia claimed
    // to have retaken the region.
    expect(countWords(article.paragraphs[0]?.text ?? '')).toBe(17);
    const paragraphWords = article.paragraphs.reduce(
      (sum, paragraph) => sum + countWords(paragraph.text),
      0,
    );
    expect(article.wordCount).toBe(paragraphWords);
    expect(article.readingMinutes).toBe(Math.ceil(article.wordCount / READING_WORDS_PER_MINUTE));
  });

  it('drops the web-page debris lines', () => {
    expect(source).not.toMatch(/Others are reading now|Also read/);
  });
});

describe('parseArticle', () => {
  it('reports Markdown it does not support, with the line of the block', () => {
    const { problems: found } = parseArticle(
      meta,
      'A paragraph.\n\n- a list item\n\n### Deep heading',
    );
    expect(found).toEqual([
      expect.objectContaining({ line: 3, column: 1, message: expect.stringMatching(/plain text/) }),
      expect.objectContaining({ line: 5, column: 1 }),
    ]);
  });

  it('reports two sections with the same heading and a section with no paragraphs', () => {
    const { problems: found } = parseArticle(
      meta,
      '## Same\n\nText.\n\n## Same\n\nMore.\n\n## Empty',
    );
    expect(found.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/Two sections are headed "Same"/),
      expect.stringMatching(/Section "Empty" has no paragraphs/),
    ]);
  });

  it('reports an article with no text, and still counts at least one minute', () => {
    const parsed = parseArticle(meta, '\n\n');
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/no text/),
    ]);
    expect(parsed.article.readingMinutes).toBe(1);
  });

  it('joins the lines of a paragraph with single spaces', () => {
    const { article: parsed } = parseArticle(meta, 'One line\ncontinued here.');
    expect(parsed.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'One line continued here.',
    ]);
  });
});
