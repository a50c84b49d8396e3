import { describe, expect, it } from 'vitest';
import {
  importedBankTitle,
  writeImportedBankFile,
} from '../../../src/content/interop/imported-bank-file';
import { resolve } from 'node:path';
import { loadContent } from '../../../src/content/load-content';
import { readBank } from '../../../src/content/read-bank';
import type { ImportedBank, ImportedQuestion } from '../../../src/domain/interop/interop-format';

function question(id: string, prompt: string): ImportedQuestion {
  return {
    id,
    type: 'single',
    prompt,
    skill: 'literal',
    difficulty: 1,
    points: 1,
    explanation: 'Because the file says so.',
    evidence: [],
    options: [
      { id: 'a', text: 'Yes', correct: true, fixed: false },
      { id: 'b', text: 'No', correct: false, fixed: false, feedback: 'Not so.' },
    ],
  };
}

const IMPORTED: ImportedBank = {
  title: 'Week 3: the visit',
  questions: [question('q-1', 'First?'), question('q-1', 'Second?'), question('q3', 'Third?')],
  report: [
    { kind: 'lossy', questionId: 'q-1', message: 'Its HTML was reduced to plain text.' },
    { kind: 'unsupported', name: 'Essay', line: 12, message: 'An essay is not scored.' },
  ],
};

describe('writeImportedBankFile', () => {
  it('writes a draft that check:content reads, asking only for evidence', async () => {
    const content = await loadContent(resolve(import.meta.dirname, '../../../questions'));
    const [article] = content.articles.values();
    if (!article) throw new Error('No shipped article');
    const { text, report } = writeImportedBankFile(IMPORTED, {
      bankId: 'week-3-the-visit-x1y2z3',
      title: 'Week 3: the visit',
      articleId: article.meta.id,
      fileName: 'week3.gift',
      formatLabel: 'GIFT',
    });
    const read = readBank(`${article.meta.id}/week-3-the-visit-x1y2z3.yaml`, text, {
      folderId: article.meta.id,
      article,
      articleIds: new Set(content.articles.keys()),
    });
    // Unique ids with the bank's suffix, in the file's order, a repeat numbered.
    expect(read.ids.questionIds).toEqual(['q-1-x1y2z3', 'q-1-x1y2z3-2', 'q3-x1y2z3']);
    expect(read.problems.length).toBe(3);
    for (const problem of read.problems) expect(problem.message).toMatch(/evidence/i);
    expect(text).toContain('description: Imported from week3.gift (GIFT).');
    // A note follows its question to its new id.
    expect(report).toEqual([
      { ...IMPORTED.report[0], questionId: 'q-1-x1y2z3-2' },
      IMPORTED.report[1],
    ]);
  });
});

describe('importedBankTitle', () => {
  it("takes the file's title, else the file's name without its extension", () => {
    expect(importedBankTitle(IMPORTED, 'x.gift')).toBe('Week 3: the visit');
    expect(importedBankTitle({ ...IMPORTED, title: '  ' }, 'folder/Unit 4.xml')).toBe('Unit 4');
    expect(importedBankTitle({ ...IMPORTED, title: undefined }, '.gift')).toBe('Imported quiz');
  });
});
