import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatProblems, loadContent, type LoadedContent } from '../../src/content/load-content';
import { QUESTION_TYPES } from '../../src/domain/question-kinds';
import { listEvidenceSentenceIds } from '../../src/domain/resolved-bank';

const FIXTURES = 'tests/content/fixtures';
const VALID = path.join(FIXTURES, 'valid');
const BROKEN = path.join(FIXTURES, 'broken');

describe('the shipped content', () => {
  let content: LoadedContent;
  beforeAll(async () => {
    content = await loadContent('questions');
  });

  it('loads without problems', () => {
    expect(formatProblems(content.problems)).toBe('');
    expect([...content.articles.keys()]).toEqual(['putin-kursk-visit']);
  });

  it('has at least five banks and 50 questions, every type at least three times', () => {
    const questions = [...content.banks.values()].flatMap(({ bank }) => bank.questions);
    expect(content.banks.size).toBeGreaterThanOrEqual(5);
    expect(questions.length).toBeGreaterThanOrEqual(50);
    for (const type of QUESTION_TYPES) {
      expect(
        questions.filter((question) => question.type === type).length,
        `questions of type ${type}`,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses every paragraph of the article as evidence of some question', () => {
    const article = content.articles.get('putin-kursk-visit');
    const cited = new Set(
      [...content.banks.values()].flatMap(({ bank }) =>
        bank.questions.flatMap((question) => question.evidence.map((quote) => quote.paragraphId)),
      ),
    );
    const uncited = article?.paragraphs.filter((paragraph) => !cited.has(paragraph.id));
    expect(uncited?.map((paragraph) => paragraph.id)).toEqual([]);
  });
});

describe('the shipped glossary', () => {
  it('defines the terms issue 17 names, each marked in the article', async () => {
    const article = (await loadContent('questions')).articles.get('putin-kursk-visit');
    const glossary = article?.meta.glossary ?? [];
    const terms = glossary.map((entry) => entry.term);
    expect(terms).toEqual(
      expect.arrayContaining([
        'incursion',
        'demining',
        'sanctions',
        'shadow fleet',
        'ceasefire',
        'leverage',
      ]),
    );
    const marked = new Set(
      article?.paragraphs.flatMap((paragraph) =>
        paragraph.sentences.flatMap((sentence) => (sentence.terms ?? []).map((mark) => mark.entry)),
      ),
    );
    expect(glossary.filter((_, index) => !marked.has(index))).toEqual([]);
  });
});

describe('loadContent on a valid folder', () => {
  let content: LoadedContent;
  beforeAll(async () => {
    content = await loadContent(VALID);
  });

  it('returns the article and the bank with every quote resolved to sentences', () => {
    expect(content.problems).toEqual([]);
    expect(content.articles.get('sample-article')?.paragraphs).toHaveLength(4);
    const loaded = content.banks.get('sample-bank');
    expect(loaded?.file).toBe(path.join(VALID, 'sample-article', 'sample-bank.yaml'));
    expect(loaded?.article).toBe(content.articles.get('sample-article'));
    const questions = loaded?.bank.questions ?? [];
    expect(questions.map((question) => question.type)).toEqual([...QUESTION_TYPES]);
    const byId = new Map(questions.map((question) => [question.id, question]));
    // "the bridge was closed for 30 days" is told apart from p4's "the bridge was closed" by `after`.
    expect(listEvidenceSentenceIds(byId.get('sample-numeric') ?? { evidence: [] })).toEqual([
      'p3.s2',
    ]);
    expect(listEvidenceSentenceIds(byId.get('sample-two-part') ?? { evidence: [] })).toEqual([
      'p2.s2',
    ]);
  });

  it('fills in defaults from the schema', () => {
    const question = content.banks.get('sample-bank')?.bank.questions[0];
    expect(question).toMatchObject({ points: 1, type: 'single' });
  });

  it('versions a bank by the bytes of the bank and its article', async () => {
    const bankBytes = await readFile(path.join(VALID, 'sample-article', 'sample-bank.yaml'));
    const articleBytes = await readFile(path.join(VALID, 'sample-article', 'article.md'));
    const expected = createHash('sha256').update(bankBytes).update(articleBytes).digest('hex');
    expect(content.banks.get('sample-bank')?.contentVersion).toBe(expected);
  });
});

/** One fixture file per kind of problem; lines and columns are those of the offending node. */
const brokenCases: {
  kind: string;
  folder?: string;
  name: string;
  expected: { line: number; column: number; questionId?: string; message: RegExp }[];
}[] = [
  {
    kind: 'bad front matter: a missing field, at the front matter mapping',
    folder: 'bad-front-matter',
    name: 'article.md',
    expected: [
      { line: 2, column: 1, message: /^Missing "language" \(the language of the text/ },
      { line: 5, column: 10, message: /^"sources" should be a list .*not the text "The town/ },
    ],
  },
  {
    kind: 'YAML that does not parse (a key given twice)',
    name: 'malformed-yaml.yaml',
    expected: [{ line: 10, column: 5, message: /^YAML: Map keys must be unique\. .*keep one/ }],
  },
  {
    kind: 'a missing field, at the question that lacks it',
    name: 'missing-field.yaml',
    expected: [
      {
        line: 7,
        column: 5,
        questionId: 'missing-explanation',
        message: /^Missing "explanation" \(why the right answer is right.*\)\. Add it here\.$/,
      },
    ],
  },
  {
    kind: 'a value of the wrong type',
    name: 'wrong-type.yaml',
    expected: [
      {
        line: 11,
        column: 13,
        questionId: 'points-as-word',
        message: /^"points" should be a number, not the text "two"\.$/,
      },
    ],
  },
  {
    kind: 'an unknown key, with the likely spelling',
    name: 'unknown-key.yaml',
    expected: [
      {
        line: 14,
        column: 5,
        questionId: 'misspelt-explanation',
        message:
          /^Unknown field "explanaton"\. Did you mean "explanation"\? Fields allowed here: .*prompt/,
      },
    ],
  },
  {
    kind: 'a question id already used in another bank',
    name: 'duplicate-id.yaml',
    expected: [
      {
        line: 7,
        column: 9,
        questionId: 'quote-twice',
        message:
          /^Question 1 of this bank reuses the id "quote-twice" of question 1 of .*ambiguous-quote\.yaml\. .*rename this one\.$/,
      },
    ],
  },
  {
    kind: 'a single-choice question with no correct option',
    name: 'no-correct-option.yaml',
    expected: [{ line: 13, column: 7, questionId: 'no-correct', message: /no correct option/ }],
  },
  {
    kind: 'an evidence quote not in the article',
    name: 'quote-not-found.yaml',
    expected: [
      {
        line: 15,
        column: 9,
        questionId: 'paraphrased-quote',
        message: /"The vote was seven to two\." is not in the article/,
      },
    ],
  },
  {
    kind: 'an evidence quote found twice, asking for "after"',
    name: 'ambiguous-quote.yaml',
    expected: [
      // duplicate-id.yaml, read later, reuses this question's id: the clash is reported there only.
      {
        line: 15,
        column: 9,
        questionId: 'quote-twice',
        message: /appears 2 times \(in p3, p4\)\. .*add "after"/,
      },
    ],
  },
  {
    kind: 'an evidence question whose only quote is not in the article',
    name: 'evidence-names-no-sentence.yaml',
    expected: [
      // Only the quote's own problem: "names no sentence" would repeat it.
      { line: 15, column: 9, questionId: 'no-key', message: /is not in the article/ },
    ],
  },
  {
    kind: 'order and match questions with fewer than three items',
    name: 'too-few-items.yaml',
    expected: [
      {
        line: 11,
        column: 7,
        questionId: 'two-items',
        message: /^"items" needs at least 3 items; it has 2\. Add 1 more\.$/,
      },
      { line: 25, column: 7, questionId: 'two-pairs', message: /^"left" needs at least 3/ },
    ],
  },
  {
    kind: 'cloze questions whose gaps or text do not fit, at the value at fault',
    name: 'cloze-problems.yaml',
    expected: [
      {
        line: 16,
        column: 17,
        questionId: 'cloze-gaps',
        message: /^Gap "town" is typed \(it has "answers"\), so "answer" means nothing here/,
      },
      {
        line: 18,
        column: 35,
        questionId: 'cloze-gaps',
        message: /^Choice "monday" of gap "day" is the same as "Monday" once case, spacing/,
      },
      {
        line: 20,
        column: 13,
        questionId: 'cloze-gaps',
        message: /^Gap "vote" is not in the text\. Write \{\{vote\}\} in the text/,
      },
      {
        line: 31,
        column: 11,
        questionId: 'cloze-paraphrased',
        message:
          /^With each gap filled by its right answer the text reads "The river flooded in the month of March\.", which is not word for word in the sentence its evidence quotes\./,
      },
    ],
  },
  {
    kind: 'a bank naming an article that does not exist',
    name: 'unknown-article.yaml',
    expected: [
      {
        line: 3,
        column: 10,
        message:
          /^Unknown article "no-such-article": there is no .*write article: sample-article\.$/,
      },
    ],
  },
  {
    kind: 'a bank naming another article than its folder’s',
    name: 'misplaced-bank.yaml',
    expected: [{ line: 3, column: 10, message: /names article "bad-front-matter"\. Move it/ }],
  },
];

describe('loadContent on broken content', () => {
  let content: LoadedContent;
  beforeAll(async () => {
    content = await loadContent(BROKEN);
  });

  function problemsIn(folder: string, name: string) {
    const file = path.join(BROKEN, folder, name);
    return content.problems.filter((problem) => problem.file === file);
  }

  it.each(brokenCases)(
    'reports $kind at its place',
    ({ folder = 'sample-article', name, expected }) => {
      const found = problemsIn(folder, name);
      expect(found).toEqual(
        expected.map((problem) => ({
          file: path.join(BROKEN, folder, name),
          line: problem.line,
          column: problem.column,
          ...(problem.questionId === undefined ? {} : { questionId: problem.questionId }),
          message: expect.stringMatching(problem.message),
        })),
      );
    },
  );

  it('reports every problem in one run, and uses nothing that has a problem', () => {
    const files = new Set(content.problems.map((problem) => problem.file));
    expect(files).toEqual(
      new Set(
        brokenCases.map(({ folder = 'sample-article', name }) => path.join(BROKEN, folder, name)),
      ),
    );
    expect([...content.articles.keys()]).toEqual(['sample-article']);
    expect(content.banks.size).toBe(0);
  });
});

describe('loadContent on content written at test time', () => {
  let dir: string;
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function copyValidWith(name: string, text: string): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), 'readproof-content-'));
    await cp(VALID, dir, { recursive: true });
    const file = path.join(dir, 'sample-article', name);
    await writeFile(file, text);
    return file;
  }

  it('reports a YAML syntax error at its line and column, and reads the other banks', async () => {
    // Kept out of the fixtures because Prettier cannot format a file that does not parse.
    const file = await copyValidWith(
      'syntax-error.yaml',
      [
        '# yaml-language-server: $schema=../schema.json',
        'id: syntax-error',
        'title: The vote: was it close?',
      ].join('\n'),
    );
    const content = await loadContent(dir);
    expect(content.problems).toEqual([
      {
        file,
        line: 3,
        column: 8,
        message: expect.stringMatching(/^YAML: .*put text that holds ": " .* in quotes\.$/),
      },
    ]);
    expect([...content.banks.keys()]).toEqual(['sample-bank']);
  });

  it('asks for the schema comment when a bank has none', async () => {
    const original = await readFile(path.join(VALID, 'sample-article', 'sample-bank.yaml'), 'utf8');
    const file = await copyValidWith('sample-bank.yaml', original.split('\n').slice(1).join('\n'));
    const content = await loadContent(dir);
    expect(content.problems).toEqual([
      {
        file,
        line: 1,
        column: 1,
        message: expect.stringMatching(
          /^Add "# yaml-language-server: \$schema=\.\.\/schema\.json" as the first line/,
        ),
      },
    ]);
  });

  it('reports a predictable key position at the file and line of the first question keyed there', async () => {
    const original = await readFile(path.join(VALID, 'sample-article', 'sample-bank.yaml'), 'utf8');
    const monday = ['      - id: monday', '        text: On Monday', '        correct: true'];
    const march = [
      '      - id: march',
      '        text: In March',
      '        feedback: March is when the river flooded.',
    ];
    const text = original.replace(
      [...march, ...monday].join('\n'),
      [...monday, ...march].join('\n'),
    );
    expect(text).not.toBe(original);
    const file = await copyValidWith('sample-bank.yaml', text);
    const content = await loadContent(dir);
    // With the single's right option moved to A, three of the three one-answer keys are at A.
    expect(content.problems).toEqual([
      {
        file,
        line: 13,
        column: 9,
        message: expect.stringMatching(
          /^The right answer is choice A in 3 of this bank's 3 one-answer choices \(sample-single, sample-two-part, sample-cloze\)/,
        ),
      },
    ]);
    expect(content.banks.size).toBe(0);
  });

  it('loads a glossary from the front matter and marks its terms in the sentences', async () => {
    const original = await readFile(path.join(VALID, 'sample-article', 'article.md'), 'utf8');
    await copyValidWith(
      'article.md',
      original.replace(
        'language: en\n',
        [
          'language: en',
          'glossary:',
          '  - term: flooded',
          '    definition: Covered by water that has come over the banks of a river.',
          '',
        ].join('\n'),
      ),
    );
    const content = await loadContent(dir);
    expect(content.problems).toEqual([]);
    const article = content.articles.get('sample-article');
    expect(article?.meta.glossary).toEqual([
      { term: 'flooded', definition: 'Covered by water that has come over the banks of a river.' },
    ]);
    const marked = article?.paragraphs
      .flatMap((paragraph) => paragraph.sentences)
      .filter((sentence) => sentence.terms);
    expect(
      marked?.map(({ id, text, terms }) => [id, text.slice(terms?.[0]?.start, terms?.[0]?.end)]),
    ).toEqual([['p3.s1', 'flooded']]);
  });

  it('reports glossary terms not in the text, given twice, or with a long definition, with file and line', async () => {
    const original = await readFile(path.join(VALID, 'sample-article', 'article.md'), 'utf8');
    const file = await copyValidWith(
      'article.md',
      original.replace(
        'language: en\n',
        [
          'language: en',
          'glossary:',
          '  - term: flooded',
          '    definition: Covered by water.',
          '  - term: armistice',
          '    definition: An agreement to stop fighting.',
          '  - term: Flooded',
          '    definition: Under water.',
          '  - term: council',
          `    definition: ${'A group of people chosen to run a town. '.repeat(8)}`,
          '',
        ].join('\n'),
      ),
    );
    const content = await loadContent(dir);
    expect(content.problems).toEqual([
      {
        file,
        line: 13,
        column: 11,
        message: expect.stringMatching(
          /^The term "armistice" is not in the article's text as a whole word or phrase/,
        ),
      },
      {
        file,
        line: 15,
        column: 11,
        message: expect.stringMatching(/^The term "Flooded" is in the glossary twice \(entry 1/),
      },
      {
        file,
        line: 18,
        column: 17,
        message: expect.stringMatching(/^"definition": Keep a definition to 300 characters/),
      },
    ]);
    expect(content.articles.size).toBe(0);
  });

  it('reports a folder that does not exist', async () => {
    dir = path.join(tmpdir(), 'readproof-no-such-folder');
    const content = await loadContent(dir);
    expect(content.problems).toEqual([
      { file: dir, line: 1, column: 1, message: expect.stringMatching(/No such folder/) },
    ]);
  });
});

describe('formatProblems', () => {
  it('writes one line per problem, with the question id when there is one', () => {
    expect(
      formatProblems([
        { file: 'a.yaml', line: 3, column: 7, questionId: 'q-1', message: 'Fix this.' },
        { file: 'b.md', line: 1, column: 1, message: 'And this.' },
      ]),
    ).toBe('a.yaml:3:7 [q-1] Fix this.\nb.md:1:1 And this.');
  });
});
