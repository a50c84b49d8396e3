/** Marks that join the parts of one word or number: `U.S.`, `Moscow's`, `1,000`. Removed outright. */
const JOINING_MARKS = /['.,]/g;
/** Every other punctuation mark or symbol separates words: `30-day`, `and/or`, `Kursk; Russia`. */
const SEPARATING_MARKS = /[\p{P}\p{S}]+/gu;
const LEADING_ARTICLE = /^(?:the|an|a) /;

/**
 * Reduces a typed answer to the form accepted answers are compared in: letters without accents,
 * lower case, straight quotes, word-joining marks (apostrophes, full stops, commas) dropped, other
 * punctuation read as a space, white space collapsed, and one leading "the", "a" or "an" dropped.
 * So "The  U.S.", "the US" and "US" are the same answer, and "thirty-day" is "thirty day".
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’‛′`´]/g, "'")
    .replace(JOINING_MARKS, '')
    .replace(SEPARATING_MARKS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEADING_ARTICLE, '');
}
