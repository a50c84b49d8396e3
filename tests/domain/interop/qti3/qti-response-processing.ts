import {
  childElements,
  firstChild,
  plainText,
  type XmlElement,
} from '../../../../src/domain/interop/qti3/xml';

/**
 * A small evaluator of QTI 3.0 response processing, written for these tests: ours, not an
 * independent implementation (the independent one the issue names, @citolab/qti-components, is
 * GPL-3.0 and not installed). It follows the QTI 3.0 definitions of only the operators the export
 * writes, and throws on any other, so an export that starts using one fails the tests until it is
 * evaluated here too.
 */

type Scalar = string | number | boolean;
export type QtiValue =
  | null
  | { cardinality: 'single'; value: Scalar }
  | { cardinality: 'multiple' | 'ordered'; values: Scalar[] };

interface Declaration {
  cardinality: 'single' | 'multiple' | 'ordered';
  baseType: string;
  correct: string[];
  mapping?: XmlElement;
}

function readDeclarations(item: XmlElement): Map<string, Declaration> {
  const declarations = new Map<string, Declaration>();
  for (const element of childElements(item, 'qti-response-declaration')) {
    const correct = firstChild(element, 'qti-correct-response');
    declarations.set(element.attributes.identifier ?? '', {
      cardinality: (element.attributes.cardinality ?? 'single') as Declaration['cardinality'],
      baseType: element.attributes['base-type'] ?? 'identifier',
      correct:
        correct === undefined
          ? []
          : childElements(correct, 'qti-value').map((value) => plainText(value)),
      mapping: firstChild(element, 'qti-mapping'),
    });
  }
  return declarations;
}

function typed(baseType: string, text: string): Scalar {
  return baseType === 'float' || baseType === 'integer' ? Number(text) : text;
}

function isEmpty(value: QtiValue): boolean {
  return value === null || (value.cardinality !== 'single' && value.values.length === 0);
}

function scalarOf(value: QtiValue): Scalar | null {
  if (value === null || value.cardinality !== 'single') return null;
  return value.value;
}

function valuesOf(value: QtiValue): Scalar[] {
  if (value === null) return [];
  return value.cardinality === 'single' ? [value.value] : value.values;
}

/** A container, NULL when empty as QTI holds it. */
function container(cardinality: 'multiple' | 'ordered', values: Scalar[]): QtiValue {
  return values.length === 0 ? null : { cardinality, values };
}

/**
 * Runs a document's processing (an item's response processing, a test's outcome processing) and
 * returns its outcomes. `given` holds what it reads but does not declare as an outcome: an item's
 * responses, or the items' outcomes (`item.SCORE`) a test reads.
 */
function runProcessing(
  document: XmlElement,
  processingName: 'qti-response-processing' | 'qti-outcome-processing',
  given: ReadonlyMap<string, QtiValue>,
): Map<string, QtiValue> {
  const declarations = readDeclarations(document);
  const outcomes = new Map<string, QtiValue>();
  for (const outcome of childElements(document, 'qti-outcome-declaration')) {
    const fallback = firstChild(outcome, 'qti-default-value');
    const value = fallback && firstChild(fallback, 'qti-value');
    outcomes.set(
      outcome.attributes.identifier ?? '',
      value === undefined ? null : { cardinality: 'single', value: Number(plainText(value)) },
    );
  }
  const read = (identifier: string): QtiValue =>
    outcomes.has(identifier) ? (outcomes.get(identifier) ?? null) : (given.get(identifier) ?? null);

  const evaluate = (expression: XmlElement): QtiValue => {
    const operands = childElements(expression).map(evaluate);
    switch (expression.name) {
      case 'qti-base-value':
        return {
          cardinality: 'single',
          value: typed(expression.attributes['base-type'] ?? 'string', plainText(expression)),
        };
      case 'qti-variable':
        return read(expression.attributes.identifier ?? '');
      case 'qti-correct': {
        const declaration = declarations.get(expression.attributes.identifier ?? '');
        if (declaration === undefined) return null;
        const values = declaration.correct.map((text) => typed(declaration.baseType, text));
        return declaration.cardinality === 'single'
          ? { cardinality: 'single', value: values[0] ?? '' }
          : { cardinality: declaration.cardinality, values };
      }
      case 'qti-match': {
        const [left, right] = operands;
        if (left === undefined || right === undefined || left === null || right === null)
          return null;
        if (isEmpty(left) || isEmpty(right)) return null;
        if (left.cardinality === 'ordered') {
          const a = valuesOf(left);
          const b = valuesOf(right);
          return {
            cardinality: 'single',
            value: a.length === b.length && a.every((value, index) => value === b[index]),
          };
        }
        const a = new Set(valuesOf(left));
        const b = new Set(valuesOf(right));
        return {
          cardinality: 'single',
          value: a.size === b.size && [...a].every((value) => b.has(value)),
        };
      }
      case 'qti-map-response': {
        const identifier = expression.attributes.identifier ?? '';
        const declaration = declarations.get(identifier);
        const mapping = declaration?.mapping;
        if (mapping === undefined) throw new Error(`No mapping for ${identifier}`);
        const defaultValue = Number(mapping.attributes['default-value'] ?? 0);
        const entries = childElements(mapping, 'qti-map-entry');
        const response = read(identifier);
        const mapOne = (given: Scalar): number => {
          const entry = entries.find((candidate) => {
            const key = candidate.attributes['map-key'] ?? '';
            return candidate.attributes['case-sensitive'] === 'false'
              ? key.toLowerCase() === String(given).toLowerCase()
              : key === String(given);
          });
          return entry === undefined ? defaultValue : Number(entry.attributes['mapped-value']);
        };
        // A container's distinct values are each mapped once; a NULL single value maps to the
        // default (QTI 3.0, mapResponse).
        const given = response === null ? [] : [...new Set(valuesOf(response))];
        let total =
          response === null && declaration?.cardinality === 'single'
            ? defaultValue
            : given.reduce<number>((sum, value) => sum + mapOne(value), 0);
        const lower = mapping.attributes['lower-bound'];
        const upper = mapping.attributes['upper-bound'];
        if (lower !== undefined) total = Math.max(Number(lower), total);
        if (upper !== undefined) total = Math.min(Number(upper), total);
        return { cardinality: 'single', value: total };
      }
      case 'qti-equal': {
        const [left, right] = operands.map(scalarOf);
        if (left === null || left === undefined || right === null || right === undefined)
          return null;
        const a = Number(left);
        const b = Number(right);
        const mode = expression.attributes['tolerance-mode'] ?? 'exact';
        if (mode === 'exact') return { cardinality: 'single', value: a === b };
        if (mode !== 'absolute') throw new Error(`tolerance-mode ${mode} is not evaluated`);
        const [below = 0, above = below] = (expression.attributes.tolerance ?? '0')
          .trim()
          .split(/\s+/)
          .map(Number);
        const includeLower = expression.attributes['include-lower-bound'] !== 'false';
        const includeUpper = expression.attributes['include-upper-bound'] !== 'false';
        const low = b - below;
        const high = b + above;
        return {
          cardinality: 'single',
          value: (includeLower ? a >= low : a > low) && (includeUpper ? a <= high : a < high),
        };
      }
      case 'qti-gt':
      case 'qti-gte': {
        const [left, right] = operands.map(scalarOf);
        if (left === null || left === undefined || right === null || right === undefined)
          return null;
        const [a, b] = [Number(left), Number(right)];
        return { cardinality: 'single', value: expression.name === 'qti-gt' ? a > b : a >= b };
      }
      case 'qti-sum': {
        if (operands.some((operand) => operand === null)) return null;
        return {
          cardinality: 'single',
          value: operands.reduce((sum, operand) => sum + Number(scalarOf(operand)), 0),
        };
      }
      case 'qti-and': {
        const values = operands.map(scalarOf);
        if (values.some((value) => value === false)) return { cardinality: 'single', value: false };
        if (values.some((value) => value === null)) return null;
        return { cardinality: 'single', value: true };
      }
      case 'qti-ordered':
        return container('ordered', operands.flatMap(valuesOf));
      case 'qti-delete': {
        const [value, from] = operands;
        if (value === undefined || from === undefined || value === null || from === null)
          return null;
        const removed = scalarOf(value);
        return container(
          from.cardinality === 'single' ? 'multiple' : from.cardinality,
          valuesOf(from).filter((entry) => entry !== removed),
        );
      }
      case 'qti-multiple':
        return container('multiple', operands.flatMap(valuesOf));
      default:
        throw new Error(`<${expression.name}> is not evaluated by these tests`);
    }
  };

  /** Runs rules in order; a condition runs the first branch whose test is true. */
  const run = (rules: XmlElement[]): void => {
    for (const rule of rules) {
      if (rule.name === 'qti-set-outcome-value') {
        const [expression] = childElements(rule);
        if (expression === undefined) throw new Error('qti-set-outcome-value without a value');
        outcomes.set(rule.attributes.identifier ?? '', evaluate(expression));
      } else if (rule.name === 'qti-response-condition' || rule.name === 'qti-outcome-condition') {
        for (const branch of childElements(rule)) {
          if (branch.name === 'qti-response-else' || branch.name === 'qti-outcome-else') {
            run(childElements(branch));
            break;
          }
          const [test, ...body] = childElements(branch);
          if (test !== undefined && scalarOf(evaluate(test)) === true) {
            run(body);
            break;
          }
        }
      } else {
        throw new Error(`<${rule.name}> is not evaluated by these tests`);
      }
    }
  };

  const processing = firstChild(document, processingName);
  if (processing === undefined) throw new Error(`No ${processingName}`);
  run(childElements(processing));
  return outcomes;
}

function numberOf(value: QtiValue | undefined): number {
  return Number(scalarOf(value ?? null) ?? 0);
}

/** An item's SCORE and MAXSCORE for the responses (response variable id to value). */
export function evaluateItem(
  item: XmlElement,
  responses: ReadonlyMap<string, QtiValue>,
): { score: number; maxScore: number } {
  const outcomes = runProcessing(item, 'qti-response-processing', responses);
  return { score: numberOf(outcomes.get('SCORE')), maxScore: numberOf(outcomes.get('MAXSCORE')) };
}

/** A test's SCORE from its outcome processing, given each item's SCORE and MAXSCORE by item id. */
export function evaluateTestScore(
  test: XmlElement,
  items: ReadonlyMap<string, { score: number; maxScore: number }>,
): number {
  const given = new Map<string, QtiValue>();
  for (const [identifier, { score, maxScore }] of items) {
    given.set(`${identifier}.SCORE`, { cardinality: 'single', value: score });
    given.set(`${identifier}.MAXSCORE`, { cardinality: 'single', value: maxScore });
  }
  return numberOf(runProcessing(test, 'qti-outcome-processing', given).get('SCORE'));
}
