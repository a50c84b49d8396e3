import type { Article } from '../../article';
import type { StimulusRef } from './item-xml';
import { baseValue, paragraph, variable } from './item-xml';
import {
  element,
  elementLines,
  MANIFEST_NAMESPACE,
  QTI_NAMESPACE,
  textElement,
  xmlDocument,
} from './xml';

/** The package around the items: the article as a shared stimulus, the test, and the manifest. */

export const MANIFEST_PATH = 'imsmanifest.xml';
export const STIMULUS_PATH = 'article.xml';
export const TEST_PATH = 'test.xml';
export const ITEMS_FOLDER = 'items/';

export const RESOURCE_TYPES = {
  item: 'imsqti_item_xmlv3p0',
  stimulus: 'imsqti_stimulus_xmlv3p0',
  test: 'imsqti_test_xmlv3p0',
} as const;

function stimulusIdentifier(article: Article): string {
  return `article-${article.meta.id}`;
}

/** How an item in `items/` names the stimulus. */
export function stimulusRef(article: Article): StimulusRef {
  return {
    identifier: stimulusIdentifier(article),
    href: `../${STIMULUS_PATH}`,
    title: article.meta.title,
  };
}

/** The article's headings and paragraphs, as plain HTML inside the stimulus body. */
export function writeStimulus(article: Article): string {
  const blocks = article.sections.flatMap((section) => [
    ...(section.heading === null ? [] : [textElement('h2', {}, section.heading)]),
    ...section.paragraphIds.flatMap((paragraphId) => {
      const found = article.paragraphs.find((candidate) => candidate.id === paragraphId);
      return found === undefined ? [] : [paragraph(found.text)];
    }),
  ]);
  return xmlDocument(
    elementLines(
      'qti-assessment-stimulus',
      {
        xmlns: QTI_NAMESPACE,
        identifier: stimulusIdentifier(article),
        title: article.meta.title,
        'xml:lang': article.meta.language,
      },
      elementLines('qti-stimulus-body', {}, textElement('h1', {}, article.meta.title), ...blocks),
    ),
  );
}

export interface PackagedItem {
  identifier: string;
  path: string;
}

/** Allows for the binary fractions a partial-credit mapping adds up to (1/3 + 1/3 + 1/3). */
const FLOAT_ALLOWANCE = 1e-9;

function addToScore(...expressions: string[]): string {
  return element(
    'qti-set-outcome-value',
    { identifier: 'SCORE' },
    element('qti-sum', {}, variable('SCORE'), ...expressions),
  );
}

/**
 * The test's SCORE, question by question: an item's own score, or for a two-part question
 * (its items in order, Part A first) both parts' scores only when Part A earned all its points,
 * as Readproof scores it. Each item's own SCORE cannot say that; the test's total does.
 */
function scoreQuestion(items: readonly PackagedItem[]): string {
  const [first, ...rest] = items;
  if (first === undefined) return '';
  const scoreOf = (item: PackagedItem) => variable(`${item.identifier}.SCORE`);
  if (rest.length === 0) return addToScore(scoreOf(first));
  const firstRight = element(
    'qti-gte',
    {},
    element('qti-sum', {}, scoreOf(first), baseValue('float', FLOAT_ALLOWANCE)),
    variable(`${first.identifier}.MAXSCORE`),
  );
  return element(
    'qti-outcome-condition',
    {},
    element('qti-outcome-if', {}, firstRight, addToScore(...items.map(scoreOf))),
  );
}

/**
 * One section holding every item in the bank's order, as a teacher would deliver it, and the
 * test's SCORE as Readproof totals the questions (`questions` lists each question's items).
 */
export function writeTest(
  identifier: string,
  title: string,
  questions: readonly (readonly PackagedItem[])[],
): string {
  return xmlDocument(
    elementLines(
      'qti-assessment-test',
      { xmlns: QTI_NAMESPACE, identifier, title },
      element(
        'qti-outcome-declaration',
        { identifier: 'SCORE', cardinality: 'single', 'base-type': 'float' },
        element('qti-default-value', {}, textElement('qti-value', {}, '0')),
      ),
      elementLines(
        'qti-test-part',
        { identifier: 'part-1', 'navigation-mode': 'nonlinear', 'submission-mode': 'simultaneous' },
        elementLines(
          'qti-assessment-section',
          { identifier: 'section-1', title, visible: true },
          ...questions
            .flat()
            .map((item) =>
              element('qti-assessment-item-ref', { identifier: item.identifier, href: item.path }),
            ),
        ),
      ),
      elementLines(
        'qti-outcome-processing',
        {},
        element('qti-set-outcome-value', { identifier: 'SCORE' }, baseValue('float', 0)),
        ...questions.map(scoreQuestion),
      ),
    ),
  );
}

function resource(
  identifier: string,
  type: string,
  href: string,
  dependencies: readonly string[],
): string {
  return element(
    'resource',
    { identifier, type, href },
    element('file', { href }),
    ...dependencies.map((dependency) => element('dependency', { identifierref: dependency })),
  );
}

/** Prefixed, so no item's resource can share an identifier with the test's or the article's. */
function itemResource(item: PackagedItem): string {
  return `item-${item.identifier}`;
}

/** The manifest: the test depends on every item, and every item on the shared stimulus. */
export function writeManifest(identifier: string, article: Article, items: PackagedItem[]): string {
  const stimulus = stimulusIdentifier(article);
  const testResource = `test-${identifier}`;
  return xmlDocument(
    elementLines(
      'manifest',
      { xmlns: MANIFEST_NAMESPACE, identifier: `manifest-${identifier}` },
      element(
        'metadata',
        {},
        textElement('schema', {}, 'QTI Package'),
        textElement('schemaversion', {}, '3.0.0'),
      ),
      element('organizations', {}),
      elementLines(
        'resources',
        {},
        resource(
          testResource,
          RESOURCE_TYPES.test,
          TEST_PATH,
          items.map((item) => itemResource(item)),
        ),
        resource(stimulus, RESOURCE_TYPES.stimulus, STIMULUS_PATH, []),
        ...items.map((item) =>
          resource(itemResource(item), RESOURCE_TYPES.item, item.path, [stimulus]),
        ),
      ),
    ),
  );
}
