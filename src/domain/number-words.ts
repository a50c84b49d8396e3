// Beside plural.ts rather than in it: the reader's first load needs formatCount only, and these
// would come with it (they are used by the quiz, review and teacher pages).

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
