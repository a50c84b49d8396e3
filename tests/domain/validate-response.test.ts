import { describe, expect, it } from 'vitest';
import type { ResolvedQuestion } from '../../src/domain/resolved-bank';
import { isAnswered, validateResponse } from '../../src/domain/validate-response';
import { article, fixtureQuestion } from './fixtures/engine-questions';

const single = fixtureQuestion('fx-single', 'single');
const multiple = fixtureQuestion('fx-multiple', 'multiple');
const judgement = fixtureQuestion('fx-judgement', 'judgement');
const numeric = fixtureQuestion('fx-numeric', 'numeric');
const short = fixtureQuestion('fx-short', 'short');
const match = fixtureQuestion('fx-match', 'match');
const order = fixtureQuestion('fx-order', 'order');
const evidence = fixtureQuestion('fx-evidence', 'evidence');
const twoPart = fixtureQuestion('fx-two-part', 'two-part');
const twoPartMultiple = fixtureQuestion('fx-two-part-multiple', 'two-part');
const cloze = fixtureQuestion('fx-cloze', 'cloze');

describe('validateResponse accepts', () => {
  it.each<[string, ResolvedQuestion, unknown]>([
    ['single', single, { choice: 'kurchatov' }],
    ['multiple', multiple, { choices: ['ria', 'eu'] }],
    ['an empty multiple selection (cleared)', multiple, { choices: [] }],
    ['judgement', judgement, { choice: 'not-given' }],
    ['numeric', numeric, { value: 199.5 }],
    ['a negative number', numeric, { value: -3 }],
    ['short', short, { text: 'shadow fleet' }],
    [
      'match, with a right item used twice',
      match,
      { pairs: { continuing: 'trump', open: 'trump' } },
    ],
    ['order', order, { order: ['visit', 'call', 'incursion', 'disclosed'] }],
    ['evidence', evidence, { sentences: ['p8.s2', 'p1.s1'] }],
    ['two-part', twoPart, { partA: { choice: 'leverage' }, partB: { sentences: ['p10.s1'] } }],
    ['two-part with Part A only', twoPart, { partA: { choice: 'leverage' } }],
    ['two-part with nothing yet', twoPart, {}],
    ['cloze', cloze, { gaps: { city: 'Kurchatov', plant: 'atomic' } }],
    ['cloze, any text in a typed gap', cloze, { gaps: { plant: 'a coal-fired power' } }],
    ['cloze with a drop-down cleared and a gap left out', cloze, { gaps: { city: '' } }],
    ['cloze with no gap answered yet', cloze, { gaps: {} }],
  ])('%s', (_name, question, response) => {
    expect(validateResponse(question, response, article)).toEqual({ ok: true, response });
  });

  it('returns a copy, not the object it was given', () => {
    const response = { choices: ['ria'] };
    const validation = validateResponse(multiple, response, article);
    expect(validation.ok && validation.response).not.toBe(response);
    expect(
      validation.ok && 'choices' in validation.response && validation.response.choices,
    ).not.toBe(response.choices);
  });
});

describe('validateResponse rejects, saying why and where', () => {
  it.each<[string, ResolvedQuestion, unknown, RegExp, (string | number)[]]>([
    ['no object at all', single, 'kurchatov', /single response is an object: \{ "choice"/, []],
    ['null', single, null, /single response is an object/, []],
    ['a list', multiple, ['ria'], /multiple response is an object/, []],
    [
      'the field of another type',
      single,
      { choices: ['kurchatov'] },
      /"choices" is not part of a single response/,
      ['choices'],
    ],
    [
      'an extra field',
      single,
      { choice: 'kurchatov', correct: true },
      /"correct" is not part/,
      ['correct'],
    ],
    ['a missing field', numeric, {}, /"value" is missing/, ['value']],
    [
      'an unknown option',
      single,
      { choice: 'moscow' },
      /"moscow" is not an option of this question; its options are "kurchatov", "belgorod", "kyiv", "none"/,
      ['choice'],
    ],
    [
      'an option id that is not a string',
      single,
      { choice: 1 },
      /Expected a string, got number 1/,
      ['choice'],
    ],
    [
      'choices that are not a list',
      multiple,
      { choices: 'ria' },
      /Expected a list of ids, got the string "ria"/,
      ['choices'],
    ],
    [
      'an unknown option among choices',
      multiple,
      { choices: ['ria', 'bbc'] },
      /"bbc" is not an option/,
      ['choices', 1],
    ],
    [
      'a duplicate choice',
      multiple,
      { choices: ['ria', 'eu', 'ria'] },
      /"ria" is listed twice/,
      ['choices', 2],
    ],
    [
      'a judgement that is not one',
      judgement,
      { choice: 'maybe' },
      /"maybe" is not a judgement; answer "true", "false", "not-given"/,
      ['choice'],
    ],
    [
      'a boolean judgement',
      judgement,
      { choice: true },
      /Expected a string, got boolean true/,
      ['choice'],
    ],
    [
      'a number as a string',
      numeric,
      { value: '200' },
      /"value" must be a number, not the string "200"/,
      ['value'],
    ],
    [
      'a padded number as a string',
      numeric,
      { value: ' 200 ' },
      /not the string " 200 "/,
      ['value'],
    ],
    ['NaN', numeric, { value: Number.NaN }, /must be a finite number, not NaN/, ['value']],
    [
      'Infinity',
      numeric,
      { value: Number.POSITIVE_INFINITY },
      /must be a finite number, not Infinity/,
      ['value'],
    ],
    [
      'a text that is not a string',
      short,
      { text: 5 },
      /Expected a string, got number 5/,
      ['text'],
    ],
    [
      'a text too long',
      short,
      { text: 'x'.repeat(501) },
      /501 characters long; the most allowed is 500/,
      ['text'],
    ],
    [
      'pairs that are a list',
      match,
      { pairs: [['continuing', 'zelensky']] },
      /"pairs" must be an object from left item id to right item id, not a list/,
      ['pairs'],
    ],
    [
      'an unknown left item',
      match,
      { pairs: { putin: 'zelensky' } },
      /"putin" is not a left-hand item of this question; they are "continuing", "open", "shot-down"/,
      ['pairs', 'putin'],
    ],
    [
      'an unknown right item',
      match,
      { pairs: { open: 'putin' } },
      /"putin" is not a right-hand item/,
      ['pairs', 'open'],
    ],
    [
      'a right item that is not a string',
      match,
      { pairs: { open: null } },
      /Expected a string, got null/,
      ['pairs', 'open'],
    ],
    [
      'an order missing items',
      order,
      { order: ['call', 'visit'] },
      /leaves out "incursion", "disclosed"/,
      ['order'],
    ],
    [
      'an order with an item twice',
      order,
      { order: ['call', 'visit', 'call', 'incursion', 'disclosed'] },
      /"call" is listed twice/,
      ['order', 2],
    ],
    [
      'an order with an unknown item',
      order,
      { order: ['call', 'visit', 'incursion', 'disclosed', 'sanctions'] },
      /"sanctions" is not an item of this question/,
      ['order', 4],
    ],
    [
      'an empty order',
      order,
      { order: [] },
      /leaves out "incursion", "call", "visit", "disclosed"/,
      ['order'],
    ],
    [
      'a sentence not in the article',
      evidence,
      { sentences: ['p8.s2', 'p18.s1'] },
      /"p18.s1" is not a sentence of the article/,
      ['sentences', 1],
    ],
    [
      'a paragraph id for a sentence id',
      evidence,
      { sentences: ['p8'] },
      /"p8" is not a sentence/,
      ['sentences', 0],
    ],
    [
      'a duplicate sentence',
      evidence,
      { sentences: ['p8.s2', 'p8.s2'] },
      /"p8.s2" is listed twice/,
      ['sentences', 1],
    ],
    [
      'a two-part response without parts',
      twoPart,
      { choice: 'leverage' },
      /"choice" is not part of a two-part response/,
      ['choice'],
    ],
    [
      'a Part A of the wrong type',
      twoPart,
      { partA: { sentences: ['p10.s1'] } },
      /"sentences" is not part of a single response/,
      ['partA', 'sentences'],
    ],
    [
      'a Part A with an unknown option',
      twoPart,
      { partA: { choice: 'kurchatov' } },
      /"kurchatov" is not an option/,
      ['partA', 'choice'],
    ],
    [
      'a Part B sentence not in the article',
      twoPart,
      { partB: { sentences: ['p99.s9'] } },
      /"p99.s9" is not a sentence/,
      ['partB', 'sentences', 0],
    ],
    [
      'a Part B option of Part A',
      twoPartMultiple,
      { partB: { choice: 'washington' } },
      /"washington" is not an option of this question; its options are "proposed-by"/,
      ['partB', 'choice'],
    ],
    [
      'a cloze response without gaps',
      cloze,
      { text: 'nuclear' },
      /"text" is not part of a cloze response/,
      ['text'],
    ],
    ['a cloze response with "gaps" missing', cloze, {}, /"gaps" is missing/, ['gaps']],
    [
      'gaps that are a list',
      cloze,
      { gaps: ['Kurchatov', 'nuclear'] },
      /"gaps" must be an object from gap id to its answer, not a list/,
      ['gaps'],
    ],
    [
      'an unknown gap',
      cloze,
      { gaps: { town: 'Kurchatov' } },
      /"town" is not a gap of this question; its gaps are "city", "plant"/,
      ['gaps', 'town'],
    ],
    [
      'a drop-down answer that is not one of its choices',
      cloze,
      { gaps: { city: 'Moscow' } },
      /"Moscow" is not a choice of gap "city"; its choices are "Belgorod", "Kurchatov", "Kyiv"/,
      ['gaps', 'city'],
    ],
    [
      'a drop-down choice in another case',
      cloze,
      { gaps: { city: 'kurchatov' } },
      /"kurchatov" is not a choice of gap "city"/,
      ['gaps', 'city'],
    ],
    [
      'a gap answer that is not a string',
      cloze,
      { gaps: { plant: 5 } },
      /Expected a string, got number 5/,
      ['gaps', 'plant'],
    ],
    [
      'a typed gap too long',
      cloze,
      { gaps: { plant: 'x'.repeat(501) } },
      /501 characters long; the most allowed is 500/,
      ['gaps', 'plant'],
    ],
  ])('%s', (_name, question, response, message, path) => {
    const validation = validateResponse(question, response, article);
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.message).toMatch(message);
    expect(validation.path).toEqual(path);
  });
});

describe('isAnswered', () => {
  it.each([
    [undefined, false],
    [null, false],
    [{ choice: 'a' }, true],
    [{ choices: [] }, false],
    [{ choices: ['a'] }, true],
    [{ value: 0 }, true],
    [{ text: ' ' }, false],
    [{ text: 'x' }, true],
    [{ pairs: {} }, false],
    [{ pairs: { a: 'b' } }, true],
    [{ order: [] }, false],
    [{ order: ['a'] }, true],
    [{ sentences: [] }, false],
    [{ sentences: ['p1.s1'] }, true],
    [{}, false],
    [{ partA: { choice: 'a' } }, false],
    [{ partA: { choice: 'a' }, partB: { sentences: [] } }, false],
    [{ partA: { choice: 'a' }, partB: { sentences: ['p1.s1'] } }, true],
    [{ gaps: {} }, false],
    [{ gaps: { a: '', b: '  ' } }, false],
    [{ gaps: { a: '', b: 'x' } }, true],
  ])('%j: %s', (response, answered) => {
    expect(isAnswered(response)).toBe(answered);
  });
});
