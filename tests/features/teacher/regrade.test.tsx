import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AttemptPage } from '../../../src/features/teacher/attempt-page';
import { StatisticsPage } from '../../../src/features/teacher/statistics-page';
import type {
  AcceptedAnswer,
  AssignmentStatistics,
  TypedAnswerTally,
} from '../../../src/lib/assignment-api-client';
import { apiError, installFakeServer } from './fake-server';
import { sampleArticle, sampleQuestions } from '../fixtures/sample-quiz';
import { sampleResult } from '../fixtures/sample-result';
import {
  ASSIGNMENT_ID,
  makeAssignment,
  makeStatistics,
  submittedRow,
  TEACHER,
} from './teacher-fixtures';

const BASE = `/api/teacher/assignments/${ASSIGNMENT_ID}`;
const ACCEPTED = `${BASE}/accepted-answers`;

const SHORT_ITEM: AssignmentStatistics['items'][number] = {
  questionId: 'helpers',
  type: 'short',
  prompt: 'Whose soldiers reportedly helped Russia?',
  skill: 'literal',
  difficulty: 2,
  maxPoints: 1,
  attemptCount: 3,
  statusCounts: { correct: 0, partial: 0, incorrect: 3, unanswered: 0 },
  meanPoints: 0,
  facility: 0,
  discrimination: null,
  options: [],
};

function tally(answer: string, count: number, changes: Partial<TypedAnswerTally> = {}) {
  return {
    questionId: 'helpers',
    gapId: null,
    gapNumber: null,
    answer,
    normalisedAnswer: answer.toLowerCase(),
    count,
    acceptedByTeacher: false,
    ...changes,
  };
}

function acceptance(answer: string, changes: Partial<AcceptedAnswer> = {}): AcceptedAnswer {
  return {
    id: `acceptance-${answer.toLowerCase().replace(/\W+/g, '-')}`,
    questionId: 'helpers',
    questionNumber: 3,
    gapId: null,
    gapNumber: null,
    normalisedAnswer: answer.toLowerCase(),
    exampleAnswer: answer,
    acceptedBy: TEACHER.name,
    acceptedAt: '2026-03-02T10:00:00.000Z',
    attemptsRegraded: 2,
    revokedBy: null,
    revokedAt: null,
    ...changes,
  };
}

/**
 * A server holding an assignment whose third question is a short answer: two attempts typed
 * "Pyongyang troops" and one "China". Accepting and undoing change what it answers next.
 */
function serve({ history = [] as AcceptedAnswer[] } = {}) {
  const state = { accepted: new Set(history.filter((e) => !e.revokedAt).map((e) => e.id)) };
  const entries = [...history];
  const statistics = () => {
    const accepted = entries.filter((entry) => state.accepted.has(entry.id));
    const isAccepted = (answer: string) =>
      accepted.some((entry) => entry.normalisedAnswer === answer.toLowerCase());
    const base = makeStatistics();
    return {
      ...base,
      items: [...base.items, SHORT_ITEM],
      typedAnswers: [
        tally('Pyongyang troops', 2, { acceptedByTeacher: isAccepted('Pyongyang troops') }),
        tally('China', 1, { acceptedByTeacher: isAccepted('China') }),
      ],
    };
  };
  const server = installFakeServer({
    'GET /api/teacher/me': () => TEACHER,
    [`GET ${BASE}`]: () => makeAssignment(),
    [`GET ${BASE}/statistics`]: statistics,
    [`GET ${ACCEPTED}`]: () => entries,
    [`POST ${ACCEPTED}`]: (request) => {
      const { answer } = request.body as { answer: string };
      const entry = acceptance(answer);
      entries.unshift(entry);
      state.accepted.add(entry.id);
      return { acceptance: entry, created: true, attemptsRegraded: 2 };
    },
  });
  for (const entry of history) {
    server.on(`POST ${ACCEPTED}/${entry.id}/revoke`, () => {
      state.accepted.delete(entry.id);
      const undone = {
        ...entry,
        revokedBy: TEACHER.name,
        revokedAt: '2026-03-02T10:30:00.000Z',
      };
      entries.splice(entries.indexOf(entry), 1, undone);
      return { acceptance: undone, attemptsRegraded: 2 };
    });
  }
  return server;
}

async function openStatistics() {
  render(
    <MemoryRouter initialEntries={[`/teacher/assignments/${ASSIGNMENT_ID}/statistics`]}>
      <Routes>
        <Route path="/teacher/assignments/:assignmentId/statistics" element={<StatisticsPage />} />
      </Routes>
    </MemoryRouter>,
  );
  await screen.findByRole('heading', { name: 'Question by question' });
  await screen.findByRole('heading', { name: 'Regrade history' });
  return screen.getByRole('article', { name: 'Question 3' });
}

describe('accepting a typed answer from the item statistics', () => {
  it('lists each wrong typed answer with how many attempts gave it, and a button to accept it', async () => {
    serve();
    const card = await openStatistics();
    const table = within(card).getByRole('table', { name: 'Wrong typed answers in question 3' });
    expect(
      within(table).getByRole('row', { name: /^“Pyongyang troops” 2 Accept this answer/ }),
    ).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^“China” 1 Accept this answer/ })).toBeVisible();
    expect(
      within(table).getByRole('button', {
        name: 'Accept this answer “Pyongyang troops” for question 3',
      }),
    ).toBeInTheDocument();
    // Choice questions have no typed answers to accept.
    const first = screen.getByRole('article', { name: 'Question 1' });
    expect(within(first).queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
    expect(screen.getByText(/No answer accepted yet/)).toBeInTheDocument();
  });

  it('asks to confirm with the number of attempts, regrades, and says so politely', async () => {
    const user = userEvent.setup();
    const server = serve();
    const card = await openStatistics();

    const accept = within(card).getByRole('button', {
      name: 'Accept this answer “Pyongyang troops” for question 3',
    });
    await user.click(accept);
    const dialog = screen.getByRole('dialog', {
      name: 'Accept “Pyongyang troops” for question 3?',
    });
    expect(dialog).toHaveTextContent('This regrades the 2 submitted attempts that gave it');
    expect(server.requestsTo(`POST ${ACCEPTED}`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Accept and regrade 2 attempts' }));

    expect(await within(card).findByRole('status')).toHaveTextContent(
      'Accepted “Pyongyang troops” for question 3: 2 attempts regraded.',
    );
    expect(server.requestsTo(`POST ${ACCEPTED}`).map((request) => request.body)).toEqual([
      { questionId: 'helpers', gapId: null, answer: 'Pyongyang troops' },
    ]);
    // The figures come again, and the same button now undoes it, keeping the focus.
    const undo = await within(card).findByRole('button', {
      name: 'Undo accepting “Pyongyang troops” for question 3',
    });
    expect(undo).toHaveFocus();
    expect(
      within(card).getByRole('row', { name: /^“Pyongyang troops” \(accepted by you\) 2 Undo/ }),
    ).toBeInTheDocument();
    const history = screen.getByRole('table', { name: /^Regrade history/ });
    expect(
      within(history).getByRole('row', {
        name: /^“Pyongyang troops” Question 3 Ms Rivera.* 2 Undo/,
      }),
    ).toBeInTheDocument();
  });

  it('changes nothing when the teacher cancels', async () => {
    const user = userEvent.setup();
    const server = serve();
    const card = await openStatistics();
    await user.click(
      within(card).getByRole('button', { name: 'Accept this answer “China” for question 3' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Accept “China” for question 3?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(dialog).not.toHaveAttribute('open');
    expect(server.requestsTo(`POST ${ACCEPTED}`)).toHaveLength(0);
    expect(within(card).getByRole('status')).toBeEmptyDOMElement();
  });

  it('lists the regrade history and undoes an acceptance from it', async () => {
    const user = userEvent.setup();
    const earlier = acceptance('China', {
      id: 'acceptance-old',
      attemptsRegraded: 1,
      acceptedAt: '2026-03-02T09:40:00.000Z',
      revokedBy: 'Mr Okafor',
      revokedAt: '2026-03-02T09:50:00.000Z',
    });
    const server = serve({ history: [acceptance('Pyongyang troops'), earlier] });
    const card = await openStatistics();
    const history = screen.getByRole('table', { name: /^Regrade history/ });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent(/“China”Question 3Ms Rivera.*1Mr Okafor/);

    await user.click(
      within(history).getByRole('button', {
        name: 'Undo accepting “Pyongyang troops” for question 3',
      }),
    );

    const region = screen.getByRole('region', { name: 'Regrade history' });
    expect(await within(region).findByRole('status')).toHaveTextContent(
      'Undone: “Pyongyang troops” is no longer accepted for question 3; 2 attempts regraded.',
    );
    expect(server.requestsTo(`POST ${ACCEPTED}/acceptance-pyongyang-troops/revoke`)).toHaveLength(
      1,
    );
    expect(screen.getByRole('heading', { name: 'Regrade history' })).toHaveFocus();
    expect(within(history).queryByRole('button', { name: /Undo/ })).not.toBeInTheDocument();
    // The answer is wrong again, and can be accepted again.
    expect(
      await within(card).findByRole('button', {
        name: 'Accept this answer “Pyongyang troops” for question 3',
      }),
    ).toBeInTheDocument();
  });

  it('says why an acceptance failed, and changes nothing on the page', async () => {
    const user = userEvent.setup();
    const server = serve();
    server.on(`POST ${ACCEPTED}`, () =>
      apiError(400, 'not-typed-answer', 'This question has no typed gap with this id.'),
    );
    const card = await openStatistics();
    await user.click(
      within(card).getByRole('button', { name: 'Accept this answer “China” for question 3' }),
    );
    await user.click(screen.getByRole('button', { name: 'Accept and regrade 1 attempt' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(
      'The answer was not regraded: This question has no typed gap with this id.',
    );
    expect(within(card).getByRole('status')).toBeEmptyDOMElement();
  });
});

describe('a regraded answer in a student’s attempt', () => {
  it('says the teacher accepted it, and where to undo it', async () => {
    const ann = submittedRow('Ann Lee', 2, 7);
    const [first, second, ...rest] = sampleResult.questions;
    if (!first || !second) throw new Error('The sample result has too few questions');
    installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      [`GET ${BASE}`]: () => makeAssignment(),
      [`GET ${BASE}/attempts/${ann.attemptId}`]: () => ({
        attemptId: ann.attemptId,
        studentName: 'Ann Lee',
        status: 'submitted',
        startedAt: ann.startedAt,
        deadline: ann.deadline,
        submittedAt: ann.submittedAt,
        questions: sampleQuestions,
        responses: {},
        savedAt: {},
        result: {
          ...sampleResult,
          questions: [{ ...first, acceptedByTeacher: true }, second, ...rest],
        },
        article: sampleArticle,
        highlights: [],
      }),
    });
    render(
      <MemoryRouter
        initialEntries={[`/teacher/assignments/${ASSIGNMENT_ID}/attempts/${ann.attemptId}`]}
      >
        <Routes>
          <Route
            path="/teacher/assignments/:assignmentId/attempts/:attemptId"
            element={<AttemptPage />}
          />
        </Routes>
      </MemoryRouter>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Ann Lee' });
    const numberOf = (questionId: string) =>
      sampleQuestions.findIndex((question) => question.id === questionId) + 1;
    const regraded = screen.getByRole('article', {
      name: `Question ${numberOf(first.question.id)}`,
    });
    expect(regraded).toHaveTextContent('Regraded: you accepted this typed answer.');
    expect(
      within(regraded).getByRole('link', { name: /Undo it under “Regrade history”/ }),
    ).toHaveAttribute('href', `/teacher/assignments/${ASSIGNMENT_ID}/statistics`);
    const other = screen.getByRole('article', { name: `Question ${numberOf(second.question.id)}` });
    expect(other).not.toHaveTextContent('Regraded');
  });
});
