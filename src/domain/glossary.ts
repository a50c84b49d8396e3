/**
 * The article's glossary: words and phrases of the text with a definition for a secondary-school
 * reader, written in the article's front matter. Each term is marked at its first occurrence in
 * every paragraph (whole words, any case), so a reader finds it near wherever they are reading
 * without the text being underlined at every turn.
 */

/** One glossary entry, as the front matter gives it. */
export interface GlossaryEntry {
  /** A word or phrase of the article, as it is written there (any case). */
  term: string;
  /** Plain text for a secondary-school reader. */
  definition: string;
}

/** A glossary term marked in a sentence: offsets in the sentence's text (`end` exclusive). */
export interface GlossaryMark {
  start: number;
  end: number;
  /** The entry's index in the article's glossary. */
  entry: number;
}

/** The longest definition a glossary entry may have, in characters: a short popover's worth. */
export const GLOSSARY_DEFINITION_MAX_LENGTH = 300;
/** The longest term, in characters: a word or a short phrase. */
export const GLOSSARY_TERM_MAX_LENGTH = 60;

/** The text of a sentence, as the glossary needs it. */
interface MarkableSentence {
  id: string;
  text: string;
}

interface MarkableParagraph {
  sentences: MarkableSentence[];
}

/** How a term is compared with others: any case, one space between words, straight quotes. */
function normaliseTerm(term: string): string {
  return term.trim().replace(/\s+/g, ' ').replace(/[‘’]/g, "'").toLowerCase();
}

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
}

/**
 * The last word of a term with its regular English plural: `incursion` also finds `incursions`,
 * `ally` finds `allies`, `ceasefire` finds `ceasefires`, so an author writes the term once in the
 * form a reader would look it up by. Irregular plurals need an entry of their own.
 */
function withRegularPlural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${escapeWord(word.slice(0, -1))}(?:y|ies)`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${escapeWord(word)}(?:es)?`;
  if (/\p{L}$/u.test(word)) return `${escapeWord(word)}s?`;
  return escapeWord(word);
}

/**
 * Finds a term as whole words in any case: its spaces match any run of white space, a straight
 * or curly apostrophe matches either, so `Moscow's` finds `Moscow’s`, and its last word may be
 * in the plural.
 */
function termPattern(term: string): RegExp {
  const words = normaliseTerm(term).split(' ');
  const body = words
    .map((word, index) => (index === words.length - 1 ? withRegularPlural(word) : escapeWord(word)))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

export interface GlossaryMarking {
  /** The marks of each sentence that has any, by sentence id, in reading order. */
  marks: Map<string, GlossaryMark[]>;
  /** For each entry (by index): how often its term occurs, and how often it is marked. */
  counts: { occurrences: number; marked: number }[];
}

/**
 * Marks each term of `glossary` at its first occurrence in every paragraph. Where terms overlap
 * ("ceasefire" inside "ceasefire talks") the longer is marked and the shorter takes its next
 * occurrence in that paragraph, if any; marks never overlap.
 */
export function markGlossaryTerms(
  paragraphs: readonly MarkableParagraph[],
  glossary: readonly GlossaryEntry[],
): GlossaryMarking {
  const marks = new Map<string, GlossaryMark[]>();
  const counts = glossary.map(() => ({ occurrences: 0, marked: 0 }));
  const patterns = glossary.map((entry) => termPattern(entry.term));
  // Longer terms first, so a phrase is marked before a word inside it.
  const order = glossary
    .map((entry, index) => ({ index, length: normaliseTerm(entry.term).length }))
    .sort((a, b) => b.length - a.length || a.index - b.index)
    .map(({ index }) => index);

  for (const paragraph of paragraphs) {
    for (const entry of order) {
      const pattern = patterns[entry];
      const count = counts[entry];
      if (!pattern || !count) continue;
      let markedHere = false;
      for (const sentence of paragraph.sentences) {
        const taken = marks.get(sentence.id) ?? [];
        for (const match of sentence.text.matchAll(pattern)) {
          count.occurrences += 1;
          if (markedHere) continue;
          const start = match.index;
          const end = start + match[0].length;
          if (taken.some((mark) => start < mark.end && mark.start < end)) continue;
          taken.push({ start, end, entry });
          marks.set(sentence.id, taken);
          count.marked += 1;
          markedHere = true;
        }
      }
    }
  }
  for (const list of marks.values()) list.sort((a, b) => a.start - b.start);
  return { marks, counts };
}

/** A problem with one glossary entry, placed at its term. */
export interface GlossaryProblem {
  entry: number;
  message: string;
}

/**
 * What is wrong with a glossary against the article's text: terms given twice (in any case),
 * terms the text does not contain as whole words, and terms that only ever occur inside a longer
 * term (so they are never marked). Lengths are the schema's to check.
 */
export function checkGlossary(
  glossary: readonly GlossaryEntry[],
  counts: GlossaryMarking['counts'],
): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const firstByTerm = new Map<string, number>();
  glossary.forEach((entry, index) => {
    const key = normaliseTerm(entry.term);
    const first = firstByTerm.get(key);
    if (first !== undefined) {
      problems.push({
        entry: index,
        message: `The term "${entry.term}" is in the glossary twice (entry ${first + 1} is "${glossary[first]?.term}"). Keep one of them.`,
      });
      return;
    }
    firstByTerm.set(key, index);
    const count = counts[index];
    if (!count || count.occurrences === 0) {
      problems.push({
        entry: index,
        message: `The term "${entry.term}" is not in the article's text as a whole word or phrase (case does not matter). Write it as the article does, or remove the entry.`,
      });
    } else if (count.marked === 0) {
      problems.push({
        entry: index,
        message: `The term "${entry.term}" occurs only inside longer glossary terms, so it is never marked. Remove it, or the longer term.`,
      });
    }
  });
  return problems;
}
