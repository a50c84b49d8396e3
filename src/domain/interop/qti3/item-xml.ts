import { EXPLANATION_FEEDBACK } from './identifiers';
import { element, elementLines, QTI_NAMESPACE, textElement, xmlDocument } from './xml';

/** The pieces of a QTI 3.0 item that every question type's mapping writes with. */

type Cardinality = 'single' | 'multiple' | 'ordered';
type BaseType = 'identifier' | 'string' | 'float' | 'directedPair';

export interface Mapping {
  entries: { key: string; value: number }[];
  defaultValue: number;
  lowerBound?: number;
  upperBound?: number;
  caseSensitive: boolean;
}

function qtiValue(value: string | number): string {
  return textElement('qti-value', {}, String(value));
}

export function responseDeclaration(
  identifier: string,
  cardinality: Cardinality,
  baseType: BaseType,
  correct: readonly (string | number)[],
  mapping?: Mapping,
): string {
  const parts = [element('qti-correct-response', {}, ...correct.map(qtiValue))];
  if (mapping !== undefined) {
    parts.push(
      element(
        'qti-mapping',
        {
          'default-value': mapping.defaultValue,
          'lower-bound': mapping.lowerBound,
          'upper-bound': mapping.upperBound,
        },
        ...mapping.entries.map((entry) =>
          element('qti-map-entry', {
            'map-key': entry.key,
            'mapped-value': entry.value,
            'case-sensitive': mapping.caseSensitive,
          }),
        ),
      ),
    );
  }
  return element(
    'qti-response-declaration',
    { identifier, cardinality, 'base-type': baseType },
    ...parts,
  );
}

export function variable(identifier: string): string {
  return element('qti-variable', { identifier });
}

export function baseValue(baseType: BaseType | 'float', value: string | number): string {
  return textElement('qti-base-value', { 'base-type': baseType }, String(value));
}

/** The response is exactly the declared correct response. */
export function matchesCorrect(identifier: string): string {
  return element('qti-match', {}, variable(identifier), element('qti-correct', { identifier }));
}

export function mapResponse(identifier: string): string {
  return element('qti-map-response', { identifier });
}

export function setScore(expression: string): string {
  return element('qti-set-outcome-value', { identifier: 'SCORE' }, expression);
}

/** Full marks when `condition` holds, none otherwise. */
export function scoreWhen(condition: string, points: number): string {
  return element(
    'qti-response-condition',
    {},
    element('qti-response-if', {}, condition, setScore(baseValue('float', points))),
    element('qti-response-else', {}, setScore(baseValue('float', 0))),
  );
}

/** A paragraph of plain text. */
export function paragraph(text: string): string {
  return textElement('p', {}, text);
}

/** What a question type's mapping gives for one item: its response, interaction and scoring. */
export interface Interaction {
  declarations: string[];
  /** The item body's content for the interaction (with a statement or claim it shows). */
  body: string;
  /** Response rules that set SCORE. */
  scoring: string;
  /** Feedback for each choice, by choice identifier: shown when the response holds the choice. */
  feedback: Record<string, string>;
  /** What the item leaves behind, in words a teacher understands. */
  losses: string[];
}

/** One item of the package, before it is written. */
export interface ItemDraft {
  identifier: string;
  title: string;
  points: number;
  /** Paragraphs above the interaction (a two-part question's own prompt). */
  lead: string[];
  interaction: Interaction;
  explanation: string;
}

export interface StimulusRef {
  identifier: string;
  href: string;
  title: string;
}

function outcomeDeclarations(points: number): string[] {
  const withDefault = (identifier: string, value: number) =>
    element(
      'qti-outcome-declaration',
      { identifier, cardinality: 'single', 'base-type': 'float' },
      element('qti-default-value', {}, qtiValue(value)),
    );
  return [
    withDefault('SCORE', 0),
    withDefault('MAXSCORE', points),
    element('qti-outcome-declaration', {
      identifier: 'FEEDBACK',
      cardinality: 'multiple',
      'base-type': 'identifier',
    }),
  ];
}

function modalFeedback(identifier: string, text: string): string {
  return element(
    'qti-modal-feedback',
    { 'outcome-identifier': 'FEEDBACK', identifier, 'show-hide': 'show' },
    element('qti-content-body', {}, paragraph(text)),
  );
}

/**
 * The item's XML. FEEDBACK holds the chosen choices (whose feedback is shown) and EXPLANATION, so
 * the explanation is shown after every attempt, as Readproof's review shows it.
 */
export function writeItem(draft: ItemDraft, stimulus: StimulusRef, language: string): string {
  const { interaction } = draft;
  const feedbackIds = Object.keys(interaction.feedback);
  const feedbackValue = element(
    'qti-multiple',
    {},
    ...(feedbackIds.length > 0 ? [variable('RESPONSE')] : []),
    baseValue('identifier', EXPLANATION_FEEDBACK),
  );
  return xmlDocument(
    elementLines(
      'qti-assessment-item',
      {
        xmlns: QTI_NAMESPACE,
        identifier: draft.identifier,
        title: draft.title,
        adaptive: false,
        'time-dependent': false,
        'xml:lang': language,
      },
      ...interaction.declarations,
      ...outcomeDeclarations(draft.points),
      element('qti-assessment-stimulus-ref', { ...stimulus }),
      elementLines('qti-item-body', {}, ...draft.lead.map(paragraph), interaction.body),
      elementLines(
        'qti-response-processing',
        {},
        interaction.scoring,
        element('qti-set-outcome-value', { identifier: 'FEEDBACK' }, feedbackValue),
      ),
      ...Object.entries(interaction.feedback).map(([id, text]) => modalFeedback(id, text)),
      ...(draft.explanation.trim() === ''
        ? []
        : [modalFeedback(EXPLANATION_FEEDBACK, draft.explanation)]),
    ),
  );
}
