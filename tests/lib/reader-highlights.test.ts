import { describe, expect, it, vi } from 'vitest';
import { fingerprintArticle, HIGHLIGHT_LIMITS, type Highlight } from '../../src/domain/highlights';
import { readerHighlightsKey } from '../../src/lib/reader-highlights-key';
import {
  loadReaderHighlights,
  saveReaderHighlights,
  takeReaderHighlights,
} from '../../src/lib/reader-highlights';
import { sampleArticle } from '../features/fixtures/sample-quiz';

const whole: Highlight = {
  key: 'p1.s2',
  sentenceId: 'p1.s2',
  span: null,
  colour: 'green',
  note: 'Seven <b>for</b>',
};
const part: Highlight = {
  key: 'p2.s1_0-7',
  sentenceId: 'p2.s1',
  span: { start: 0, end: 7 },
  colour: 'pink',
  note: null,
};
const key = readerHighlightsKey(sampleArticle.meta.id);

describe('highlights kept in the reader', () => {
  it('are kept per article and read back in reading order', () => {
    saveReaderHighlights(sampleArticle, [part, whole]);
    expect(loadReaderHighlights(sampleArticle)).toEqual([whole, part]);
    saveReaderHighlights(sampleArticle, []);
    expect(localStorage.getItem(key)).toBeNull();
    expect(loadReaderHighlights(sampleArticle)).toEqual([]);
  });

  it('are saved and forgotten without an error where the browser refuses storage', () => {
    const refuse = () => {
      throw new DOMException('Storage is off', 'SecurityError');
    };
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(refuse);
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(refuse);
    expect(() => saveReaderHighlights(sampleArticle, [whole])).not.toThrow();
    expect(() => saveReaderHighlights(sampleArticle, [])).not.toThrow();
  });

  it('are not used on another version of the article, nor when they no longer check', () => {
    saveReaderHighlights(sampleArticle, [whole]);
    const edited = structuredClone(sampleArticle);
    const sentence = edited.paragraphs[0]?.sentences[1];
    if (!sentence) throw new Error('The sample article has no second sentence');
    sentence.text = 'The vote was eight to one.';
    expect(loadReaderHighlights(edited)).toEqual([]);

    localStorage.setItem(
      key,
      JSON.stringify({
        version: fingerprintArticle(sampleArticle),
        highlights: [
          { key: 'p9.s9', colour: 'green', note: null },
          { key: 'p1.s1_0-999', colour: 'green', note: null },
          { key: 'p1.s1', colour: 'red', note: null },
          { key: 'p1.s2', colour: 'blue', note: 'x'.repeat(HIGHLIGHT_LIMITS.noteLength + 1) },
          { key: 'p2.s2', colour: 'blue', note: 'Kept' },
        ],
        copiedTo: [],
      }),
    );
    expect(loadReaderHighlights(sampleArticle)).toEqual([
      { key: 'p2.s2', sentenceId: 'p2.s2', span: null, colour: 'blue', note: 'Kept' },
    ]);
    localStorage.setItem(key, '{not json');
    expect(loadReaderHighlights(sampleArticle)).toEqual([]);
  });

  it('are copied into an attempt once, leaving out those that overlap what it has', () => {
    saveReaderHighlights(sampleArticle, [whole, part]);
    const existing: Highlight = { ...part, key: 'p2.s1_4-12', span: { start: 4, end: 12 } };
    expect(takeReaderHighlights(sampleArticle, 'attempt-1', [existing])).toEqual([whole]);
    expect(takeReaderHighlights(sampleArticle, 'attempt-1', [])).toEqual([]);
    expect(takeReaderHighlights(sampleArticle, 'attempt-2', [])).toEqual([whole, part]);
    // Still kept for the reader.
    expect(loadReaderHighlights(sampleArticle)).toEqual([whole, part]);
  });

  it('never take an attempt past its limit', () => {
    saveReaderHighlights(sampleArticle, [whole, part]);
    const full = Array.from({ length: HIGHLIGHT_LIMITS.perAttempt - 1 }, (_, index) => ({
      ...whole,
      key: `p3.s1_${index}-${index + 1}`,
      sentenceId: 'p3.s1',
      span: { start: index, end: index + 1 },
    }));
    expect(takeReaderHighlights(sampleArticle, 'attempt-3', full)).toEqual([whole]);
  });
});
