export type NumberInput =
  { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; message: string };

const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d{1,2}$/;

/** Lower-cased, and a plural's final "s" dropped, so "Days", "day" and "days" compare equal. */
function unitForm(unit: string): string {
  const lower = unit.toLowerCase();
  return lower.length > 2 && lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

/**
 * `text` without a trailing copy of the question's own unit ("83%", "83 %", "1,200 km" where the
 * unit is "km", "1 day" where it is "days"), or `text` unchanged. Only the question's unit goes:
 * another word after the number is still a mistake to explain, not a unit to ignore.
 */
function withoutOwnUnit(text: string, unit: string | undefined): string {
  const wanted = unit?.trim();
  if (!wanted) return text;
  const match = /^(.*\d)\s*(\S.*)$/.exec(text);
  if (!match?.[1] || !match[2]) return text;
  return unitForm(match[2].trim()) === unitForm(wanted) ? match[1] : text;
}

/**
 * Reads what a student typed in a number field. Digits with an optional sign, decimal point and
 * thousands commas ("1,200") are numbers, and so are they followed by the question's own unit
 * (`unit`: "83%" or "83 %" when the unit is "%", in any case, singular or plural), since the
 * student only repeated what the box already says. Anything else gets a message that says what
 * to change.
 */
export function parseNumberInput(raw: string, unit?: string): NumberInput {
  const text = withoutOwnUnit(raw.trim().replace(/\u2212/g, '-'), unit);
  if (text === '') return { kind: 'empty' };
  if (NUMBER.test(text) && /\d/.test(text)) {
    return { kind: 'number', value: Number(text.replace(/,/g, '')) };
  }
  if (DECIMAL_COMMA.test(text)) {
    return { kind: 'invalid', message: 'Use a point for decimals: 2.5, not 2,5.' };
  }
  if (!/\d/.test(text)) {
    return { kind: 'invalid', message: 'Type the number in digits, like 30, not in words.' };
  }
  if (/\p{L}|%/u.test(text)) {
    return {
      kind: 'invalid',
      message: unit
        ? `Type just the number, like 30, or the number and ${unit}.`
        : 'Type only the number, without words or units.',
    };
  }
  return { kind: 'invalid', message: 'That is not one number. Type digits only, like 30 or 2.5.' };
}
