import type { SelectedText } from '../domain/highlights';

/** Text inside a sentence's element that is not the sentence's own words. */
const NOT_SENTENCE_TEXT = '.visually-hidden, .glossary-definition';

function sentenceElementOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('[data-sentence-id]') ?? null;
}

/**
 * The offset in the sentence's text of a point in its element: the length of the sentence's own
 * words before it (marks, glossary buttons and their hidden labels split the text into pieces).
 */
function offsetInSentence(sentence: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.selectNodeContents(sentence);
  before.setEnd(node, offset);
  const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const skipped = text.parentElement?.closest(NOT_SENTENCE_TEXT);
    // A point inside a label or a definition stands where that text begins.
    if (text === node) return skipped ? count : count + offset;
    if (skipped) continue;
    const length = text.textContent?.length ?? 0;
    if (!before.isPointInRange(text, length)) break;
    count += length;
  }
  return count;
}

/** What is selected in one sentence, and whether the selection ran on past it. */
export interface SentenceTextSelection extends SelectedText {
  /** The selection went beyond the sentence; only its part in this sentence is kept. */
  crossed: boolean;
}

/**
 * Reads the page's text selection as offsets in the sentence it starts in (or, when it starts
 * before any sentence, the one it ends in), for `placeOfSelection`. Undefined when nothing is
 * selected or the selection is in no sentence.
 */
export function readSentenceSelection(
  selection: Selection | null = document.getSelection(),
): SentenceTextSelection | undefined {
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  if (!range || range.collapsed) return undefined;
  const startSentence = sentenceElementOf(range.startContainer);
  const endSentence = sentenceElementOf(range.endContainer);
  const sentence = startSentence ?? endSentence;
  const sentenceId = sentence?.dataset.sentenceId;
  if (!sentence || !sentenceId) return undefined;
  const start = startSentence
    ? offsetInSentence(sentence, range.startContainer, range.startOffset)
    : 0;
  const end =
    endSentence === sentence
      ? offsetInSentence(sentence, range.endContainer, range.endOffset)
      : Number.POSITIVE_INFINITY;
  return { sentenceId, start, end, crossed: startSentence !== endSentence };
}
