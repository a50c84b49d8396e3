import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, unzipWithin, type ZipError } from '../../src/content/read-zip';
import { understateSizes } from './zip-bomb';

describe('unzipWithin', () => {
  it('gives the files of a zip, without its directories', () => {
    const zip = zipSync({
      'a/': {},
      'a/article.md': strToU8('Hello'),
      'a/b.yaml': strToU8('id: b'),
    });
    const files = unzipWithin(zip, 1000);
    expect([...files.keys()]).toEqual(['a/article.md', 'a/b.yaml']);
    expect(decodeUtf8(files.get('a/article.md') ?? new Uint8Array())).toBe('Hello');
  });

  it('stops a bomb whose headers understate its sizes at the limit of real output', () => {
    const bomb = understateSizes(zipSync({ 'big.xml': new Uint8Array(8 * 1024 * 1024) }));
    expect(() => unzipWithin(bomb, 1024 * 1024)).toThrow(
      expect.objectContaining({ reason: 'too-large' }) as ZipError,
    );
  });

  it.each([
    ['text that is not a zip', strToU8('not a zip at all')],
    [
      'a zip cut short',
      zipSync({ 'a.txt': strToU8('x'.repeat(5000)) }, { level: 0 }).slice(0, 200),
    ],
  ])('refuses %s as unreadable', (_, bytes) => {
    expect(() => unzipWithin(bytes, 1000_000)).toThrow(
      expect.objectContaining({ reason: 'unreadable' }) as ZipError,
    );
  });
});

describe('decodeUtf8', () => {
  it('reads UTF-8 and refuses other bytes', () => {
    expect(decodeUtf8(strToU8('café'))).toBe('café');
    expect(decodeUtf8(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBeUndefined();
  });
});
