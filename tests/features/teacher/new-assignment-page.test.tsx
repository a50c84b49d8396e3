import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { sampleQuestions } from '../fixtures/sample-quiz';
import { apiError, installFakeServer } from './fake-server';
import {
  ASSIGNMENT_ID,
  bankSummary,
  makeAssignment,
  makeGradebook,
  publicBank,
  PAGE_LOAD,
  renderAt,
  TEACHER,
} from './teacher-fixtures';

function routes() {
  return {
    'GET /api/teacher/me': () => TEACHER,
    'GET /api/banks': () => [bankSummary],
    [`GET /api/banks/${bankSummary.id}`]: () => publicBank,
    'POST /api/teacher/assignments': () => makeAssignment(),
    [`GET /api/teacher/assignments/${ASSIGNMENT_ID}/gradebook`]: () => makeGradebook([]),
  };
}

async function openForm() {
  renderAt('/teacher/assignments/new');
  return screen.findByRole('heading', { name: 'New assignment' }, PAGE_LOAD);
}

const createButton = () => screen.getByRole('button', { name: 'Create assignment' });

describe('the new-assignment form', () => {
  let server: ReturnType<typeof installFakeServer>;
  beforeEach(() => {
    server = installFakeServer(routes());
  });

  it('says what is missing, at each field and in a summary, without sending anything', async () => {
    const user = userEvent.setup();
    await openForm();
    await user.click(createButton());

    const summary = screen.getByRole('alert', { name: 'There are 2 problems' });
    expect(summary).toHaveFocus();
    const quiz = screen.getByRole('combobox', { name: 'Quiz' });
    expect(quiz).toBeInvalid();
    expect(quiz).toHaveAccessibleDescription('Choose the quiz to assign.');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(
      /Give the assignment a title\./,
    );
    expect(
      screen.getByRole('group', { name: 'When students see their results' }),
    ).not.toBeInvalid();
    expect(server.requestsTo('POST /api/teacher/assignments')).toEqual([]);
  });

  it('creates an assignment from only a quiz and a title: the defaults are valid together (issue 9.2)', async () => {
    const user = userEvent.setup();
    await openForm();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Quiz' }), bankSummary.id);
    // Without a due time, "after the due time" is said as what it means: after closing.
    const afterClose = screen.getByRole('radio', { name: 'After you close the assignment' });
    expect(afterClose).toBeChecked();
    const created = makeAssignment({ dueAt: null });
    server.on('POST /api/teacher/assignments', () => created);
    server.on(`GET /api/teacher/assignments/${ASSIGNMENT_ID}/gradebook`, () => ({
      ...makeGradebook([]),
      assignment: created,
    }));
    await user.click(createButton());

    expect(
      await screen.findByRole('heading', { name: created.title }, PAGE_LOAD),
    ).toBeInTheDocument();
    // The settings say the same as the form did.
    expect(
      screen.getByText('Answers, explanations and evidence, after you close the assignment'),
    ).toBeInTheDocument();
    const [request] = server.requestsTo('POST /api/teacher/assignments');
    expect(request?.body).toMatchObject({
      bankId: bankSummary.id,
      title: bankSummary.title,
      dueAt: null,
      reviewPolicy: { when: 'after-due', show: 'full' },
    });
  });

  it('names the review moment by the due time once one is set', async () => {
    await openForm();
    expect(screen.getByRole('radio', { name: 'After you close the assignment' })).toBeChecked();
    fireEvent.change(screen.getByLabelText('Due (optional)'), {
      target: { value: '2030-03-02T10:00' },
    });
    expect(screen.getByRole('radio', { name: 'After the due time' })).toBeChecked();
  });

  it('creates an assignment from a chosen subset with every setting, then opens it', async () => {
    const user = userEvent.setup();
    await openForm();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Quiz' }), bankSummary.id);
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue(bankSummary.title);
    await user.clear(screen.getByRole('textbox', { name: 'Title' }));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Year 9: the bridge vote');

    await user.click(await screen.findByRole('radio', { name: 'Only the questions I choose' }));
    const picker = screen.getByRole('group', { name: 'Questions to ask' });
    const [first, , third] = sampleQuestions;
    if (!first || !third) throw new Error('The sample quiz has fewer than three questions');
    // Chosen out of order: the request lists them in bank order.
    await user.click(
      within(picker).getByRole('checkbox', { name: new RegExp(`^3\\. ${third.prompt}`) }),
    );
    await user.click(
      within(picker).getByRole('checkbox', { name: new RegExp(`^1\\. ${first.prompt}`) }),
    );
    expect(picker).toHaveAccessibleDescription(/2 of 9 chosen/);

    fireEvent.change(screen.getByLabelText('Due (optional)'), {
      target: { value: '2030-03-02T10:00' },
    });
    await user.type(
      screen.getByRole('textbox', { name: 'Time limit in minutes (optional)' }),
      '10',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Attempts each student may make' }),
      '3',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Which attempt counts' }),
      'The last attempt',
    );
    expect(
      screen.getByRole('checkbox', { name: 'Shuffle the order of the questions' }),
    ).toBeChecked();
    await user.click(
      screen.getByRole('checkbox', { name: 'Shuffle the options within each question' }),
    );
    const highlights = screen.getByRole('checkbox', {
      name: 'Let students highlight sentences and add notes during the quiz',
    });
    expect(highlights).toBeChecked();
    await user.click(highlights);
    await user.click(screen.getByRole('radio', { name: 'As soon as they submit' }));
    await user.click(screen.getByRole('radio', { name: 'The score only' }));

    await user.click(screen.getByRole('button', { name: 'Add a student' }));
    expect(screen.getByRole('textbox', { name: 'Student 1: name' })).toHaveFocus();
    await user.keyboard('Ann  Lee');
    await user.type(screen.getByRole('textbox', { name: 'Student 1: extra minutes' }), '5');

    await user.click(createButton());

    expect(
      await screen.findByRole('heading', { name: 'Year 9: the bridge vote' }),
    ).toBeInTheDocument();
    const [request] = server.requestsTo('POST /api/teacher/assignments');
    expect(request?.body).toEqual({
      bankId: bankSummary.id,
      title: 'Year 9: the bridge vote',
      questionIds: [first.id, third.id],
      opensAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/),
      dueAt: new Date('2030-03-02T10:00').toISOString(),
      timeLimitMinutes: 10,
      attemptsAllowed: 3,
      countedAttempt: 'last',
      shuffleQuestions: true,
      shuffleOptions: false,
      allowHighlights: false,
      reviewPolicy: { when: 'immediately', show: 'score' },
      extraTime: { 'Ann  Lee': 5 },
    });
  });

  it('checks extra time: whole minutes, each name once, and a time limit to add to', async () => {
    const user = userEvent.setup();
    await openForm();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Quiz' }), bankSummary.id);
    await user.click(screen.getByRole('radio', { name: 'As soon as they submit' }));
    await user.click(screen.getByRole('button', { name: 'Add a student' }));
    await user.keyboard('Ann Lee');
    await user.type(screen.getByRole('textbox', { name: 'Student 1: extra minutes' }), 'ten');
    await user.click(screen.getByRole('button', { name: 'Add a student' }));
    await user.keyboard('ann lee');
    await user.type(screen.getByRole('textbox', { name: 'Student 2: extra minutes' }), '5');
    await user.click(createButton());

    expect(
      screen.getByRole('textbox', { name: 'Student 1: extra minutes' }),
    ).toHaveAccessibleDescription(/whole number of minutes/);
    expect(screen.getByRole('textbox', { name: 'Student 2: name' })).toHaveAccessibleDescription(
      'ann lee is listed twice.',
    );
    expect(
      screen.getByRole('textbox', { name: 'Time limit in minutes (optional)' }),
    ).toHaveAccessibleDescription(/set a time limit first/);

    await user.click(screen.getByRole('button', { name: 'Remove student 2: ann lee' }));
    expect(screen.queryByRole('textbox', { name: 'Student 2: name' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a student' })).toHaveFocus();
  });

  it('shows the server’s refusal at the field it names', async () => {
    server.on('POST /api/teacher/assignments', () =>
      apiError(400, 'invalid-request', 'The request body is invalid at "title".', {
        target: 'body',
        issues: [{ path: ['title'], message: 'Give the assignment a title.' }],
      }),
    );
    const user = userEvent.setup();
    await openForm();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Quiz' }), bankSummary.id);
    await user.click(screen.getByRole('radio', { name: 'Never' }));
    await user.click(createButton());

    expect(await screen.findByRole('alert', { name: 'There is a problem' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(
      /Give the assignment a title\./,
    );
  });
});
