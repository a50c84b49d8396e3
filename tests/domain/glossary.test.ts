import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleMeta } from '../../src/domain/article';
import { articleMetaSchema } from '../../src/domain/article-schema';
import {
  checkGlossary,
  GLOSSARY_DEFINITION_MAX_LENGTH,
  markGlossaryTerms,
  type GlossaryEntry,
} from '../../src/domain/glossary';

const meta: ArticleMeta = {
  id: 'sample',
  title: 'Sample',
  summary: 'A sample.',
  sources: ['Nobody'],
  genre: 'news report',
  note: 'Made up.',
  language: 'en',
};

const body = [
  'The Ceasefire held. Talks on a ceasefire go on, and the ceasefire talks stall.',
  '',
  'A ceasefire-like pause is not a ceasefires list. Sanctions hit Moscow’s shadow   fleet.',
].join('\n');

function termsOf(glossary: GlossaryEntry[]) {
  const { article } = parseArticle({ ...meta, glossary }, body);
  return article.paragraphs.flatMap((paragraph) =>
    paragraph.sentences.flatMap((sentence) =>
      (sentence.terms ?? []).map(({ start, end, entry }) => ({
        sentence: sentence.id,
        text: sentence.text.slice(start, end),
        term: glossary[entry]?.term,
      })),
    ),
  );
}

const entry = (term: string): GlossaryEntry => ({ term, definition: `What ${term} means.` });

describe('glossary terms in the article', () => {
  it('marks a term at its first occurrence in each paragraph, in any case, as whole words', () => {
    expect(termsOf([entry('ceasefire')])).toEqual([
      { sentence: 'p1.s1', text: 'Ceasefire', term: 'ceasefire' },
      // "ceasefire-like" is the word "ceasefire" with a hyphen after it.
      { sentence: 'p2.s1', text: 'ceasefire', term: 'ceasefire' },
    ]);
  });

  it.each([
    ['incursion', 'Two incursions failed.', 'incursions'],
    ['ally', 'Its allies met.', 'allies'],
    ['tax', 'New taxes came.', 'taxes'],
    ['shadow fleet', 'Shadow fleets sail.', 'Shadow fleets'],
    ['sanctions', 'Sanctions bite.', 'Sanctions'],
  ])('finds the term "%s" in its regular plural too', (term, text, found) => {
    const { article } = parseArticle({ ...meta, glossary: [entry(term)] }, text);
    const sentence = article.paragraphs[0]?.sentences[0];
    const mark = sentence?.terms?.[0];
    expect(mark && sentence.text.slice(mark.start, mark.end)).toBe(found);
  });

  it('does not take a longer word for a plural', () => {
    const { article } = parseArticle(
      { ...meta, glossary: [entry('fleet')] },
      'Fleetwood and fleetsy.',
    );
    expect(article.paragraphs[0]?.sentences[0]?.terms).toBeUndefined();
  });

  it('matches phrases across any white space and curly or straight apostrophes', () => {
    expect(termsOf([entry('shadow fleet'), entry("Moscow's")])).toEqual([
      { sentence: 'p2.s2', text: 'Moscow’s', term: "Moscow's" },
      { sentence: 'p2.s2', text: 'shadow   fleet', term: 'shadow fleet' },
    ]);
  });

  it('marks the longer of two overlapping terms, and the shorter at its next free occurrence', () => {
    expect(termsOf([entry('ceasefire'), entry('ceasefire talks')])).toEqual([
      { sentence: 'p1.s1', text: 'Ceasefire', term: 'ceasefire' },
      { sentence: 'p1.s2', text: 'ceasefire talks', term: 'ceasefire talks' },
      { sentence: 'p2.s1', text: 'ceasefire', term: 'ceasefire' },
    ]);
  });

  it('leaves sentences without terms, and articles without a glossary, unmarked', () => {
    const { article } = parseArticle(meta, body);
    expect(article.paragraphs.flatMap((p) => p.sentences).some((s) => 'terms' in s)).toBe(false);
    expect(termsOf([entry('sanctions')])).toHaveLength(1);
  });
});

describe('checkGlossary', () => {
  function problemsOf(glossary: GlossaryEntry[]) {
    const { article } = parseArticle(meta, body);
    return checkGlossary(glossary, markGlossaryTerms(article.paragraphs, glossary).counts);
  }

  it('finds nothing wrong with terms that occur once each', () => {
    expect(problemsOf([entry('ceasefire'), entry('sanctions'), entry('shadow fleet')])).toEqual([]);
  });

  it('reports a term the text does not contain as a whole word', () => {
    expect(problemsOf([entry('sanctions'), entry('armistice'), entry('fire')])).toEqual([
      { entry: 1, message: expect.stringMatching(/"armistice" is not in the article's text/) },
      { entry: 2, message: expect.stringMatching(/"fire" is not in the article's text/) },
    ]);
  });

  it('reports a term given twice, in any case or spacing', () => {
    expect(problemsOf([entry('Shadow fleet'), entry('shadow  FLEET')])).toEqual([
      {
        entry: 1,
        message: expect.stringMatching(/"shadow {2}FLEET" is in the glossary twice \(entry 1/),
      },
    ]);
  });

  it('reports a term that only occurs inside a longer term', () => {
    expect(problemsOf([entry('fleet'), entry('shadow fleet')])).toEqual([
      { entry: 0, message: expect.stringMatching(/"fleet" occurs only inside longer/) },
    ]);
  });
});

describe('the glossary in the front matter', () => {
  it('is optional, and limits a definition to GLOSSARY_DEFINITION_MAX_LENGTH characters', () => {
    expect(articleMetaSchema.safeParse(meta).success).toBe(true);
    const long = 'x'.repeat(GLOSSARY_DEFINITION_MAX_LENGTH + 1);
    const result = articleMetaSchema.safeParse({
      ...meta,
      glossary: [{ term: 'ceasefire', definition: long }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['glossary', 0, 'definition']);
    expect(
      articleMetaSchema.safeParse({
        ...meta,
        glossary: [{ term: 'ceasefire', definition: 'x'.repeat(GLOSSARY_DEFINITION_MAX_LENGTH) }],
      }).success,
    ).toBe(true);
  });
});
