import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/content/read-article';
import { readBank } from '../../src/content/read-bank';

/** A "billion laughs": each alias names the one before it nine times over. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level <= 9; level += 1) {
    const previous = `*a${level - 1}`;
    lines.push(`a${level}: &a${level} [${Array(9).fill(previous).join(', ')}]`);
  }
  return lines.join('\n');
}

describe('YAML that expands past the alias limit', () => {
  it('is a problem of the bank file at its first line, not an exception', () => {
    const read = readBank(
      'harbour/bomb.yaml',
      `# yaml-language-server: $schema=../schema.json\n${aliasBomb()}\n`,
      {
        folderId: 'harbour',
        article: undefined,
        articleIds: new Set(['harbour']),
      },
    );
    expect(read.problems).toEqual([
      expect.objectContaining({
        file: 'harbour/bomb.yaml',
        line: 1,
        message: expect.stringMatching(/^YAML: .*alias.*Write the values out/i),
      }),
    ]);
  });

  it("is a problem of the article's front matter, not an exception", () => {
    const read = readArticle(
      'harbour/article.md',
      `---\n${aliasBomb()}\n---\n\nText.\n`,
      'harbour',
    );
    expect(read.problems).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/^YAML: .*alias/i) }),
    ]);
  });
});
