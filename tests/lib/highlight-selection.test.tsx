import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readSentenceSelection } from '../../src/lib/highlight-selection';

/** Two sentences as the article draws them: a mark with its hidden label, a glossary term. */
function renderSentences() {
  const { container } = render(
    <p>
      <span data-sentence-id="p1.s1">
        The council{' '}
        <mark>
          <span className="visually-hidden">Your green highlight: </span>voted
        </mark>{' '}
        on <button type="button">Monday</button>
        <span className="glossary-definition">Monday: a day.</span>.
      </span>{' '}
      <span data-sentence-id="p1.s2">The vote was seven to two.</span>
    </p>,
  );
  const textOf = (text: string) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes(text)) return node;
    }
    throw new Error(`No text node with ${text}`);
  };
  return { textOf };
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number) {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

describe('reading the selection as offsets in a sentence', () => {
  it('counts only the sentence’s own words, not hidden labels or definitions', () => {
    const { textOf } = renderSentences();
    // "voted on Monday": from inside the mark to the end of the term's button.
    select(textOf('voted'), 0, textOf('Monday'), 6);
    expect(readSentenceSelection()).toEqual({
      sentenceId: 'p1.s1',
      start: 'The council '.length,
      end: 'The council voted on Monday'.length,
      crossed: false,
    });
    select(textOf('The council'), 4, textOf('Monday:'), 3);
    expect(readSentenceSelection()).toMatchObject({
      start: 4,
      end: 'The council voted on Monday'.length,
    });
  });

  it('says when a selection runs on into the next sentence, keeping the first', () => {
    const { textOf } = renderSentences();
    select(textOf('on'), 0, textOf('The vote'), 8);
    expect(readSentenceSelection()).toEqual({
      sentenceId: 'p1.s1',
      start: 'The council voted '.length,
      end: Number.POSITIVE_INFINITY,
      crossed: true,
    });
  });

  it('is nothing when the selection is empty', () => {
    const { textOf } = renderSentences();
    select(textOf('The vote'), 3, textOf('The vote'), 3);
    expect(readSentenceSelection()).toBeUndefined();
  });
});
