import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedBank } from '../../../../src/domain/interop/interop-format';
import { listSentences } from '../../../../src/domain/article';
import { importMoodleXml } from '../../../../src/domain/interop/moodle-xml/index';
import { article } from '../../fixtures/engine-questions';

/**
 * The samples of Moodle's documentation of the format (docs.moodle.org/500/en/Moodle_XML_format),
 * re-typed one file per question type in fixtures/moodle-docs/, and Moodle's own ordering sample.
 */

function readFixture(file: string): { text: string; imported: ImportedBank } {
  const text = readFileSync(join(import.meta.dirname, 'fixtures', 'moodle-docs', file), 'utf8');
  return { text, imported: importMoodleXml(text, { article, fileName: file }) };
}

/** The line the file's `n`th question (from 1) starts on, found in the file rather than written down. */
function lineOfQuestion(text: string, n = 1): number {
  const starts = text
    .split('\n')
    .flatMap((line, index) => (line.includes('<question ') ? [index + 1] : []));
  return starts[n - 1] ?? -1;
}

/** What the documentation's common parts give every imported question. */
const DOCS_QUESTION = {
  id: 'name-of-question',
  prompt: 'What is the answer to this question?',
  points: 1,
  skill: 'literal',
  difficulty: 2,
  explanation: '',
  evidence: [],
};

describe('importing the samples of Moodle’s documentation', () => {
  it('reads the multiple choice sample as a single choice with its feedback, shuffled as Moodle would', () => {
    const { imported } = readFixture('multichoice.xml');
    expect(imported.questions).toEqual([
      {
        ...DOCS_QUESTION,
        type: 'single',
        options: [
          {
            id: 'the-correct-answer',
            text: 'The correct answer',
            correct: true,
            feedback: 'Correct!',
            fixed: false,
          },
          {
            id: 'a-distractor',
            text: 'A distractor',
            correct: false,
            feedback: 'Ooops!',
            fixed: false,
          },
          {
            id: 'another-distractor',
            text: 'Another distractor',
            correct: false,
            feedback: 'Ooops!',
            fixed: false,
          },
        ],
      },
    ]);
    expect(imported.report).toEqual([]);
  });

  it('reads the true/false sample as a single choice of True and False, each with its feedback', () => {
    const { imported } = readFixture('truefalse.xml');
    expect(imported.questions).toEqual([
      {
        ...DOCS_QUESTION,
        type: 'single',
        options: [
          { id: 'true', text: 'True', correct: true, feedback: 'Correct!', fixed: false },
          { id: 'false', text: 'False', correct: false, feedback: 'Ooops!', fixed: false },
        ],
      },
    ]);
    expect(imported.report).toEqual([]);
  });

  it('reads both short answer samples, the second with its alternative answer, under ids of their own', () => {
    const { imported } = readFixture('shortanswer.xml');
    expect(imported.questions).toEqual([
      { ...DOCS_QUESTION, type: 'short', answers: ['The correct answer'] },
      {
        ...DOCS_QUESTION,
        id: 'name-of-question-2',
        type: 'short',
        answers: ['The correct answer', 'An alternative answer'],
      },
    ]);
    expect(imported.report).toEqual([]);
  });

  it('reads the numerical sample, and reports the feedback Readproof has no place for', () => {
    const { text, imported } = readFixture('numerical.xml');
    expect(imported.questions).toEqual([
      { ...DOCS_QUESTION, type: 'numeric', answer: 23, tolerance: 0 },
    ]);
    expect(imported.report).toEqual([
      {
        kind: 'lossy',
        name: 'Name of question',
        line: lineOfQuestion(text),
        questionId: 'name-of-question',
        message: expect.stringContaining('feedback ("Feedback")'),
      },
    ]);
  });

  it('reports the two-pair matching sample, with its line: Readproof pairs at least three', () => {
    const { text, imported } = readFixture('matching.xml');
    expect(imported.questions).toEqual([]);
    expect(imported.report).toEqual([
      {
        kind: 'invalid',
        name: 'Name of question',
        line: lineOfQuestion(text),
        message: expect.stringMatching(/needs at least 3 items; it has 2/),
      },
    ]);
  });

  it.each([
    ['essay.xml', 'essay'],
    ['description.xml', 'description'],
  ])('lists the %s sample as a type Readproof does not score, with its line', (file, type) => {
    const { text, imported } = readFixture(file);
    expect(imported.questions).toEqual([]);
    expect(imported.report).toEqual([
      {
        kind: 'unsupported',
        name: 'Name of question',
        line: lineOfQuestion(text),
        message: expect.stringContaining(`("${type}")`),
      },
    ]);
  });

  it('reports the Cloze example: five gaps, where Readproof has one to three', () => {
    const { text, imported } = readFixture('cloze.xml');
    expect(imported.questions).toEqual([]);
    expect(imported.report).toEqual([
      {
        kind: 'invalid',
        name: 'Name of question',
        line: lineOfQuestion(text),
        message: expect.stringContaining('it has 5 gaps'),
      },
    ]);
  });

  it('reads the Cloze example’s first sentence, and reports its half-credit answers and range', () => {
    const { text } = readFixture('cloze.xml');
    const sentence = /This question[^\n]*?\}\./.exec(text)?.[0] ?? '';
    const { questions, report } = importMoodleXml(
      quiz(`<question type="cloze">
  <name><text>First sentence</text></name>
  <questiontext format="plain_text"><text>${sentence}</text></questiontext>
</question>`),
      { article, fileName: 'cloze.xml' },
    );
    expect(questions[0]).toMatchObject({
      type: 'cloze',
      text: 'This question consists of some text with an answer embedded right here {{gap-1}} and right after that you will have to deal with this short answer {{gap-2}} and finally we have a floating point number {{gap-3}}.',
      gaps: [
        {
          id: 'gap-1',
          choices: [
            'Wrong answer',
            'Another wrong answer',
            'Correct answer',
            'Answer that gives half the credit',
          ],
          answer: 'Correct answer',
        },
        { id: 'gap-2', answers: ['Correct answer'] },
        { id: 'gap-3', answers: ['23.8'] },
      ],
    });
    expect(report.map((entry) => entry.message)).toEqual([
      expect.stringMatching(/^Gap 1: "Answer that gives half the credit" earned 50%/),
      expect.stringMatching(/^Gap 2: "Answer that gives half the credit" earned 50%/),
      expect.stringMatching(/^Gap 3: "23.8:2" earned 50%/),
      expect.stringMatching(/^Gap 3: Moodle accepted a range/),
    ]);
  });

  it('names the bank by the category sample, keeps the tags sample, and reads the CDATA sample as a browser shows it', () => {
    const { imported } = readFixture('category-tags-cdata.xml');
    expect(imported.title).toBe('XXXX');
    expect(imported.questions).toEqual([
      {
        ...DOCS_QUESTION,
        prompt:
          'Now I can include any HTML that I\nwish. Without the CDATA, the HTML tags would break the XML!!',
        tags: ['keyword1', 'keyword2'],
        type: 'short',
        answers: ['The correct answer'],
      },
    ]);
    expect(imported.report).toEqual([]);
  });

  it('reads Moodle’s own ordering sample in its order, and reports the grading it does not state', () => {
    const { text, imported } = readFixture('ordering.xml');
    expect(imported.questions).toEqual([
      {
        ...DOCS_QUESTION,
        id: 'moodle',
        prompt: 'Put these words in order.',
        explanation:
          'The correct answer is "Modular Object Oriented Dynamic Learning Environment".',
        type: 'order',
        items: ['Modular', 'Object', 'Oriented', 'Dynamic', 'Learning', 'Environment'].map(
          (word) => ({ id: word.toLowerCase(), text: word }),
        ),
        scoring: 'partial',
      },
    ]);
    expect(imported.report).toEqual([
      {
        kind: 'lossy',
        name: 'Moodle',
        line: lineOfQuestion(text),
        questionId: 'moodle',
        message: expect.stringContaining('by its default'),
      },
    ]);
  });

  it('reports a sample written as the page shows it, without the common parts, rather than guessing', () => {
    const { text } = readFixture('truefalse.xml');
    const bare = text.replace(/<name>[\s\S]*?<\/questiontext>/, '');
    const { questions, report } = importMoodleXml(bare, { article, fileName: 'bare.xml' });
    expect(questions).toEqual([]);
    expect(report).toEqual([
      {
        kind: 'invalid',
        name: `question on line ${lineOfQuestion(bare)}`,
        line: lineOfQuestion(bare),
        message: expect.stringContaining('no question text'),
      },
    ]);
  });
});

function quiz(questions: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions}\n</quiz>\n`;
}

describe('importing embedded answers, ordering and multiple answers', () => {
  it('reads a cloze with a drop-down, a typed and a numerical gap, reporting partial credit', () => {
    const { questions, report } = importMoodleXml(
      quiz(`<question type="cloze">
  <name><text>Three gaps</text></name>
  <questiontext format="html"><text><![CDATA[<p>Putin went to {1:MULTICHOICE:Kyiv#No~=Kurchatov~%50%Kursk} and saw a {1:SHORTANSWER:=nuclear~=atomic~%50%power} plant; {2:NUMERICAL:=76:0} drones.</p>]]></text></questiontext>
</question>`),
      { article, fileName: 'cloze.xml' },
    );
    expect(questions[0]).toMatchObject({
      type: 'cloze',
      prompt: 'Fill in the gaps.',
      text: 'Putin went to {{gap-1}} and saw a {{gap-2}} plant; {{gap-3}} drones.',
      gaps: [
        { id: 'gap-1', choices: ['Kyiv', 'Kurchatov', 'Kursk'], answer: 'Kurchatov' },
        { id: 'gap-2', answers: ['nuclear', 'atomic'] },
        { id: 'gap-3', answers: ['76'] },
      ],
    });
    expect(report.map((note) => note.message)).toEqual([
      expect.stringMatching(/^Gap 1: "Kursk" earned 50%/),
      expect.stringMatching(/^Gap 2: "power" earned 50%/),
    ]);
  });

  it('reads an ordering question in its answers’ order, with its grading', () => {
    const { questions, report } = importMoodleXml(
      quiz(`<question type="ordering">
  <name><text>Days</text></name>
  <questiontext format="plain_text"><text>Put the days in order.</text></questiontext>
  <gradingtype>ABSOLUTE_POSITION</gradingtype>
  <answer fraction="1"><text>Monday</text></answer>
  <answer fraction="2"><text>Tuesday</text></answer>
  <answer fraction="3"><text>Wednesday</text></answer>
</question>`),
      { article, fileName: 'order.xml' },
    );
    expect(questions[0]).toMatchObject({
      type: 'order',
      items: [{ text: 'Monday' }, { text: 'Tuesday' }, { text: 'Wednesday' }],
      scoring: 'partial',
    });
    expect(report).toEqual([
      expect.objectContaining({
        kind: 'lossy',
        message: expect.stringContaining('ABSOLUTE_POSITION'),
      }),
    ]);
  });

  it('reads a multiple-answer choice of the article’s sentences as an evidence question', () => {
    const [first, second] = listSentences(article);
    const { questions } = importMoodleXml(
      quiz(`<question type="multichoice">
  <name><text>Which sentence</text></name>
  <questiontext format="plain_text"><text>Pick the sentence.&#10;&#10;Claim: Putin went to Kursk.</text></questiontext>
  <single>false</single>
  <answer fraction="100"><text>${first?.text ?? ''}</text></answer>
  <answer fraction="-100"><text>${second?.text ?? ''}</text></answer>
</question>`),
      { article, fileName: 'evidence.xml' },
    );
    expect(questions[0]).toMatchObject({
      type: 'evidence',
      prompt: 'Pick the sentence.',
      claim: 'Putin went to Kursk.',
      evidence: [first?.text],
    });
  });

  it('reduces HTML to plain text: tags and scripts dropped, entities decoded once', () => {
    const { questions } = importMoodleXml(
      quiz(`<question type="shortanswer">
  <name><text>Html</text></name>
  <questiontext format="html"><text>&lt;p&gt;Name the &lt;b&gt;fleet&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;&lt;p&gt;&amp;lt;i&amp;gt; &amp;amp; 3 &amp;lt; 5&lt;/p&gt;</text></questiontext>
  <answer fraction="100"><text>shadow</text></answer>
</question>`),
      { article, fileName: 'html.xml' },
    );
    expect(questions[0]?.prompt).toBe('Name the fleet\n<i> & 3 < 5');
  });
});

/** What the documentation says in words rather than in a sample, each in a question of its own. */
describe('importing what Moodle’s documentation describes', () => {
  function importOne(question: string) {
    return importMoodleXml(quiz(question), { article, fileName: 'described.xml' });
  }

  it.each([
    ['0', true],
    ['false', true],
    ['1', false],
    ['true', false],
  ])('keeps the written order when <shuffleanswers> is %s: %s', (written, fixed) => {
    const { questions } = importOne(`<question type="multichoice">
  <name><text>Order</text></name>
  <questiontext><text>Pick one.</text></questiontext>
  <shuffleanswers>${written}</shuffleanswers>
  <answer fraction="100"><text>First</text></answer>
  <answer fraction="0"><text>None of these</text></answer>
</question>`);
    expect(questions[0]).toMatchObject({
      type: 'single',
      options: [{ fixed }, { fixed }],
    });
  });

  it('reads a text without a format as HTML, and the other texts in the question text’s format', () => {
    const { questions } = importOne(`<question type="multichoice">
  <name><text>Formats</text></name>
  <questiontext format="plain_text"><text>Is 3 &lt;b&gt; 5?</text></questiontext>
  <generalfeedback><text>Plain &lt;b&gt; too</text></generalfeedback>
  <answer fraction="100"><text>a &lt;i&gt; b</text></answer>
  <answer fraction="0" format="html"><text>&lt;p&gt;c&lt;/p&gt;</text></answer>
</question>
<question type="shortanswer">
  <name><text>Default</text></name>
  <questiontext><text>&lt;p&gt;Name it&lt;/p&gt;</text></questiontext>
  <answer fraction="100"><text>&lt;b&gt;it&lt;/b&gt;</text></answer>
</question>`);
    expect(questions[0]).toMatchObject({
      prompt: 'Is 3 <b> 5?',
      explanation: 'Plain <b> too',
      options: [{ text: 'a <i> b' }, { text: 'c' }],
    });
    expect(questions[1]).toMatchObject({ prompt: 'Name it', answers: ['it'] });
  });

  it('keeps the line breaks of Moodle’s auto format, which HTML would run together', () => {
    const { questions } = importOne(`<question type="shortanswer">
  <name><text>Auto</text></name>
  <questiontext format="moodle_auto_format"><text>First line&#10;second &lt;b&gt;line&lt;/b&gt;</text></questiontext>
  <answer fraction="100"><text>x</text></answer>
</question>
<question type="shortanswer">
  <name><text>Html</text></name>
  <questiontext format="html"><text>First line&#10;second line</text></questiontext>
  <answer fraction="100"><text>x</text></answer>
</question>`);
    expect(questions.map((question) => question.prompt)).toEqual([
      'First line\nsecond line',
      'First line second line',
    ]);
  });

  it('keeps the unit with multiplier 1 and reports the others, and a unit Moodle marked', () => {
    // The page's example: an answer in kilometres, and metres with a multiplier of 1000.
    const { questions, report } = importOne(`<question type="numerical">
  <name><text>Distance</text></name>
  <questiontext><text>How far is it?</text></questiontext>
  <answer fraction="100"><text>1.5</text><tolerance>0.1</tolerance></answer>
  <units>
    <unit><multiplier>1</multiplier><unit_name>km</unit_name></unit>
    <unit><multiplier>1000</multiplier><unit_name>m</unit_name></unit>
  </units>
  <unitgradingtype>1</unitgradingtype>
  <unitpenalty>0.1000000</unitpenalty>
</question>`);
    expect(questions[0]).toMatchObject({
      type: 'numeric',
      answer: 1.5,
      tolerance: 0.1,
      unit: 'km',
    });
    expect(report.map((entry) => entry.message)).toEqual([
      expect.stringContaining('other units (m)'),
      expect.stringContaining('penalty 0.1000000'),
    ]);
  });

  it('reads Moodle’s decimals: thirds as right minus wrong, marks rounded with a note', () => {
    const { questions, report } = importOne(`<question type="multichoice">
  <name><text>Thirds</text></name>
  <questiontext><text>Pick the right ones.</text></questiontext>
  <defaultgrade>2.5000000</defaultgrade>
  <single>false</single>
  <answer fraction="33.33333"><text>a</text></answer>
  <answer fraction="33.33333"><text>b</text></answer>
  <answer fraction="33.33334"><text>c</text></answer>
  <answer fraction="-33.33333"><text>d</text></answer>
</question>
<question type="truefalse">
  <name><text>Whole</text></name>
  <questiontext><text>True?</text></questiontext>
  <defaultgrade>1.0000000</defaultgrade>
  <answer fraction="100"><text>true</text></answer>
  <answer fraction="0"><text>false</text></answer>
</question>`);
    expect(questions[1]).toMatchObject({ type: 'single', points: 1 });
    expect(questions[0]).toMatchObject({
      type: 'multiple',
      points: 3,
      options: [{ correct: true }, { correct: true }, { correct: true }, { correct: false }],
    });
    expect(report).toEqual([
      expect.objectContaining({ name: 'Thirds', message: expect.stringContaining('2.5000000') }),
    ]);
  });

  it('reads the escaped characters of embedded answers as the characters', () => {
    const { questions, report } = importOne(`<question type="cloze">
  <name><text>Escapes</text></name>
  <questiontext format="plain_text"><text>Type {1:SHORTANSWER:=\\{a\\}~=x\\~y~=p\\#q#feedback~=1\\/2} or pick {1:MULTICHOICE:=b\\}c#right~d}.</text></questiontext>
</question>`);
    expect(questions[0]).toMatchObject({
      type: 'cloze',
      text: 'Type {{gap-1}} or pick {{gap-2}}.',
      gaps: [
        { id: 'gap-1', answers: ['{a}', 'x~y', 'p#q', '1/2'] },
        { id: 'gap-2', choices: ['b}c', 'd'], answer: 'b}c' },
      ],
    });
    expect(report).toEqual([]);
  });

  it('puts an ordering question’s items in the order of their fractions, as Moodle keeps it', () => {
    const { questions } = importOne(`<question type="ordering">
  <name><text>Shuffled</text></name>
  <questiontext><text>Order them.</text></questiontext>
  <gradingtype>ALL_OR_NOTHING</gradingtype>
  <answer fraction="3.0000000"><text>Third</text></answer>
  <answer fraction="1.0000000"><text>First</text></answer>
  <answer fraction="2.0000000"><text>Second</text></answer>
</question>`);
    expect(questions[0]).toMatchObject({
      type: 'order',
      items: [{ text: 'First' }, { text: 'Second' }, { text: 'Third' }],
      scoring: 'all-or-nothing',
    });
  });

  it('offers a matching subquestion without text as a choice that matches nothing', () => {
    const { questions } = importOne(`<question type="matching">
  <name><text>Capitals</text></name>
  <questiontext><text>Match each country to its capital.</text></questiontext>
  <subquestion><text>France</text><answer><text>Paris</text></answer></subquestion>
  <subquestion><text>Spain</text><answer><text>Madrid</text></answer></subquestion>
  <subquestion><text>Italy</text><answer><text>Rome</text></answer></subquestion>
  <subquestion><text></text><answer><text>Lisbon</text></answer></subquestion>
</question>`);
    expect(questions[0]).toMatchObject({
      type: 'match',
      left: [
        { text: 'France', match: 'paris' },
        { text: 'Spain', match: 'madrid' },
        { text: 'Italy', match: 'rome' },
      ],
      right: [
        { id: 'paris', text: 'Paris' },
        { id: 'madrid', text: 'Madrid' },
        { id: 'rome', text: 'Rome' },
        { id: 'lisbon', text: 'Lisbon' },
      ],
    });
  });
});
