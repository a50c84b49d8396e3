import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveEvidence } from '../../src/domain/evidence';
import { readArticle } from '../../src/content/read-article';

const ARTICLE_FILE = 'questions/putin-kursk-visit/article.md';
const { article } = readArticle(
  ARTICLE_FILE,
  readFileSync(ARTICLE_FILE, 'utf8'),
  'putin-kursk-visit',
);

function paragraphText(id: string): string {
  return article.paragraphs.find((paragraph) => paragraph.id === id)?.text ?? '';
}

describe('resolveEvidence', () => {
  it('finds a quote, with its paragraph, offsets and sentence', () => {
    const resolution = resolveEvidence(article, 'toured the Kursk nuclear power plant');
    expect(resolution).toEqual({
      ok: true,
      evidence: expect.objectContaining({
        quote: 'toured the Kursk nuclear power plant',
        paragraphId: 'p3',
        sentenceIds: ['p3.s1'],
      }),
    });
    if (!resolution.ok) return;
    const { start, end, quote } = resolution.evidence;
    expect(paragraphText('p3').slice(start, end)).toBe(quote);
  });

  it('matches a straight apostrophe to the article’s curly one, and returns the article’s text', () => {
    const resolution = resolveEvidence(article, "Despite Moscow's claims");
    expect(resolution.ok && resolution.evidence).toMatchObject({
      paragraphId: 'p5',
      quote: 'Despite Moscow’s claims',
    });
  });

  it('matches straight double quotes to curly ones, and ignores extra white space', () => {
    const resolution = resolveEvidence(article, 'open to discussing  "a possible\nceasefire');
    expect(resolution.ok && resolution.evidence.paragraphId).toBe('p13');
  });

  it('reports a quote that is not in the article', () => {
    const resolution = resolveEvidence(article, 'Putin visited Moscow');
    expect(resolution).toMatchObject({ ok: false, reason: 'not-found' });
    expect(!resolution.ok && resolution.message).toMatch(
      /"Putin visited Moscow" is not in the article/,
    );
  });

  it('reports a quote found more than once and asks for "after"', () => {
    const resolution = resolveEvidence(article, 'Ukrainian forces');
    expect(resolution).toMatchObject({
      ok: false,
      reason: 'ambiguous',
      paragraphIds: ['p5', 'p8', 'p10'],
    });
    expect(!resolution.ok && resolution.message).toMatch(/appears 3 times.*add "after"/);
  });

  it('uses "after" to pick the occurrence that follows it', () => {
    const resolution = resolveEvidence(article, {
      quote: 'Ukrainian forces',
      after: 'Last August,',
    });
    expect(resolution.ok && resolution.evidence).toMatchObject({
      paragraphId: 'p8',
      sentenceIds: ['p8.s1'],
    });
  });

  it('reports "after" text that is not in the article', () => {
    const resolution = resolveEvidence(article, { quote: 'Ukrainian forces', after: 'Next May,' });
    expect(resolution).toMatchObject({ ok: false, reason: 'context-not-found' });
  });

  it('names both sentences when a quote spans the two sentences of p8', () => {
    const resolution = resolveEvidence(article, 'stunned Russian command. It was the first time');
    expect(resolution.ok && resolution.evidence.sentenceIds).toEqual(['p8.s1', 'p8.s2']);
  });

  it('does not find a quote that runs across two paragraphs', () => {
    const resolution = resolveEvidence(
      article,
      'which remains under construction. Video shared by Kremlin-affiliated outlets',
    );
    expect(resolution).toMatchObject({ ok: false, reason: 'not-found' });
  });
});
