import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/content/read-article';
import { findSentence } from '../../src/domain/article';
import {
  checkHighlight,
  fingerprintArticle,
  HIGHLIGHT_LIMITS,
  highlightKeyOf,
  parseHighlightKey,
  placeOfSelection,
  placesOverlap,
  sortHighlights,
} from '../../src/domain/highlights';

const ARTICLE_FILE = 'questions/putin-kursk-visit/article.md';
const { article } = readArticle(
  ARTICLE_FILE,
  readFileSync(ARTICLE_FILE, 'utf8'),
  'putin-kursk-visit',
);
const firstSentence = findSentence(article, 'p1.s1');

describe('highlight keys', () => {
  it('name a whole sentence or a span within it, and read back the same place', () => {
    expect(highlightKeyOf({ sentenceId: 'p7.s2', span: null })).toBe('p7.s2');
    expect(highlightKeyOf({ sentenceId: 'p7.s2', span: { start: 10, end: 25 } })).toBe(
      'p7.s2_10-25',
    );
    fc.assert(
      fc.property(
        fc.nat(9999),
        fc.nat(9999),
        fc.option(fc.tuple(fc.nat(999_999), fc.nat(999_999)), { nil: null }),
        (paragraph, sentence, span) => {
          const place = {
            sentenceId: `p${paragraph}.s${sentence}`,
            span: span && { start: span[0], end: span[1] },
          };
          expect(parseHighlightKey(highlightKeyOf(place))).toEqual(place);
        },
      ),
    );
  });

  it('are refused when they are anything else', () => {
    for (const key of [
      '',
      'p1',
      'p1.s1_',
      'p1.s1_3',
      'p1.s1_-3-4',
      '../p1.s1',
      'p1.s1 ',
      'P1.S1',
    ]) {
      expect(parseHighlightKey(key), key).toBeUndefined();
    }
  });
});

describe('checkHighlight', () => {
  it('accepts a sentence of the article, or a part of it, in a named colour with a note', () => {
    expect(checkHighlight('p1.s1', { colour: 'yellow' }, article)).toEqual({
      ok: true,
      highlight: { key: 'p1.s1', sentenceId: 'p1.s1', span: null, colour: 'yellow', note: null },
    });
    expect(checkHighlight('p1.s1_0-4', { colour: 'pink', note: 'Why?' }, article)).toMatchObject({
      ok: true,
      highlight: { span: { start: 0, end: 4 }, note: 'Why?' },
    });
  });

  it('keeps a note of exactly the limit and refuses one character more', () => {
    const limit = 'é'.repeat(HIGHLIGHT_LIMITS.noteLength);
    expect(checkHighlight('p1.s1', { colour: 'blue', note: limit }, article).ok).toBe(true);
    expect(checkHighlight('p1.s1', { colour: 'blue', note: `${limit}x` }, article)).toMatchObject({
      ok: false,
      field: 'note',
      message: expect.stringContaining('500 characters or fewer'),
    });
  });

  it('treats a blank note as none and keeps markup as the text it is', () => {
    expect(checkHighlight('p1.s1', { colour: 'green', note: '   ' }, article)).toMatchObject({
      highlight: { note: null },
    });
    expect(
      checkHighlight('p1.s1', { colour: 'green', note: '<img src=x onerror=alert(1)>' }, article),
    ).toMatchObject({ highlight: { note: '<img src=x onerror=alert(1)>' } });
  });

  it('refuses places outside the article, empty or overlong spans, and unknown colours', () => {
    const length = firstSentence?.text.length ?? 0;
    expect(length).toBeGreaterThan(0);
    const refusals: [string, unknown, string][] = [
      ['p99.s1', 'yellow', 'key'],
      ['p1.s99', 'yellow', 'key'],
      ['p1.s1_4-4', 'yellow', 'key'],
      ['p1.s1_5-2', 'yellow', 'key'],
      [`p1.s1_0-${length + 1}`, 'yellow', 'key'],
      ['nonsense', 'yellow', 'key'],
      ['p1.s1', 'red', 'colour'],
      ['p1.s1', undefined, 'colour'],
      ['p1.s1', '#ff0', 'colour'],
    ];
    for (const [key, colour, field] of refusals) {
      expect(checkHighlight(key, { colour }, article), `${key} ${String(colour)}`).toMatchObject({
        ok: false,
        field,
      });
    }
    expect(checkHighlight(`p1.s1_0-${length}`, { colour: 'yellow' }, article).ok).toBe(true);
    expect(checkHighlight('p1.s1', { colour: 'yellow', note: 42 }, article)).toMatchObject({
      ok: false,
      field: 'note',
    });
  });
});

describe('sortHighlights', () => {
  it('puts highlights in reading order: paragraph, sentence, then span', () => {
    const places = ['p10.s1', 'p2.s3_5-9', 'p2.s3', 'p2.s10', 'p2.s3_1-2'].map((key) => ({
      key,
      ...(parseHighlightKey(key) ?? { sentenceId: '', span: null }),
    }));
    expect(sortHighlights(places).map((place) => place.key)).toEqual([
      'p2.s3',
      'p2.s3_1-2',
      'p2.s3_5-9',
      'p2.s10',
      'p10.s1',
    ]);
  });
});

describe('placeOfSelection', () => {
  const text = 'The vote was seven to two, said the mayor.';
  const place = (start: number, end: number) =>
    placeOfSelection(text, { sentenceId: 'p1.s2', start, end });
  const words = (start: number, end: number) => {
    const span = place(start, end)?.span;
    return span && text.slice(span.start, span.end);
  };

  it('widens a selection to whole words and trims the spaces around it', () => {
    expect(words(text.indexOf('seven'), text.indexOf('two') + 3)).toBe('seven to two');
    expect(words(text.indexOf('even'), text.indexOf('two') + 1)).toBe('seven to two');
    expect(words(text.indexOf('was') + 3, text.indexOf('to') + 3)).toBe('seven to');
    expect(place(14, 16)).toEqual({ sentenceId: 'p1.s2', span: { start: 13, end: 18 } });
  });

  it('reads a selection made backwards the same as forwards', () => {
    expect(place(18, 13)).toEqual(place(13, 18));
  });

  it('clamps a selection that runs on past the sentence to its end', () => {
    expect(words(text.indexOf('said'), Number.POSITIVE_INFINITY)).toBe('said the mayor.');
    expect(words(-5, 3)).toBe('The');
  });

  it('is the whole sentence when every word is selected, and nothing for spaces or punctuation', () => {
    expect(place(0, text.length)).toEqual({ sentenceId: 'p1.s2', span: null });
    expect(place(0, Number.POSITIVE_INFINITY)).toEqual({ sentenceId: 'p1.s2', span: null });
    expect(place(3, 4)).toBeUndefined();
    expect(place(25, 26)).toBeUndefined();
    expect(place(5, 5)).toBeUndefined();
  });

  it('always gives a span that fits in the sentence and that checkHighlight accepts', () => {
    const sentence = firstSentence;
    if (!sentence) throw new Error('The article has no first sentence');
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 400 }), fc.integer({ min: -5, max: 400 }), (a, b) => {
        const chosen = placeOfSelection(sentence.text, {
          sentenceId: sentence.id,
          start: a,
          end: b,
        });
        if (!chosen) return;
        if (chosen.span) {
          expect(chosen.span.start).toBeGreaterThanOrEqual(0);
          expect(chosen.span.end).toBeLessThanOrEqual(sentence.text.length);
          expect(chosen.span.start).toBeLessThan(chosen.span.end);
        }
        expect(checkHighlight(highlightKeyOf(chosen), { colour: 'blue' }, article).ok).toBe(true);
      }),
    );
  });
});

describe('placesOverlap', () => {
  const at = (key: string) => parseHighlightKey(key) ?? { sentenceId: '', span: null };

  it('says whether two places share text: a whole sentence shares all of it', () => {
    expect(placesOverlap(at('p1.s1'), at('p1.s1_3-9'))).toBe(true);
    expect(placesOverlap(at('p1.s1_0-4'), at('p1.s1_3-9'))).toBe(true);
    expect(placesOverlap(at('p1.s1_0-3'), at('p1.s1_3-9'))).toBe(false);
    expect(placesOverlap(at('p1.s1'), at('p1.s2'))).toBe(false);
    expect(placesOverlap(at('p1.s1_0-9'), at('p2.s1_0-9'))).toBe(false);
  });
});

describe('fingerprintArticle', () => {
  it('is the same for the same sentences and changes when a sentence does', () => {
    expect(fingerprintArticle(article)).toBe(fingerprintArticle(structuredClone(article)));
    const edited = structuredClone(article);
    const sentence = edited.paragraphs[0]?.sentences[0];
    if (!sentence) throw new Error('The article has no first sentence');
    sentence.text = `${sentence.text} `;
    expect(fingerprintArticle(edited)).not.toBe(fingerprintArticle(article));
    expect(fingerprintArticle(article)).toMatch(/^[0-9a-z]{1,7}$/);
  });
});
