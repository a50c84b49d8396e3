/**
 * Readproof's ids are slugs (`a-1`, `2nd`); QTI identifiers are XML names, which cannot start with
 * a digit. A slug that does starts with `_`, which no slug holds, so the import can take it off.
 */
export function toIdentifier(slug: string): string {
  return /^[a-z_]/i.test(slug) ? slug : `_${slug}`;
}

/** A QTI identifier as a Readproof slug: ours come back unchanged, others are made slug-shaped. */
export function toSlug(identifier: string): string {
  const slug = identifier
    .replace(/^_/, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'item' : slug;
}

/** The identifiers of the two items a two-part question becomes. */
export const PART_SUFFIXES = { partA: '-part-a', partB: '-part-b' } as const;

/** The response variable of a cloze gap. */
export const GAP_RESPONSE_PREFIX = 'RESPONSE-';

/** The modal feedback that carries a question's explanation. */
export const EXPLANATION_FEEDBACK = 'EXPLANATION';
