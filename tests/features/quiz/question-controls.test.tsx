import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { QuestionControl } from '../../../src/features/quiz/components/question-control';
import type { PublicQuestion } from '../../../src/domain/public-question';
import type { QuestionResponse } from '../../../src/domain/responses';
import { sampleArticle, sampleQuestion } from '../fixtures/sample-quiz';

/** Renders a question's control the way the quiz does: the response lives above it. */
function renderControl(question: PublicQuestion, initial?: QuestionResponse) {
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
        articlePlace="beside this question"
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
  it('pairs each item with the choice picked in its menu, and unpairs with "Choose…"', async () => {
    const { onChange, user } = renderControl(sampleQuestion('who-said', 'match'));
    const group = screen.getByRole('group', { name: 'Match each statement to who made it.' });
    const cost = within(group).getByRole('combobox', { name: 'The repairs will cost 1.2 million' });
    const waited = within(group).getByRole('combobox', { name: 'Boats had waited for years' });
    await user.selectOptions(cost, 'The treasurer');
    await user.selectOptions(waited, 'The harbour master');
    expect(onChange).toHaveBeenLastCalledWith({
      pairs: { cost: 'treasurer', waited: 'harbour-master' },
    });
    await user.selectOptions(cost, 'Choose…');
    expect(onChange).toHaveBeenLastCalledWith({ pairs: { waited: 'harbour-master' } });
    await user.selectOptions(waited, 'Choose…');
    expect(onChange).toHaveBeenLastCalledWith(undefined);
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
    expect(screen.getByText('“Work starts” moved to position 2 of 3.')).toBeInTheDocument();

    await user.keyboard('{Enter}');
    expect(itemTexts()).toEqual(['The council votes', 'The council debates', 'Work starts']);
    // At the bottom, Down is disabled: focus goes to Up of the same item.
    expect(screen.getByRole('button', { name: 'Move “Work starts” up' })).toHaveFocus();
    expect(onChange).toHaveBeenLastCalledWith({ order: ['vote', 'debate', 'work'] });
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
    expect(within(partB).getByText('The vote was seven to two.')).toBeInTheDocument();
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
