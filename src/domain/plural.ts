/**
 * A count with its noun in the right number: "1 question", "15 questions", "1 attempt left". Every
 * count a person reads goes through here, so no page says "1 days" or "attempt(s)". English
 * plurals that are not the singular plus "s" are passed in: `formatCount(n, 'child', 'children')`.
 */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** The verb that agrees with a count: "1 of 15 questions has", "3 of 15 questions have". */
export function agreeWith(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}

/** A position in words a person reads: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd. */
export function formatOrdinal(position: number): string {
  const lastTwo = position % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${position}th`;
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[position % 10] ?? 'th';
  return `${position}${suffix}`;
}

/**
 * A number with its unit as a person writes it: "1 day" (a bank's "days" after 1), "30 days",
 * "83%" (a symbol without a space), "63 drones". The unit is written in the plural in a bank.
 */
export function formatQuantity(value: number, unit: string | undefined): string {
  if (unit === undefined || unit === '') return String(value);
  if (/^[%‰°]/.test(unit)) return `${value}${unit}`;
  const singular = value === 1 && /^[a-z]+s$/i.test(unit) && !/ss$/i.test(unit);
  return `${value} ${singular ? unit.slice(0, -1) : unit}`;
}
