import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listSentences } from '../../../../src/domain/article';
import { resolveEvidence } from '../../../../src/domain/evidence';
import type { ImportedBank } from '../../../../src/domain/interop/interop-format';
import {
  exportQti3,
  importQti3,
  QTI3_IMPORT_DEFAULTS,
} from '../../../../src/domain/interop/qti3/index';
import { loadArticle, loadFixtureBank } from '../../fixtures/load-banks';

const article = loadArticle();
const NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';

/** An item as another tool might write it: declarations, body and processing given whole. */
function item(identifier: string, parts: { head?: string; body: string; processing?: string }) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="${NS}" identifier="${identifier}" title="Item ${identifier}" adaptive="false" time-dependent="false">
${parts.head ?? ''}
<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
<qti-item-body>
${parts.body}
</qti-item-body>
${parts.processing ?? '<qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct"/>'}
</qti-assessment-item>
`;
}

function manifest(...hrefs: string[]) {
  const resources = hrefs
    .map(
      (href, index) =>
        `  <resource identifier="r${index}" type="imsqti_item_xmlv3p0" href="${href}"><file href="${href}"/></resource>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="m">
<resources>
${resources}
</resources>
</manifest>
`;
}

const choiceItem = item('capital', {
  head: `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
  <qti-correct-response><qti-value>A</qti-value></qti-correct-response>
</qti-response-declaration>`,
  body: `<qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
  <qti-prompt>Where did Putin <b>go</b>?<script>alert("x")</script></qti-prompt>
  <qti-simple-choice identifier="A">Kurchatov <img src="k.png" alt="map"/></qti-simple-choice>
  <qti-simple-choice identifier="B">Kyiv &lt;b&gt;<qti-feedback-inline outcome-identifier="FEEDBACK" identifier="B" show-hide="show">Not there.</qti-feedback-inline></qti-simple-choice>
</qti-choice-interaction>`,
});

function importFiles(files: Record<string, string>, fileName = 'bank.zip'): ImportedBank {
  return importQti3(new Map(Object.entries(files)), { article, fileName });
}

describe('importing a QTI 3.0 package', () => {
  it('reads the items the manifest lists, in its order, with the documented defaults', () => {
    const imported = importFiles({
      'imsmanifest.xml': manifest('items/capital.xml'),
      'items/capital.xml': choiceItem,
    });
    expect(imported.report).toEqual([]);
    expect(imported.questions).toEqual([
      {
        type: 'single',
        id: 'capital',
        prompt: 'Where did Putin go?',
        points: 1,
        skill: QTI3_IMPORT_DEFAULTS.skill,
        difficulty: QTI3_IMPORT_DEFAULTS.difficulty,
        explanation: '',
        evidence: [],
        options: [
          { id: 'a', text: 'Kurchatov', correct: true, fixed: false },
          { id: 'b', text: 'Kyiv <b>', correct: false, fixed: false, feedback: 'Not there.' },
        ],
      },
    ]);
  });

  it('reduces HTML to its text and never keeps a script', () => {
    const [question] = importFiles({ 'capital.xml': choiceItem }).questions;
    expect(JSON.stringify(question)).not.toMatch(/alert|<img|src=/);
  });

  it('reads a single item file without a manifest as one question', () => {
    const imported = importFiles({ 'capital.xml': choiceItem }, 'capital.xml');
    expect(imported.questions.map((question) => question.id)).toEqual(['capital']);
  });

  it('reads a map-response choice as partial credit and match-correct as all-or-nothing', () => {
    const read = (processing: string, wrongWeight = -1) => {
      const imported = importFiles({
        'sources.xml': item('sources', {
          head: `<qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="identifier">
  <qti-correct-response><qti-value>ria</qti-value><qti-value>cnn</qti-value></qti-correct-response>
  <qti-mapping default-value="${wrongWeight}" lower-bound="0"><qti-map-entry map-key="ria" mapped-value="1"/><qti-map-entry map-key="cnn" mapped-value="1"/></qti-mapping>
</qti-response-declaration>`,
          body: `<p>Which sources does the article name?</p>
<qti-choice-interaction response-identifier="RESPONSE" max-choices="0">
  <qti-simple-choice identifier="ria">RIA Novosti</qti-simple-choice>
  <qti-simple-choice identifier="cnn">CNN</qti-simple-choice>
  <qti-simple-choice identifier="bbc">BBC</qti-simple-choice>
</qti-choice-interaction>`,
          processing,
        }),
      });
      const [question] = imported.questions;
      return {
        read: question?.type === 'multiple' ? [question.prompt, question.scoring] : question,
        report: imported.report.map((note) => note.message),
      };
    };
    const mapped =
      '<qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response"/>';
    const matched =
      '<qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct"/>';
    expect(read(mapped)).toEqual({
      read: ['Which sources does the article name?', 'partial'],
      report: [],
    });
    expect(read(matched).read).toEqual(['Which sources does the article name?', 'all-or-nothing']);
    expect(read(mapped, 0).report).toEqual([
      expect.stringMatching(/weighs its choices its own way; Readproof scores right minus wrong/),
    ]);
  });

  it('reads a numeric text entry with a relative tolerance and its unit', () => {
    const numeric = item('drones', {
      head: `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="float">
  <qti-correct-response><qti-value>200</qti-value></qti-correct-response>
</qti-response-declaration>`,
      body: `<p>How many drones were shot down?</p><p><qti-text-entry-interaction response-identifier="RESPONSE"/> drones</p>`,
      processing: `<qti-response-processing><qti-response-condition><qti-response-if>
  <qti-equal tolerance-mode="relative" tolerance="5"><qti-variable identifier="RESPONSE"/><qti-base-value base-type="float">200</qti-base-value></qti-equal>
  <qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">1</qti-base-value></qti-set-outcome-value>
</qti-response-if></qti-response-condition></qti-response-processing>`,
    });
    const [question] = importFiles({ 'drones.xml': numeric }).questions;
    expect(question).toMatchObject({
      type: 'numeric',
      prompt: 'How many drones were shot down?',
      answer: 200,
      tolerance: 10,
      unit: 'drones',
    });
  });

  it("finds a hottext question's sentences in the article by their words, and reports those it cannot find", () => {
    const [first, second] = listSentences(article);
    if (first === undefined || second === undefined)
      throw new Error('the article has no sentences');
    const hottext = item('where', {
      head: `<qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="identifier">
  <qti-correct-response><qti-value>H1</qti-value><qti-value>H3</qti-value></qti-correct-response>
</qti-response-declaration>`,
      body: `<blockquote><p>Putin went to Kursk.</p></blockquote>
<qti-hottext-interaction response-identifier="RESPONSE" max-choices="0">
  <qti-prompt>Choose the sentences that show it.</qti-prompt>
  <p><qti-hottext identifier="H1">${first.text}</qti-hottext> <qti-hottext identifier="H2">${second.text}</qti-hottext> <qti-hottext identifier="H3">A sentence from another text.</qti-hottext></p>
</qti-hottext-interaction>`,
    });
    const imported = importFiles({ 'where.xml': hottext });
    const [question] = imported.questions;
    expect(question).toMatchObject({
      type: 'evidence',
      claim: 'Putin went to Kursk.',
      prompt: 'Choose the sentences that show it.',
    });
    expect(
      question?.evidence.map((quote) => {
        const resolution = resolveEvidence(article, quote);
        return resolution.ok ? resolution.evidence.sentenceIds : resolution.message;
      }),
    ).toEqual([[first.id]]);
    expect(imported.report).toEqual([
      expect.objectContaining({
        kind: 'lossy',
        questionId: 'where',
        file: 'where.xml',
        message: expect.stringMatching(
          /1 of the 2 sentences to choose is not in "Putin visits Kursk/,
        ),
      }),
    ]);
  });

  it('joins items named -part-a and -part-b into a two-part question', () => {
    const part = (suffix: string, correct: string) =>
      item(`q7-part-${suffix}`, {
        head: `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
  <qti-correct-response><qti-value>${correct}</qti-value></qti-correct-response>
</qti-response-declaration>`,
        body: `<p>About the visit</p>
<qti-choice-interaction response-identifier="RESPONSE" max-choices="1"><qti-prompt>Part ${suffix}</qti-prompt>
  <qti-simple-choice identifier="x">X</qti-simple-choice><qti-simple-choice identifier="y">Y</qti-simple-choice>
</qti-choice-interaction>`,
      });
    const imported = importFiles({
      'imsmanifest.xml': manifest('a.xml', 'b.xml'),
      'a.xml': part('a', 'x'),
      'b.xml': part('b', 'y'),
    });
    expect(imported.questions).toEqual([
      expect.objectContaining({
        type: 'two-part',
        id: 'q7',
        prompt: 'About the visit',
        partA: expect.objectContaining({ type: 'single', prompt: 'Part a' }),
        partB: expect.objectContaining({ type: 'single', prompt: 'Part b' }),
      }),
    ]);
  });
});

describe('bad input to the QTI 3.0 import', () => {
  it('names the file and line of malformed XML, and still reads the other items', () => {
    const imported = importFiles({
      'imsmanifest.xml': manifest('items/bad.xml', 'items/capital.xml'),
      'items/bad.xml':
        '<?xml version="1.0"?>\n<qti-assessment-item>\n  <qti-item-body>\n</qti-assessment-item>\n',
      'items/capital.xml': choiceItem,
    });
    expect(imported.questions.map((question) => question.id)).toEqual(['capital']);
    expect(imported.report).toEqual([
      expect.objectContaining({
        kind: 'invalid',
        file: 'items/bad.xml',
        line: 4,
        message: expect.stringMatching(/^Not well-formed XML: .*qti-item-body/),
      }),
    ]);
  });

  it('names the line of a malformed manifest', () => {
    const imported = importFiles({
      'imsmanifest.xml': '<manifest>\n<resources>\n</manifest>',
      'capital.xml': choiceItem,
    });
    expect(imported.questions).toEqual([]);
    expect(imported.report).toEqual([
      expect.objectContaining({ kind: 'invalid', file: 'imsmanifest.xml', line: 3 }),
    ]);
  });

  it('says so when a package has no manifest', () => {
    const imported = importFiles({ 'a.xml': choiceItem, 'b.xml': choiceItem }, 'lms-export.zip');
    expect(imported.questions).toEqual([]);
    expect(imported.report).toEqual([
      {
        kind: 'invalid',
        file: 'lms-export.zip',
        message: expect.stringMatching(/^lms-export\.zip has no imsmanifest\.xml/),
      },
    ]);
  });

  it('reports a file the manifest names that is not in the package, with the manifest line', () => {
    const imported = importFiles({
      'imsmanifest.xml': manifest('items/capital.xml', 'items/gone.xml'),
      'items/capital.xml': choiceItem,
    });
    expect(imported.questions).toHaveLength(1);
    expect(imported.report).toEqual([
      expect.objectContaining({
        kind: 'invalid',
        file: 'imsmanifest.xml',
        line: 5,
        message: 'The manifest names "items/gone.xml", which is not in the package.',
      }),
    ]);
  });

  it('lists an interaction Readproof does not score by item, file and line, and reads the rest', () => {
    const essay = item('essay', {
      head: '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>',
      body: '<p>Why did Putin visit?</p>\n<qti-extended-text-interaction response-identifier="RESPONSE"/>',
      processing: '',
    });
    const imported = importFiles({
      'imsmanifest.xml': manifest('essay.xml', 'capital.xml'),
      'essay.xml': essay,
      'capital.xml': choiceItem,
    });
    expect(imported.questions.map((question) => question.id)).toEqual(['capital']);
    expect(imported.report).toEqual([
      {
        kind: 'unsupported',
        name: 'Item essay',
        file: 'essay.xml',
        line: essay.split('\n').findIndex((line) => line.includes('extended-text')) + 1,
        message: 'It asks for an extended text (essay) answer, which Readproof does not score.',
      },
    ]);
  });

  it('refuses an item with two separate interactions, naming the second', () => {
    const two = item('two', {
      body: `<qti-choice-interaction response-identifier="A" max-choices="1"><qti-prompt>One</qti-prompt><qti-simple-choice identifier="x">X</qti-simple-choice></qti-choice-interaction>
<qti-order-interaction response-identifier="B"><qti-simple-choice identifier="y">Y</qti-simple-choice></qti-order-interaction>`,
    });
    const [note] = importFiles({ 'two.xml': two }).report;
    expect(note).toMatchObject({
      kind: 'unsupported',
      file: 'two.xml',
      line: two.split('\n').findIndex((line) => line.startsWith('<qti-order-interaction')) + 1,
    });
  });

  it('refuses a DOCTYPE, so no entity can expand, with its line', () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lol [<!ENTITY lol "lol">]>\n<qti-assessment-item>&lol;</qti-assessment-item>`;
    expect(importFiles({ 'bomb.xml': bomb }).report).toEqual([
      expect.objectContaining({ kind: 'invalid', file: 'bomb.xml', line: 2 }),
    ]);
  });

  it('tells a QTI 2 item apart from a stray XML file', () => {
    const qti2 = `<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="x" title="x"/>`;
    expect(importFiles({ 'old.xml': qti2 }).report).toEqual([
      expect.objectContaining({
        kind: 'unsupported',
        message: expect.stringMatching(/QTI 2 item/),
      }),
    ]);
    expect(importFiles({ 'feed.xml': '<rss/>' }).report).toEqual([
      expect.objectContaining({
        kind: 'invalid',
        message: expect.stringMatching(/not a QTI 3\.0 item/),
      }),
    ]);
  });

  it('never throws, whatever an item file holds: each is read or reported with its file', () => {
    const exported = exportQti3({ bank: loadFixtureBank(article), article });
    const items = exported.files.filter((file) => file.path.startsWith('items/'));
    const damaged = fc.record({
      item: fc.constantFrom(...items),
      at: fc.nat(),
      cut: fc.nat({ max: 200 }),
      insert: fc.oneof(
        fc.string(),
        fc.constantFrom('<', '&', '<qti-upload-interaction/>', '<!DOCTYPE x>', '"', '</p>', '%'),
      ),
    });
    fc.assert(
      fc.property(damaged, ({ item, at, cut, insert }) => {
        const start = at % item.text.length;
        const text = item.text.slice(0, start) + insert + item.text.slice(start + cut);
        const imported = importFiles({
          'imsmanifest.xml': manifest(item.path),
          [item.path]: text,
        });
        expect(imported.questions.length + imported.report.length).toBeGreaterThan(0);
        for (const note of imported.report) expect(note.file).toBe(item.path);
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
