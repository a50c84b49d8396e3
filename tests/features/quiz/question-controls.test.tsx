import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { QuestionControl } from '../../../src/features/quiz/components/question-control';
import { listSentences } from '../../../src/domain/article';
import type { PublicQuestion } from '../../../src/domain/public-question';
import type { QuestionResponse } from '../../../src/domain/responses';
import { sampleArticle, sampleCloze, sampleQuestion } from '../fixtures/sample-quiz';

/** Renders a question's control the way the quiz does: the response lives above it. */
function renderControl(
  question: PublicQuestion,
  initial?: QuestionResponse,
  /** Shows the article when it is not beside the question, as on a phone. */
  onOpenArticle?: () => void,
) {
  const onChange = vi.fn<(response: QuestionResponse | undefined) => void>();
  function Harness() {
    const [response, setResponse] = useState(initial);
    return (
      <QuestionControl
        question={question}
        response={response}
        onChange={(next) => {
          setResponse(next);
          onChange(next);
        }}
        article={sampleArticle}
        articlePlace={onOpenArticle ? 'on the Article tab' : 'beside this question'}
        onOpenArticle={onOpenArticle}
      />
    );
  }
  render(<Harness />);
  return { onChange, user: userEvent.setup() };
}

describe('the single-choice control', () => {
  it('is a radio group named by the question that answers with the chosen option', async () => {
    const { onChange, user } = renderControl(sampleQuestion('vote-day', 'single'));
    const group = screen.getByRole('group', { name: 'On which day did the council vote?' });
    await user.click(within(group).getByRole('radio', { name: 'Friday' }));
    expect(onChange).toHaveBeenLastCalledWith({ choice: 'friday' });
    await user.click(within(group).getByRole('radio', { name: 'Monday' }));
    expect(onChange).toHaveBeenLastCalledWith({ choice: 'monday' });
    expect(within(group).getByRole('radio', { name: 'Friday' })).not.toBeChecked();
  });
});

describe('the multiple-choice control', () => {
  it('is a checkbox group that answers with the ticked options in the order shown', async () => {
    const { onChange, user } = renderControl(sampleQuestion('sources-named', 'multiple'));
    const group = screen.getByRole('group', { name: 'Who is quoted in the report?' });
    expect(group).toHaveAccessibleDescription('Choose all that apply.');
    await user.click(within(group).getByRole('checkbox', { name: 'The harbour master' }));
    await user.click(within(group).getByRole('checkbox', { name: 'The treasurer' }));
    expect(onChange).toHaveBeenLastCalledWith({ choices: ['treasurer', 'harbour-master'] });
    await user.click(within(group).getByRole('checkbox', { name: 'The treasurer' }));
    expect(onChange).toHaveBeenLastCalledWith({ choices: ['harbour-master'] });
  });

  it('takes the answer back when every box is unticked', async () => {
    const { onChange, user } = renderControl(sampleQuestion('sources-named', 'multiple'), {
      choices: ['harbour-master'],
    });
    const box = screen.getByRole('checkbox', { name: 'The harbour master' });
    await user.click(box);
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(box).not.toBeChecked();
  });
});

describe('the judgement control', () => {
  it('offers True, False and Not given for the statement it describes', async () => {
    const { onChange, user } = renderControl(sampleQuestion('vote-unanimous', 'judgement'));
    const group = screen.getByRole('group', { name: 'Judge the statement against the article.' });
    expect(group).toHaveAccessibleDescription(/Every councillor voted for the repair\./);
    expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['true', 'false', 'not-given']);
    await user.click(within(group).getByRole('radio', { name: 'Not given' }));
    expect(onChange).toHaveBeenLastCalledWith({ choice: 'not-given' });
  });
});

describe('the number control', () => {
  it('answers with the number typed, thousands commas and all', async () => {
    const { onChange, user } = renderControl(sampleQuestion('repair-cost', 'numeric'));
    const field = screen.getByRole('textbox', { name: 'How much will the repairs cost?' });
    expect(screen.getByText('pounds')).toBeInTheDocument();
    await user.type(field, '1,200,000');
    expect(onChange).toHaveBeenLastCalledWith({ value: 1200000 });
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('accepts the number followed by the question’s own unit', async () => {
    const { onChange, user } = renderControl(sampleQuestion('repair-cost', 'numeric'));
    const field = screen.getByRole('textbox', { name: 'How much will the repairs cost?' });
    await user.type(field, '1,200,000 pounds');
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith({ value: 1200000 });
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('explains a bad entry once the student leaves the field, and keeps the saved number', async () => {
    const { onChange, user } = renderControl(sampleQuestion('repair-cost', 'numeric'), {
      value: 5,
    });
    const field = screen.getByRole('textbox', { name: 'How much will the repairs cost?' });
    // Typed over the number, never emptying the field (which takes the answer back).
    const typeOver = async (text: string) => {
      await user.tripleClick(field);
      await user.keyboard(text);
    };
    await typeOver('a million');
    expect(screen.queryByText(/in digits, like 30, not in words/)).not.toBeInTheDocument();
    await user.tab();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Type the number in digits, like 30, not in words\./);
    expect(field).toHaveAccessibleDescription(/Your saved answer is still 5 pounds\./);
    expect(onChange).not.toHaveBeenCalled();

    await typeOver('2,5');
    expect(field).toHaveAccessibleDescription(/Use a point for decimals: 2\.5, not 2,5\./);
    await typeOver('2.5');
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(onChange).toHaveBeenLastCalledWith({ value: 2.5 });
  });

  it('takes the saved number back when the field is emptied', async () => {
    const { onChange, user } = renderControl(sampleQuestion('repair-cost', 'numeric'), {
      value: 5,
    });
    const field = screen.getByRole('textbox', { name: 'How much will the repairs cost?' });
    await user.clear(field);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    await user.tab();
    expect(field).toHaveValue('');
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(field).not.toHaveAccessibleDescription(/saved answer/);
    await user.type(field, '5');
    expect(onChange).toHaveBeenLastCalledWith({ value: 5 });
  });
});

describe('the short-answer control', () => {
  it('answers with the text typed', async () => {
    const { onChange, user } = renderControl(sampleQuestion('work-month', 'short'));
    await user.type(
      screen.getByRole('textbox', { name: 'In which month does the work start?' }),
      'May',
    );
    expect(onChange).toHaveBeenLastCalledWith({ text: 'May' });
  });

  it('takes the answer back when the field is emptied', async () => {
    const { onChange, user } = renderControl(sampleQuestion('work-month', 'short'), {
      text: 'May',
    });
    const field = screen.getByRole('textbox', { name: 'In which month does the work start?' });
    await user.clear(field);
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(field).toHaveValue('');
  });
});

describe('the match control', () => {
  const prompt = 'Match each statement to who made it.';

  function pairsList() {
    return screen.getByRole('list', { name: /your pairs/i });
  }

  it('pairs an item with the choice pressed after it, lists the pair and announces it', async () => {
    const { onChange, user } = renderControl(sampleQuestion('who-said', 'match'));
    const group = screen.getByRole('group', { name: prompt });
    const items = within(group).getByRole('group', { name: 'Items' });
    const choices = within(group).getByRole('group', { name: 'Choices' });
    const cost = within(items).getByRole('button', { name: 'The repairs will cost 1.2 million' });

    await user.click(cost);
    expect(cost).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/Selected “The repairs will cost 1.2 million”/)).toBeInTheDocument();
    await user.click(within(choices).getByRole('button', { name: 'The treasurer' }));
    expect(onChange).toHaveBeenLastCalledWith({ pairs: { cost: 'treasurer' } });
    expect(cost).toHaveAttribute('aria-pressed', 'false');
    expect(cost).toHaveAccessibleDescription('Matched with “The treasurer”');
    expect(
      screen.getByText(
        'Matched “The repairs will cost 1.2 million” with “The treasurer”. 1 of 2 items matched.',
      ),
    ).toBeInTheDocument();
    expect(within(pairsList()).getAllByRole('listitem')).toHaveLength(1);

    // Choice first works too, and a choice can match a second item.
    await user.click(within(choices).getByRole('button', { name: 'The treasurer' }));
    await user.click(within(items).getByRole('button', { name: 'Boats had waited for years' }));
    expect(onChange).toHaveBeenLastCalledWith({
      pairs: { cost: 'treasurer', waited: 'treasurer' },
    });
    expect(
      within(choices).getByRole('button', { name: 'The treasurer' }),
    ).toHaveAccessibleDescription('Matched with 2 items');
    expect(screen.getByText('Your pairs (2 of 2 items matched)')).toBeInTheDocument();
  });

  it('undoes a pair from the list, and the last undo takes the answer back', async () => {
    const { onChange, user } = renderControl(sampleQuestion('who-said', 'match'), {
      pairs: { cost: 'treasurer', waited: 'harbour-master' },
    });
    await user.click(
      within(pairsList()).getByRole('button', {
        name: 'Undo the pair “The repairs will cost 1.2 million” and “The treasurer”',
      }),
    );
    expect(onChange).toHaveBeenLastCalledWith({ pairs: { waited: 'harbour-master' } });
    expect(screen.getByRole('button', { name: 'The repairs will cost 1.2 million' })).toHaveFocus();
    expect(
      screen.getByText(
        'Undid the pair “The repairs will cost 1.2 million” and “The treasurer”. 1 of 2 items matched.',
      ),
    ).toBeInTheDocument();
    await user.click(within(pairsList()).getByRole('button', { name: /^Undo the pair/ }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(screen.getByText('No pairs yet.')).toBeInTheDocument();
  });

  it('replaces an item’s partner and says which one it replaced', async () => {
    const { onChange, user } = renderControl(sampleQuestion('who-said', 'match'), {
      pairs: { cost: 'treasurer' },
    });
    await user.click(screen.getByRole('button', { name: 'The repairs will cost 1.2 million' }));
    await user.click(screen.getByRole('button', { name: 'The mayor' }));
    expect(onChange).toHaveBeenLastCalledWith({ pairs: { cost: 'mayor' } });
    expect(screen.getByText(/with “The mayor” instead of “The treasurer”\./)).toBeInTheDocument();
  });

  it('works by keyboard alone, and Escape or a second press clears a selection', async () => {
    const { onChange, user } = renderControl(sampleQuestion('who-said', 'match'));
    const waited = screen.getByRole('button', { name: 'Boats had waited for years' });
    waited.focus();
    await user.keyboard('{Enter}');
    expect(waited).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{Escape}');
    expect(waited).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('Selection cleared.')).toBeInTheDocument();
    await user.keyboard(' ');
    await user.keyboard(' ');
    expect(waited).toHaveAttribute('aria-pressed', 'false');

    await user.keyboard('{Enter}');
    await user.tab(); // the treasurer
    await user.tab(); // the harbour master
    expect(screen.getByRole('button', { name: 'The harbour master' })).toHaveFocus();
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith({ pairs: { waited: 'harbour-master' } });
  });
});

describe('the order control', () => {
  function itemTexts() {
    return within(screen.getByRole('list'))
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.order-text')?.textContent);
  }

  it('moves items with Up and Down, keeps focus on the moved item and announces where it went', async () => {
    const { onChange, user } = renderControl(sampleQuestion('events-order', 'order'));
    expect(itemTexts()).toEqual(['Work starts', 'The council votes', 'The council debates']);
    expect(screen.getByRole('button', { name: 'Move “Work starts” up' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Move “Work starts” down' }));
    expect(itemTexts()).toEqual(['The council votes', 'Work starts', 'The council debates']);
    expect(screen.getByRole('button', { name: 'Move “Work starts” down' })).toHaveFocus();
    expect(screen.getByText('Moved “Work starts” to position 2 of 3.')).toBeInTheDocument();

    await user.keyboard('{Enter}');
    expect(itemTexts()).toEqual(['The council votes', 'The council debates', 'Work starts']);
    // At the bottom, Down is disabled: focus goes to Up of the same item.
    expect(screen.getByRole('button', { name: 'Move “Work starts” up' })).toHaveFocus();
    expect(onChange).toHaveBeenLastCalledWith({ order: ['vote', 'debate', 'work'] });
  });

  /** Lays the items out 50 px tall with 10 px between them, as jsdom draws nothing. */
  function layOutItems() {
    vi.spyOn(HTMLLIElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLLIElement,
    ) {
      const index = [...(this.parentElement?.children ?? [])].indexOf(this);
      return new DOMRect(0, index * 60, 300, 50);
    });
  }

  it('moves an item dropped after being dragged by its handle, and announces where it went', async () => {
    const { onChange } = renderControl(sampleQuestion('events-order', 'order'));
    layOutItems();
    const handle = screen.getByTitle('Drag “Work starts”');
    fireEvent.pointerDown(handle, { pointerId: 1, button: 0, clientY: 25 });
    fireEvent.pointerMove(handle, { pointerId: 1, clientY: 95 });
    // Passing the second item's middle, that item slides up into the space left behind.
    expect(screen.getByText('The council votes').closest('li')).toHaveStyle({
      transform: 'translateY(-60px)',
    });
    fireEvent.pointerMove(handle, { pointerId: 1, clientY: 160 });
    fireEvent.pointerUp(handle, { pointerId: 1, clientY: 160 });
    expect(onChange).toHaveBeenLastCalledWith({ order: ['vote', 'debate', 'work'] });
    expect(itemTexts()).toEqual(['The council votes', 'The council debates', 'Work starts']);
    expect(await screen.findByText('Moved “Work starts” to position 3 of 3.')).toBeInTheDocument();
    // Dropped: nothing is held out of place any more.
    for (const item of within(screen.getByRole('list')).getAllByRole('listitem')) {
      expect(item.style.transform).toBe('');
    }
  });

  it('leaves the order alone when a drag is cancelled', () => {
    const { onChange } = renderControl(sampleQuestion('events-order', 'order'));
    layOutItems();
    const handle = screen.getByTitle('Drag “The council debates”');
    fireEvent.pointerDown(handle, { pointerId: 3, button: 0, clientY: 145 });
    fireEvent.pointerMove(handle, { pointerId: 3, clientY: 0 });
    fireEvent.pointerCancel(handle, { pointerId: 3 });
    expect(onChange).not.toHaveBeenCalled();
    expect(itemTexts()).toEqual(['Work starts', 'The council votes', 'The council debates']);
  });

  it('slides the moved items into place, unless the student prefers reduced motion', async () => {
    const animate = vi.fn();
    Element.prototype.animate = animate;
    try {
      for (const reduce of [false, true]) {
        animate.mockClear();
        vi.stubGlobal('matchMedia', (query: string) => ({
          matches: reduce && query === '(prefers-reduced-motion: reduce)',
        }));
        const { user } = renderControl(sampleQuestion('events-order', 'order'));
        layOutItems();
        await user.click(screen.getByRole('button', { name: 'Move “Work starts” down' }));
        expect(animate).toHaveBeenCalledTimes(reduce ? 0 : 2);
        cleanup();
      }
    } finally {
      Reflect.deleteProperty(Element.prototype, 'animate');
    }
  });

  it('can take the order as shown as the answer', async () => {
    const { onChange, user } = renderControl(sampleQuestion('events-order', 'order'));
    await user.click(screen.getByRole('button', { name: 'Keep this order as my answer' }));
    expect(onChange).toHaveBeenLastCalledWith({ order: ['work', 'vote', 'debate'] });
    expect(
      screen.queryByRole('button', { name: 'Keep this order as my answer' }),
    ).not.toBeInTheDocument();
  });
});

describe('the evidence control', () => {
  it('shows the claim and lists the selected sentences, each with a way to remove it', async () => {
    const { onChange, user } = renderControl(sampleQuestion('waiting-evidence', 'evidence'), {
      sentences: ['p3.s1', 'p3.s2'],
    });
    const group = screen.getByRole('group', { name: /boats were delayed/i });
    expect(
      within(group).getByText('Boats had been kept waiting by the broken bridge.'),
    ).toBeInTheDocument();
    const selected = within(group).getByRole('list', { name: /your evidence \(2 sentences\)/i });
    expect(within(selected).getAllByRole('listitem')).toHaveLength(2);
    await user.click(
      within(selected).getByRole('button', {
        name: 'Remove “The harbour master welcomed the decision.”',
      }),
    );
    expect(onChange).toHaveBeenLastCalledWith({ sentences: ['p3.s2'] });
    await user.click(
      within(group).getByRole('button', { name: 'Remove “She said boats had waited for years.”' }),
    );
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(within(group).getByText('No sentences selected yet.')).toBeInTheDocument();
  });
});

// jsdom has no matchMedia, so the controls take the screen for a narrow one unless a test says not.
describe('the evidence control on a phone', () => {
  it('lists the article’s sentences inside the question, to select in place', async () => {
    const openArticle = vi.fn();
    const { onChange, user } = renderControl(
      sampleQuestion('waiting-evidence', 'evidence'),
      undefined,
      openArticle,
    );
    const group = screen.getByRole('group', { name: /boats were delayed/i });
    const toggle = within(group).getByRole('button', { name: 'Hide the sentences' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const sentences = within(group).getByRole('group', { name: 'Sentences of the article' });
    expect(within(sentences).getAllByRole('button', { pressed: false })).toHaveLength(
      listSentences(sampleArticle).length,
    );

    await user.click(within(sentences).getByRole('button', { name: 'Work starts in May.' }));
    await user.click(within(sentences).getByRole('button', { name: 'The vote was seven to two.' }));
    // Kept in reading order, whatever order they were picked in.
    expect(onChange).toHaveBeenLastCalledWith({ sentences: ['p1.s2', 'p2.s2'] });
    expect(within(sentences).getByRole('button', { name: 'Work starts in May.' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(
      within(group).getByRole('list', { name: /your evidence \(2 sentences\)/i }),
    ).toBeInTheDocument();
    await user.click(within(sentences).getByRole('button', { name: 'Work starts in May.' }));
    expect(onChange).toHaveBeenLastCalledWith({ sentences: ['p1.s2'] });

    await user.click(within(sentences).getByRole('button', { name: 'Done: hide the sentences' }));
    expect(sentences).not.toBeVisible();
    expect(toggle).toHaveFocus();
    expect(toggle).toHaveAccessibleName('Choose sentences here');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await user.click(
      within(group).getByRole('button', { name: 'Select sentences in the article' }),
    );
    expect(openArticle).toHaveBeenCalled();
  });

  it('starts with the list closed once sentences are selected', () => {
    renderControl(
      sampleQuestion('waiting-evidence', 'evidence'),
      { sentences: ['p3.s1'] },
      vi.fn(),
    );
    expect(screen.getByRole('button', { name: 'Choose sentences here' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('lists no sentences where the article is beside the question', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(min-width: 60rem)',
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    renderControl(sampleQuestion('waiting-evidence', 'evidence'));
    expect(
      screen.queryByRole('group', { name: 'Sentences of the article' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /choose sentences here/i }),
    ).not.toBeInTheDocument();
  });
});

describe('the two-part control', () => {
  it('shows Part A then Part B and keeps both parts in one answer', async () => {
    const { onChange, user } = renderControl(sampleQuestion('close-vote', 'two-part'), {
      partB: { sentences: ['p1.s2'] },
    });
    const partA = screen.getByRole('region', { name: 'Part A' });
    const partB = screen.getByRole('region', { name: 'Part B' });
    expect(partA.compareDocumentPosition(partB) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(within(partA).getByRole('radio', { name: 'A clear majority' }));
    expect(onChange).toHaveBeenLastCalledWith({
      partA: { choice: 'clear' },
      partB: { sentences: ['p1.s2'] },
    });
    expect(
      within(within(partB).getByRole('list', { name: /your evidence/i })).getByText(
        'The vote was seven to two.',
      ),
    ).toBeInTheDocument();
  });

  it('takes back one part and keeps the other', async () => {
    const { onChange, user } = renderControl(sampleQuestion('close-vote', 'two-part'), {
      partA: { choice: 'clear' },
      partB: { sentences: ['p1.s2'] },
    });
    const partB = screen.getByRole('region', { name: 'Part B' });
    await user.click(within(partB).getByRole('button', { name: /^Remove/ }));
    expect(onChange).toHaveBeenLastCalledWith({ partA: { choice: 'clear' } });
  });

  it('takes the whole answer back when its only part is taken back', async () => {
    const { onChange, user } = renderControl(sampleQuestion('close-vote', 'two-part'), {
      partB: { sentences: ['p1.s2'] },
    });
    const partB = screen.getByRole('region', { name: 'Part B' });
    await user.click(within(partB).getByRole('button', { name: /^Remove/ }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});

describe('the cloze control', () => {
  it('reads as the sentence with a drop-down and a text field in its gaps, named in order', async () => {
    const { onChange, user } = renderControl(sampleCloze);
    const passage = screen.getByRole('group', { name: 'Fill the gaps with the article’s words.' });
    expect(passage).toHaveTextContent(/^The council voted on .* to repair the harbour \.$/);
    const day = within(passage).getByRole('combobox', { name: 'Gap 1 of 2' });
    expect(
      within(day)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose…', 'Friday', 'Monday']);
    await user.selectOptions(day, 'Monday');
    expect(onChange).toHaveBeenLastCalledWith({ gaps: { day: 'Monday' } });
    await user.type(within(passage).getByRole('textbox', { name: 'Gap 2 of 2' }), 'bridge');
    expect(onChange).toHaveBeenLastCalledWith({ gaps: { day: 'Monday', thing: 'bridge' } });
    expect(day).toHaveAccessibleDescription(/hidden in the article while this question is open/);
  });

  it('leaves an emptied gap out, and takes the answer back when every gap is empty', async () => {
    const { onChange, user } = renderControl(sampleCloze, { gaps: { day: 'Friday', thing: 'b' } });
    await user.clear(screen.getByRole('textbox', { name: 'Gap 2 of 2' }));
    expect(onChange).toHaveBeenLastCalledWith({ gaps: { day: 'Friday' } });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Gap 1 of 2' }), 'Choose…');
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});
