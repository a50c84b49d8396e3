import { describe, expect, it } from 'vitest';
import {
  MAX_GIFT_ANSWERS,
  MAX_GIFT_QUESTIONS,
} from '../../../../src/domain/interop/gift/gift-parser';
import { GIFT_IMPORT_DEFAULTS, importGift } from '../../../../src/domain/interop/gift/index';
import type { ImportedBank, ImportedQuestion } from '../../../../src/domain/interop/interop-format';
import { article } from '../../fixtures/engine-questions';

/**
 * Import fixtures for every feature of GIFT that Moodle's documentation describes
 * (https://docs.moodle.org/en/GIFT_format), mostly its own examples, each asserting what was
 * imported or reported; then bad input, which is reported with its line and never stops the rest.
 */

function importText(text: string): ImportedBank {
  return importGift(text, { article, fileName: 'questions.gift' });
}

function onlyQuestion(text: string): ImportedQuestion {
  const { questions, report } = importText(text);
  expect(report.filter((note) => note.kind !== 'lossy')).toEqual([]);
  expect(questions).toHaveLength(1);
  const [question] = questions;
  if (question === undefined) throw new Error('nothing imported');
  return question;
}

function ofType<T extends ImportedQuestion['type']>(
  question: ImportedQuestion,
  type: T,
): Extract<ImportedQuestion, { type: T }> {
  expect(question.type).toBe(type);
  return question as Extract<ImportedQuestion, { type: T }>;
}

describe('importGift: what Moodle documents', () => {
  it('reads multiple choice, with = for the right answer and ~ for the wrong ones', () => {
    const question = ofType(
      onlyQuestion("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}"),
      'single',
    );
    expect(question.prompt).toBe("Who's buried in Grant's tomb?");
    expect(question.options).toEqual([
      { id: 'a', text: 'Grant', correct: false, fixed: false },
      { id: 'b', text: 'Jefferson', correct: false, fixed: false },
      { id: 'c', text: 'no one', correct: true, fixed: false },
    ]);
  });

  it('gives what GIFT does not say the documented defaults, and no evidence', () => {
    const question = onlyQuestion('::Q2:: What is between orange and green? {=yellow ~red ~blue}');
    expect(question).toMatchObject({
      id: 'q2',
      skill: GIFT_IMPORT_DEFAULTS.skill,
      difficulty: GIFT_IMPORT_DEFAULTS.difficulty,
      points: GIFT_IMPORT_DEFAULTS.points,
      explanation: '',
      evidence: [],
    });
  });

  it('reads answers written on lines of their own, indented', () => {
    const question = ofType(
      onlyQuestion(
        [
          'Japanese characters originally came from what country? {',
          '    ~India',
          '    =China',
          '    ~Korea',
          '    ~Egypt}',
        ].join('\n'),
      ),
      'single',
    );
    expect(question.options.map((option) => [option.text, option.correct])).toEqual([
      ['India', false],
      ['China', true],
      ['Korea', false],
      ['Egypt', false],
    ]);
  });

  it('reads per-answer feedback (#) and general feedback (####) as feedback and explanation', () => {
    const question = ofType(
      onlyQuestion(
        [
          "What's between orange and green in the spectrum?",
          "{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow",
          '####Yellow sits between them in every rainbow.}',
        ].join('\n'),
      ),
      'single',
    );
    expect(question.options.map((option) => option.feedback)).toEqual([
      'right; good!',
      "wrong, it's yellow",
      "wrong, it's yellow",
    ]);
    expect(question.explanation).toBe('Yellow sits between them in every rainbow.');
  });

  it('reads short answers, with every accepted answer, and one written without =', () => {
    const { questions } = importText(
      "Who's buried in Grant's tomb?{=no one =nobody}\n\nWhat colour is the sky? {blue}",
    );
    expect(questions.map((question) => question.type === 'short' && question.answers)).toEqual([
      ['no one', 'nobody'],
      ['blue'],
    ]);
  });

  it('reports short answers worth partial credit as left out', () => {
    const { questions, report } = importText('Two plus two? {=four =%50%for}');
    expect(questions[0]?.type === 'short' && questions[0].answers).toEqual(['four']);
    expect(report).toEqual([
      expect.objectContaining({
        kind: 'lossy',
        line: 1,
        message: expect.stringMatching(/partial/),
      }),
    ]);
  });

  it('reads true/false as a judgement, the first feedback going to the wrong answer', () => {
    const { questions, report } = importText(
      "Grant is buried in Grant's tomb.{F#No one is buried there.#Right: he is entombed.}",
    );
    const question = ofType(questions[0] as ImportedQuestion, 'judgement');
    expect(question.statement).toBe("Grant is buried in Grant's tomb.");
    expect(question.answer).toBe('false');
    expect(question.feedback).toEqual({ true: 'No one is buried there.' });
    expect(report.map((note) => note.message)).toEqual([
      expect.stringMatching(/feedback for a right answer/),
    ]);
    expect(ofType(onlyQuestion('The sun rises in the east.{TRUE}'), 'judgement').answer).toBe(
      'true',
    );
  });

  it('reads a choice of True, False and Not given as a judgement, with its prompt on the first line', () => {
    const question = ofType(
      onlyQuestion(
        'Judge the statement.\\nPutin visited Kursk. {=True ~False #He did. ~Not given #It says so.}',
      ),
      'judgement',
    );
    expect(question).toMatchObject({
      prompt: 'Judge the statement.',
      statement: 'Putin visited Kursk.',
      answer: 'true',
      feedback: { false: 'He did.', 'not-given': 'It says so.' },
    });
  });

  it('reads matching pairs, and a pair with no left side as an extra choice', () => {
    const question = ofType(
      onlyQuestion(
        'Match the animal with its food. {=cat -> cat food =dog -> dog food =rabbit -> carrots = -> bird seed}',
      ),
      'match',
    );
    expect(question.left).toEqual([
      { id: 'a', text: 'cat', match: '1' },
      { id: 'b', text: 'dog', match: '2' },
      { id: 'c', text: 'rabbit', match: '3' },
    ]);
    expect(question.right.map((right) => right.text)).toEqual([
      'cat food',
      'dog food',
      'carrots',
      'bird seed',
    ]);
  });

  it('reads numerical answers with a tolerance, a range, or neither', () => {
    const read = (text: string) => {
      const question = ofType(onlyQuestion(text), 'numeric');
      return [question.answer, question.tolerance];
    };
    expect(read('When was Ulysses S. Grant born?{#1822:5}')).toEqual([1822, 5]);
    expect(read('What is a number from 1 to 5? {#1..5}')).toEqual([3, 2]);
    expect(read('What is pi to three decimals? {#3.141}')).toEqual([3.141, 0]);
  });

  it('keeps the first full-marks numerical answer and reports the partial-credit ones', () => {
    const { questions, report } = importText(
      'When was Ulysses S. Grant born? {#\n=1822:0 #Correct!\n=%50%1822:2 #Close.}',
    );
    const question = ofType(questions[0] as ImportedQuestion, 'numeric');
    expect([question.answer, question.tolerance]).toEqual([1822, 0]);
    expect(report.map((note) => note.kind)).toEqual(['lossy']);
  });

  it('reads multiple answers (weighted ~) as a choose-all question, right minus wrong', () => {
    const question = ofType(
      onlyQuestion(
        "What two people are entombed in Grant's tomb? {~%-50%No one ~%50%Grant ~%50%Grant's wife ~%-50%Grant's father}",
      ),
      'multiple',
    );
    expect(question.options.map((option) => [option.text, option.correct])).toEqual([
      ['No one', false],
      ['Grant', true],
      ["Grant's wife", true],
      ["Grant's father", false],
    ]);
    expect(question.scoring).toBe('partial');
  });

  it('reports multiple-answer weights that are not right minus wrong', () => {
    const { report } = importText(
      "What two people are entombed in Grant's tomb? {~%-100%No one ~%50%Grant ~%50%Grant's wife ~%-100%Grant's father}",
    );
    expect(report).toEqual([
      expect.objectContaining({
        kind: 'lossy',
        message: expect.stringMatching(/-100%.*right minus wrong/),
      }),
    ]);
  });

  it('reads multiple answers that are sentences of the chosen article as an evidence question', () => {
    const sentences = article.paragraphs.flatMap((paragraph) => paragraph.sentences);
    const [right, wrong] = sentences;
    const question = ofType(
      onlyQuestion(
        `Which sentence says Putin went to Kursk? {~%100%${right?.text ?? ''} ~%-100%${wrong?.text ?? ''}}`.replace(
          /:/g,
          '\\:',
        ),
      ),
      'evidence',
    );
    expect(question.evidence).toEqual([right?.text]);
    expect(question.claim).toBe('Which sentence says Putin went to Kursk?');
  });

  it('reads a missing word (answers inside the sentence) as a cloze gap: a drop-down or typed', () => {
    const dropDown = ofType(
      onlyQuestion("Grant is {~buried =entombed ~living} in Grant's tomb."),
      'cloze',
    );
    expect(dropDown.text).toBe("Grant is {{gap}} in Grant's tomb.");
    expect(dropDown.gaps).toEqual([
      { id: 'gap', choices: ['buried', 'entombed', 'living'], answer: 'entombed' },
    ]);
    const typed = ofType(onlyQuestion('Two plus {=two =2} equals four.'), 'cloze');
    expect(typed.text).toBe('Two plus {{gap}} equals four.');
    expect(typed.gaps).toEqual([{ id: 'gap', answers: ['two', '2'] }]);
  });

  it('reads the special characters escaped with a backslash as themselves', () => {
    const question = ofType(
      onlyQuestion(
        String.raw`::Escapes:: Which is right\: 1 + 2 \= 3, \{a\} \~ b, \#1, or C\\D? {=all of them \#ok}`,
      ),
      'short',
    );
    expect(question.prompt).toBe('Which is right: 1 + 2 = 3, {a} ~ b, #1, or C\\D?');
    expect(question.answers).toEqual(['all of them #ok']);
  });

  it('skips comments, even between the lines of one question', () => {
    const { questions } = importText(
      [
        '// A comment before',
        '::Q1:: Is the sky blue?',
        '// a comment inside',
        '{T}',
        '',
        '// and after',
      ].join('\n'),
    );
    expect(questions.map((question) => [question.id, question.type])).toEqual([
      ['q1', 'judgement'],
    ]);
  });

  it('turns titles into ids, unique within the file', () => {
    const { questions } = importText(
      "::Grant's tomb:: Who? {=no one ~Grant}\n\n::Grant's tomb:: Who? {=no one ~Grant}\n\nUntitled? {=yes ~no}",
    );
    expect(questions.map((question) => question.id)).toEqual([
      'grant-s-tomb',
      'grant-s-tomb-2',
      'question-3',
    ]);
  });

  it('turns categories and [tag:] comments into tags, and names the bank after the first category', () => {
    const { title, questions } = importText(
      [
        '$CATEGORY: $course$/top/Unit 1/Vocabulary',
        '',
        '// [tag:easy] [tag:kursk]',
        '::Q1:: Is the sky blue? {T}',
        '',
        '$CATEGORY: tom/dick',
        '',
        '::Q2:: Is grass blue? {F}',
      ].join('\n'),
    );
    expect(title).toBe('Vocabulary');
    expect(questions.map((question) => question.tags)).toEqual([
      ['Unit 1/Vocabulary', 'easy', 'kursk'],
      ['tom/dick'],
    ]);
  });

  it('reduces [html] to plain text, never keeping a tag or script', () => {
    const question = ofType(
      onlyQuestion(
        "[html]<p>Who's <b>buried</b> in Grant&#39;s tomb?<script>alert(1)</script><img src=x onerror=alert(2)></p>{=<i>no one</i> ~Grant}",
      ),
      'single',
    );
    expect(question.prompt).toBe("Who's buried in Grant's tomb?");
    expect(question.options[0]?.text).toBe('no one');
  });

  it('reduces [markdown] to plain text, and keeps [plain] and [moodle] text as written', () => {
    expect(
      onlyQuestion(
        "[markdown]Who's **buried** in [Grant's tomb](http\\://example.com)?{=no one ~Grant}",
      ).prompt,
    ).toBe("Who's buried in Grant's tomb?");
    expect(onlyQuestion('[plain]Is 1 < 2 *really*? {T}').type === 'judgement').toBe(true);
    const moodle = ofType(onlyQuestion('[moodle]Is 1 < 2 *really*? {T}'), 'judgement');
    expect(moodle.statement).toBe('Is 1 < 2 *really*?');
  });

  it('lists essays and descriptions as unsupported, with name and line, and imports the rest', () => {
    const { questions, report } = importText(
      [
        '::Essay:: Write about Grant. {}',
        '',
        '::Intro:: The next questions are about Grant.',
        '',
        '::Q3:: Is the sky blue? {T}',
      ].join('\n'),
    );
    expect(questions.map((question) => question.id)).toEqual(['q3']);
    expect(report).toEqual([
      { kind: 'unsupported', name: 'Essay', line: 1, message: expect.stringMatching(/essay/) },
      {
        kind: 'unsupported',
        name: 'Intro',
        line: 3,
        message: expect.stringMatching(/description/),
      },
    ]);
  });

  it('skips the description of the chosen article, which a Readproof export starts with', () => {
    const { questions, report } = importText(
      `::${article.meta.id}::[plain] ${article.meta.title}\n\n::Q1:: Is the sky blue? {T}`,
    );
    expect(questions).toHaveLength(1);
    expect(report).toEqual([]);
  });

  it('reads Windows line ends', () => {
    const { questions } = importText(
      '::Q1:: Is the sky blue? {T}\r\n\r\n::Q2:: Is grass blue? {F}\r\n',
    );
    expect(questions.map((question) => question.id)).toEqual(['q1', 'q2']);
  });
});

describe('importGift: bad input', () => {
  const cases: [string, string, number, RegExp][] = [
    [
      'an unterminated brace',
      '::Q0:: Fine? {T}\n\n::Broken:: Who?\n{=a ~b',
      4,
      /line 4 is never closed/,
    ],
    ['a brace opened twice', '::Broken:: Who? {=a {~b}', 1, /never closed/],
    ['a second answer block', '::Broken:: Who? {=a ~b} and {=c ~d}', 1, /one answer block/],
    ['a closing brace with no opening one', '::Broken:: Who? =a ~b}', 1, /never opened/],
    ['an unclosed title', '::Broken Who? {=a ~b}', 1, /no closing "::"/],
    ['a weight out of range', '::Broken:: Who? {~%150%a ~b}', 1, /between -100 and 100/],
    [
      'a numerical answer that is no number',
      '::Broken:: How many? {#twelve}',
      1,
      /"twelve" is not a number/,
    ],
    ['a backwards range', '::Broken:: How many? {#5..1}', 1, /runs backwards/],
    ['a matching answer with no ->', '::Broken:: Match. {=a -> b =c d =e -> f}', 1, /has no "->"/],
    [
      'text before the first answer',
      '::Broken:: Who? {a =b ~c}',
      1,
      /comes before the first answer/,
    ],
  ];

  it.each(cases)(
    'reports %s with its line, and imports the other questions',
    (_name, text, line, message) => {
      // A title that is never closed is no name.
      const name = text.includes('::Broken::') ? { name: 'Broken' } : {};
      const { questions, report } = importText(`${text}\n\n::Fine:: Is the sky blue? {T}`);
      expect(questions.map((question) => question.id)).toContain('fine');
      expect(report).toEqual([
        { kind: 'invalid', ...name, line, message: expect.stringMatching(message) },
      ]);
    },
  );

  it('reports an evidence question whose sentences are not in the chosen article', () => {
    const { questions, report } = importText(
      '// readproof {"type":"evidence"}\n::ev:: Which sentence? {~%100%Not in the article. ~%-100%Nor this.}',
    );
    expect(questions).toEqual([]);
    expect(report).toEqual([
      expect.objectContaining({
        kind: 'invalid',
        name: 'ev',
        line: 2,
        message: expect.stringMatching(/not a sentence of/),
      }),
    ]);
  });

  it('reports a two-part question missing a part', () => {
    const { report } = importText('::tp Part A:: Prompt\\nWho? {=a ~b}');
    expect(report).toEqual([
      expect.objectContaining({
        kind: 'invalid',
        name: 'tp Part A',
        message: expect.stringMatching(/Part B is missing/),
      }),
    ]);
  });

  it('uses defaults, and says so, for a Readproof comment it cannot read', () => {
    const { questions, report } = importText(
      '// readproof {"skill":"guessing","difficulty":9}\n::q:: Is the sky blue? {T}\n\n// readproof {oops\n::r:: Is it? {T}',
    );
    expect(questions.map((question) => question.skill)).toEqual(['literal', 'literal']);
    expect(report.map((note) => note.message)).toEqual([
      expect.stringMatching(/skill, difficulty/),
      expect.stringMatching(/not a JSON object/),
    ]);
  });

  it('refuses a file with more questions than a bank needs, reading none of it', () => {
    const { questions, report } = importText('Is it? {T}\n\n'.repeat(MAX_GIFT_QUESTIONS + 1));
    expect(questions).toEqual([]);
    expect(report).toEqual([
      {
        kind: 'invalid',
        line: 2 * MAX_GIFT_QUESTIONS + 1,
        message: expect.stringMatching(/at most 2000/),
      },
    ]);
  });

  it('refuses a file with more answers than a bank needs, reading none of it', () => {
    const { questions, report } = importText(`Which? {${'~a '.repeat(MAX_GIFT_ANSWERS)}=b}`);
    expect(questions).toEqual([]);
    expect(report).toEqual([
      { kind: 'invalid', line: 1, message: expect.stringMatching(/more than 50000 answers/) },
    ]);
  });
});
