import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from '../../src/domain/normalise-answer';

describe('normaliseAnswer', () => {
  it.each([
    ['Shadow Fleet', 'shadow fleet'],
    ['  shadow \t fleet  ', 'shadow fleet'],
    ['The shadow fleet', 'shadow fleet'],
    ['a ceasefire', 'ceasefire'],
    ['An incursion', 'incursion'],
    ['the the end', 'the end'],
    ['theatre', 'theatre'],
    ['A', 'a'],
    ['shadow fleet.', 'shadow fleet'],
    ['“shadow fleet”', 'shadow fleet'],
    ['"shadow fleet"', 'shadow fleet'],
    ['Moscow’s claims', 'moscows claims'],
    ["Moscow's claims", 'moscows claims'],
    ['U.S.', 'us'],
    ['US', 'us'],
    ['1,000', '1000'],
    ['30-day', '30 day'],
    ['Kremlin-affiliated', 'kremlin affiliated'],
    ['Kursk – Belgorod', 'kursk belgorod'],
    ['Zelensky, Putin', 'zelensky putin'],
    ['Kyïv', 'kyiv'],
    ['...', ''],
    ['', ''],
  ])('%j -> %j', (text, normalised) => {
    expect(normaliseAnswer(text)).toBe(normalised);
  });
});
