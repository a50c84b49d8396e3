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
