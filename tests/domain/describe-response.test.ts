import { describe, expect, it } from 'vitest';
import { describeResponse } from '../../src/domain/describe-response';
import type { PublicQuestion } from '../../src/domain/public-question';

const common = {
  id: 'q',
  prompt: 'Prompt',
  points: 1,
  skill: 'literal',
  difficulty: 1,
  number: 1,
} as const;
const options = [
  { id: 'a', text: 'Kurchatov' },
  { id: 'b', text: 'Belgorod' },
  { id: 'c', text: 'Kyiv' },
];

const cloze: PublicQuestion = {
  ...common,
  type: 'cloze',
  segments: [
    { kind: 'text', text: 'Putin traveled to the city of ' },
    { kind: 'gap', gapId: 'city', choices: ['Kyiv', 'Kurchatov', 'Belgorod'] },
    { kind: 'text', text: ' and toured the Kursk ' },
    { kind: 'gap', gapId: 'plant', choices: null },
    { kind: 'text', text: ' power plant' },
  ],
  maskedSentenceIds: ['p3.s1'],
};

describe('describeResponse', () => {
  const cases: [string, PublicQuestion, Parameters<typeof describeResponse>[1], string][] = [
    ['single', { ...common, type: 'single', options }, { choice: 'a' }, 'Kurchatov'],
    [
      'multiple',
      { ...common, type: 'multiple', options },
      { choices: ['c', 'a'] },
      'Kyiv; Kurchatov',
    ],
    [
      'judgement',
      { ...common, type: 'judgement', statement: 'S', choices: ['true', 'false', 'not-given'] },
      { choice: 'not-given' },
      'Not given',
    ],
    [
      'numeric with unit',
      { ...common, type: 'numeric', unit: 'drones' },
      { value: 63 },
      '63 drones',
    ],
    ['numeric', { ...common, type: 'numeric' }, { value: 0 }, '0'],
    ['short', { ...common, type: 'short' }, { text: 'demining' }, 'demining'],
    [
      'match',
      {
        ...common,
        type: 'match',
        left: [
          { id: 'l1', text: 'Refused a ceasefire' },
          { id: 'l2', text: 'Imposed sanctions' },
        ],
        right: [
          { id: 'putin', text: 'Putin' },
          { id: 'eu', text: 'The EU' },
        ],
      },
      { pairs: { l2: 'eu', l1: 'putin' } },
      'Refused a ceasefire → Putin; Imposed sanctions → The EU',
    ],
    [
      'order',
      { ...common, type: 'order', items: options },
      { order: ['b', 'a', 'c'] },
      '1. Belgorod 2. Kurchatov 3. Kyiv',
    ],
    [
      'evidence',
      { ...common, type: 'evidence', claim: 'C' },
      { sentences: ['p7.s1', 'p8.s2'] },
      'p7.s1 | p8.s2',
    ],
    [
      'two-part with one part answered',
      {
        ...common,
        type: 'two-part',
        partA: { type: 'single', prompt: 'A', points: 1, options },
        partB: { type: 'evidence', prompt: 'B', points: 1 },
      },
      { partA: { choice: 'b' } },
      'Part A: Belgorod / Part B: (no answer)',
    ],
    [
      'cloze, in the words of its text with each gap in brackets',
      cloze,
      { gaps: { plant: ' atomic ', city: 'Kurchatov' } },
      'Putin traveled to the city of [Kurchatov] and toured the Kursk [atomic] power plant',
    ],
    [
      'cloze with a gap left empty',
      cloze,
      { gaps: { plant: 'nuclear', city: '' } },
      'Putin traveled to the city of [ ] and toured the Kursk [nuclear] power plant',
    ],
  ];

  it.each(cases)('describes a %s answer in words', (_name, question, response, expected) => {
    expect(describeResponse(question, response)).toBe(expected);
  });

  it('describes an unanswered question as an empty string', () => {
    expect(describeResponse({ ...common, type: 'short' }, undefined)).toBe('');
    expect(describeResponse({ ...common, type: 'short' }, null)).toBe('');
    expect(describeResponse(cloze, { gaps: {} })).toBe('');
    expect(describeResponse(cloze, { gaps: { city: '', plant: '  ' } })).toBe('');
  });

  it('quotes evidence sentences when given their text', () => {
    const text = (id: string) => ({ 'p7.s1': 'A video released by the Kremlin…' })[id] ?? id;
    expect(
      describeResponse({ ...common, type: 'evidence', claim: 'C' }, { sentences: ['p7.s1'] }, text),
    ).toBe('A video released by the Kremlin…');
  });
});
