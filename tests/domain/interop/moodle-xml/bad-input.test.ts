import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  exportMoodleXml,
  importMoodleXml,
  MoodleXmlError,
} from '../../../../src/domain/interop/moodle-xml/index';
import type { ResolvedBank } from '../../../../src/domain/resolved-bank';
import { article, fixtureBank, fixtureQuestion } from '../../fixtures/engine-questions';

const context = { article, fileName: 'upload.xml' };

describe('importing a file that is not Moodle XML', () => {
  it('names the file, line and column of malformed XML', () => {
    const text =
      '<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n  </questoin>\n</quiz>';
    expect(() => importMoodleXml(text, context)).toThrow(MoodleXmlError);
    expect(() => importMoodleXml(text, context)).toThrow(
      /^upload\.xml, line 4, column \d+: this is not well-formed XML/,
    );
  });

  it('refuses a root other than <quiz>', () => {
    expect(() => importMoodleXml('<?xml version="1.0"?>\n<html><body/></html>', context)).toThrow(
      /upload\.xml: the root element is <html>, not <quiz>/,
    );
  });

  it('refuses an entity-expansion attack (billion laughs) before expanding anything', () => {
    const entities = Array.from(
      { length: 9 },
      (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`,
    ).join('\n');
    const text = `<?xml version="1.0"?>\n<!DOCTYPE quiz [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<quiz><question type="shortanswer"><name><text>&lol9;</text></name></question></quiz>`;
    const started = performance.now();
    expect(() => importMoodleXml(text, context)).toThrow(
      /upload\.xml, line 2: the file declares a DOCTYPE/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads an empty quiz as no questions and nothing to report', () => {
    expect(importMoodleXml('<?xml version="1.0"?>\n<quiz>\n</quiz>\n', context)).toEqual({
      questions: [],
      report: [],
    });
  });

  it('reports an unknown question type by name and line, and goes on', () => {
    const text = `<quiz>\n<question type="dragdrop-3d">\n<name><text>Odd</text></name>\n</question>\n<question type="shortanswer"><name><text>ok</text></name><questiontext format="plain_text"><text>Word?</text></questiontext><answer fraction="100"><text>word</text></answer></question>\n</quiz>`;
    const { questions, report } = importMoodleXml(text, context);
    expect(questions.map((question) => question.id)).toEqual(['ok']);
    expect(report).toEqual([
      {
        kind: 'unsupported',
        name: 'Odd',
        line: 2,
        message:
          'Not imported: the question type "dragdrop-3d"; Readproof does not score this type.',
      },
    ]);
  });
});

describe('importing a damaged export', () => {
  const text = exportMoodleXml({ bank: fixtureBank, article }).files[0]?.text ?? '';

  it('reads it or refuses it with a message, and never fails otherwise', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: text.length }),
        fc.nat({ max: 400 }),
        fc.constantFrom(
          '',
          '<',
          '>',
          '&',
          '</answer>',
          '<question type="cloze">',
          '{1:',
          '"',
          ']]>',
          'x',
        ),
        (at, cut, insert) => {
          const damaged = `${text.slice(0, at)}${insert}${text.slice(at + cut)}`;
          try {
            importMoodleXml(damaged, context);
          } catch (error) {
            expect(error).toBeInstanceOf(MoodleXmlError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('exported XML', () => {
  const hostile = ']]> <script>alert("x")</script> & <![CDATA[ \u0001 done';
  const single = fixtureQuestion('fx-single', 'single');
  const bank: ResolvedBank = {
    ...fixtureBank,
    title: `Bank ${hostile}`,
    questions: [
      {
        ...single,
        prompt: hostile,
        explanation: hostile,
        tags: [hostile],
        options: single.options.map((option, index) =>
          index === 1 ? { ...option, text: hostile, feedback: hostile } : option,
        ),
      },
    ],
  };
  const [file] = exportMoodleXml({ bank, article }).files;
  const text = file?.text ?? '';

  it('is well-formed for every bank, the engine fixture’s every type included', () => {
    expect(XMLValidator.validate(text)).toBe(true);
    const all = exportMoodleXml({ bank: fixtureBank, article }).files[0]?.text ?? '';
    expect(XMLValidator.validate(all)).toBe(true);
  });

  it('escapes hostile text: no markup of its own, and it reads back as written', () => {
    expect(text).not.toContain('<script>');
    expect(text).not.toContain(']]>');
    expect(text).not.toContain('<![CDATA[');
    const parsed = new XMLParser({
      ignoreAttributes: false,
      trimValues: false,
      parseTagValue: false,
    }).parse(text) as {
      quiz: { question: { questiontext?: { text: string } }[] };
    };
    const written = hostile.replace('\u0001', '');
    expect(parsed.quiz.question[2]?.questiontext?.text).toBe(written);
    const back = importMoodleXml(text, context);
    expect(back.questions[0]).toMatchObject({
      prompt: written,
      explanation: written,
      tags: [written],
      options: [
        expect.anything(),
        { text: written, feedback: written },
        expect.anything(),
        expect.anything(),
      ],
    });
    expect(back.title).toBe(`Bank ${written}`);
  });
});
