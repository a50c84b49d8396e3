import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Roster } from '../../../src/lib/assignment-api-client';
import { apiError, installFakeServer } from './fake-server';
import {
  ASSIGNMENT_ID,
  inProgressRow,
  makeAssignment,
  makeGradebook,
  PAGE_LOAD,
  renderAt,
  TEACHER,
} from './teacher-fixtures';

const ROSTER = `/api/teacher/assignments/${ASSIGNMENT_ID}/roster`;

function student(name: string, code: string, progress: Roster['students'][number]['progress']) {
  return {
    name,
    personalCode: code,
    joinPath: `/join/K7MPQ2/${code.replace('-', '')}`,
    joinUrl: `http://localhost:3000/join/K7MPQ2/${code.replace('-', '')}`,
    progress,
    attemptCount: progress === 'not-started' ? 0 : 1,
  };
}

function makeRoster(students: Roster['students'], requireRoster = true): Roster {
  return {
    hasRoster: students.length > 0,
    requireRoster,
    students,
    notStarted: students
      .filter((entry) => entry.progress === 'not-started')
      .map((entry) => entry.name),
  };
}

describe('the class list page', () => {
  it('shows each problem of a refused list with its line number, on the field', async () => {
    const server = installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}`]: () => makeAssignment(),
      [`GET ${ROSTER}`]: () => makeRoster([]),
      [`PUT ${ROSTER}`]: () =>
        apiError(400, 'invalid-class-list', 'The class list has 2 problems.', {
          problems: [
            { line: 2, message: 'Line 2 has no name: only spaces or invisible characters.' },
            {
              line: 3,
              message:
                'Line 3, “ann lee”, is the same name as line 1: add an initial to tell them apart.',
            },
          ],
        }),
    });
    const user = userEvent.setup();
    renderAt(`/teacher/assignments/${ASSIGNMENT_ID}/roster`);

    const list = await screen.findByRole('textbox', { name: 'Class list' }, PAGE_LOAD);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Class list: Year 9: the bridge vote' }),
    ).toBeInTheDocument();
    const only = screen.getByRole('checkbox', {
      name: 'Only students on this list can join, each with their personal code',
    });
    expect(only).toBeChecked();
    await user.type(list, 'Ann Lee{Enter}{Enter}ann lee');
    await user.click(screen.getByRole('button', { name: 'Save the class list' }));

    expect(await screen.findByText(/fix the lines listed under it/)).toBeInTheDocument();
    expect(list).toBeInvalid();
    expect(list).toHaveAccessibleDescription(/Line 2 has no name/);
    expect(list).toHaveAccessibleDescription(/Line 3, “ann lee”, is the same name as line 1/);
    expect(server.requestsTo(`PUT ${ROSTER}`)[0]?.body).toEqual({
      classList: 'Ann Lee\n\nann lee',
      requireRoster: true,
    });
  });

  it('saves the list and shows each student’s personal code and link, to print', async () => {
    const saved = makeRoster([
      student('Ann Lee', 'K7MP-Q2XA', 'not-started'),
      student('Bo Chen', 'RT4W-9HJN', 'submitted'),
    ]);
    installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}`]: () => makeAssignment(),
      [`GET ${ROSTER}`]: () => makeRoster([]),
      [`PUT ${ROSTER}`]: () => saved,
    });
    const user = userEvent.setup();
    renderAt(`/teacher/assignments/${ASSIGNMENT_ID}/roster`);

    await user.type(
      await screen.findByRole('textbox', { name: 'Class list' }, PAGE_LOAD),
      'Ann Lee{Enter}Bo Chen',
    );
    await user.click(screen.getByRole('button', { name: 'Save the class list' }));

    expect(await screen.findByRole('status')).toHaveTextContent('The class list is saved.');
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /Ann Lee K7MP-Q2XA/ })).toHaveTextContent(
      'http://localhost:3000/join/K7MPQ2/K7MPQ2XA',
    );
    expect(within(table).getByRole('row', { name: /Bo Chen RT4W-9HJN/ })).toHaveTextContent(
      'Handed in',
    );
    expect(screen.getByRole('button', { name: 'Print the codes' })).toBeInTheDocument();
  });
});

describe('the assignment page', () => {
  it('lists the students of the class list who have not started yet', async () => {
    installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}/gradebook`]: () =>
        makeGradebook([inProgressRow('Bo Chen', 2)]),
      [`GET ${ROSTER}`]: () =>
        makeRoster([
          student('Ann Lee', 'K7MP-Q2XA', 'not-started'),
          student('Bo Chen', 'RT4W-9HJN', 'started'),
          student('Cy Diaz', 'M3NP-7QRS', 'not-started'),
        ]),
    });
    renderAt(`/teacher/assignments/${ASSIGNMENT_ID}`);

    const section = await screen.findByRole('region', { name: 'Not started yet (2)' }, PAGE_LOAD);
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Ann Lee', 'Cy Diaz']);
    expect(
      within(section).getByRole('link', { name: 'Class list and personal codes' }),
    ).toHaveAttribute('href', `/teacher/assignments/${ASSIGNMENT_ID}/roster`);
  });

  it('offers a class list when there is none', async () => {
    installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}/gradebook`]: () => makeGradebook([]),
      [`GET ${ROSTER}`]: () => makeRoster([]),
    });
    renderAt(`/teacher/assignments/${ASSIGNMENT_ID}`);

    const section = await screen.findByRole('region', { name: 'Class list' }, PAGE_LOAD);
    expect(within(section).getByRole('link', { name: 'Add a class list' })).toBeInTheDocument();
  });
});
