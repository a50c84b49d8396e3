import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { AppRoutes } from '../../../src/app/app-routes';
import { ASSIGNMENT_DEFAULTS } from '../../../src/domain/assignment-choices';
import type {
  Assignment,
  AssignmentStatistics,
  Gradebook,
  GradebookAttempt,
} from '../../../src/lib/assignment-api-client';
import { sampleArticle, sampleQuestions } from '../fixtures/sample-quiz';

export const TEACHER = {
  id: 'teacher-1',
  name: 'Ms Rivera',
  email: 'rivera@school.example',
  createdAt: '2026-03-01T08:00:00.000Z',
};

export const ASSIGNMENT_ID = 'assignment-1';

export const bankSummary = {
  id: 'bridge-quiz',
  title: 'The bridge vote',
  description: 'Who voted, what it costs and who said what.',
  articleId: sampleArticle.meta.id,
  questionCount: sampleQuestions.length,
  skills: ['literal', 'attribution'],
  types: ['single', 'multiple'],
  estimatedMinutes: 12,
};

export const publicBank = { ...bankSummary, questions: sampleQuestions };

export function makeAssignment(changes: Partial<Assignment> = {}): Assignment {
  return {
    id: ASSIGNMENT_ID,
    title: 'Year 9: the bridge vote',
    bankId: bankSummary.id,
    bankTitle: bankSummary.title,
    articleId: sampleArticle.meta.id,
    articleTitle: sampleArticle.meta.title,
    questionIds: sampleQuestions.map((question) => question.id),
    questionCount: sampleQuestions.length,
    maxPoints: sampleQuestions.length,
    ...ASSIGNMENT_DEFAULTS,
    opensAt: '2026-03-02T09:00:00.000Z',
    dueAt: '2026-03-02T10:00:00.000Z',
    timeLimitMinutes: 10,
    joinCode: 'K7MPQ2',
    joinPath: '/join/K7MPQ2',
    joinUrl: 'http://localhost:3000/join/K7MPQ2',
    status: 'open',
    closedAt: null,
    createdAt: '2026-03-02T08:00:00.000Z',
    updatedAt: '2026-03-02T08:00:00.000Z',
    attemptCount: 0,
    submittedCount: 0,
    studentCount: 0,
    ...changes,
  };
}

let attemptCounter = 0;

/** A submitted attempt of `studentName` scoring `score` of 9 points in `minutes`. */
export function submittedRow(
  studentName: string,
  score: number,
  minutes: number,
  changes: Partial<GradebookAttempt> = {},
): GradebookAttempt {
  attemptCounter += 1;
  const startedAt = Date.parse('2026-03-02T09:05:00.000Z');
  return {
    attemptId: `attempt-${attemptCounter}`,
    studentName,
    studentKey: studentName.toLowerCase(),
    attemptNumber: 1,
    status: 'submitted',
    startedAt: new Date(startedAt).toISOString(),
    deadline: new Date(startedAt + 10 * 60_000).toISOString(),
    submittedAt: new Date(startedAt + minutes * 60_000).toISOString(),
    timeTakenSeconds: minutes * 60,
    answeredCount: 9,
    questionCount: 9,
    score,
    maxPoints: 9,
    percent: Math.round((score / 9) * 1000) / 10,
    counts: true,
    results: null,
    regradedQuestions: [],
    ...changes,
  };
}

export function inProgressRow(studentName: string, answeredCount: number): GradebookAttempt {
  return submittedRow(studentName, 0, 0, {
    status: 'in-progress',
    submittedAt: null,
    timeTakenSeconds: null,
    score: null,
    percent: null,
    answeredCount,
    counts: false,
  });
}

export function makeGradebook(attempts: GradebookAttempt[]): Gradebook {
  return {
    assignment: makeAssignment({
      attemptCount: attempts.length,
      submittedCount: attempts.filter((row) => row.status !== 'in-progress').length,
      studentCount: new Set(attempts.map((row) => row.studentKey)).size,
    }),
    attempts,
    // As the server names each student: as typed on their first attempt.
    students: [...new Map(attempts.map((row) => [row.studentKey, row])).values()].map((row) => ({
      studentName: attempts.find((first) => first.studentKey === row.studentKey)?.studentName ?? '',
      studentKey: row.studentKey,
      attemptCount: attempts.filter((other) => other.studentKey === row.studentKey).length,
      submittedCount: 0,
      countedPercent: null,
    })),
    questions: sampleQuestions.map((question, index) => ({
      id: question.id,
      number: index + 1,
      prompt: question.prompt,
    })),
    generatedAt: '2026-03-02T09:30:00.000Z',
  };
}

export function makeStatistics(changes: Partial<AssignmentStatistics> = {}): AssignmentStatistics {
  const histogram = Array.from({ length: 10 }, (_, index) => ({
    from: index * 10,
    to: index * 10 + 10,
    count: index === 4 ? 1 : index === 8 ? 2 : 0,
  }));
  return {
    assignmentId: ASSIGNMENT_ID,
    include: 'all',
    attemptCount: 3,
    questionCount: 2,
    maxPoints: 2,
    meanPercent: 70,
    medianPercent: 80,
    standardDeviation: 17.32,
    cronbachAlpha: 0.64,
    histogram,
    skills: [
      { skill: 'literal', questionCount: 1, meanPercent: 66.7 },
      { skill: 'attribution', questionCount: 1, meanPercent: 75 },
    ],
    items: [
      {
        questionId: 'vote-day',
        type: 'single',
        prompt: 'On which day did the council vote?',
        skill: 'literal',
        difficulty: 1,
        maxPoints: 1,
        attemptCount: 3,
        statusCounts: { correct: 1, partial: 0, incorrect: 2, unanswered: 0 },
        meanPoints: 0.33,
        facility: 0.33,
        discrimination: 0.5,
        options: [
          { id: 'monday', text: 'Monday', correct: true, count: 1, share: 1 / 3 },
          { id: 'friday', text: 'Friday', correct: false, count: 2, share: 2 / 3 },
        ],
      },
      {
        questionId: 'cost',
        type: 'numeric',
        prompt: 'How much will the repairs cost, in pounds?',
        skill: 'attribution',
        difficulty: 2,
        maxPoints: 1,
        attemptCount: 3,
        statusCounts: { correct: 3, partial: 0, incorrect: 0, unanswered: 0 },
        meanPoints: 1,
        facility: 1,
        discrimination: null,
        options: [],
      },
    ],
    typedAnswers: [],
    highlightMap: makeHighlightMap(),
    ...changes,
  };
}

/** Three students: two highlighted the vote (question 1's evidence), nobody the cost (question 2's). */
export function makeHighlightMap(
  changes: Partial<AssignmentStatistics['highlightMap']> = {},
): AssignmentStatistics['highlightMap'] {
  return {
    allowHighlights: true,
    studentCount: 3,
    highlighterCount: 2,
    sections: [
      {
        id: 'intro',
        heading: null,
        paragraphs: [
          {
            id: 'p1',
            sentences: [
              {
                id: 'p1.s1',
                text: 'The council voted on Monday to repair the bridge.',
                studentCount: 2,
                questionNumbers: [1],
              },
              {
                id: 'p1.s2',
                text: 'The repairs will cost £2 million.',
                studentCount: 0,
                questionNumbers: [2],
              },
            ],
          },
        ],
      },
      {
        id: 'reactions',
        heading: 'Reactions',
        paragraphs: [
          {
            id: 'p2',
            sentences: [
              {
                id: 'p2.s1',
                text: '“It is long overdue,” said the mayor.',
                studentCount: 1,
                questionNumbers: [],
              },
            ],
          },
        ],
      },
    ],
    ...changes,
  };
}

/** How long a test waits for a page: the first visit loads its code on demand, which takes a while in jsdom. */
export const PAGE_LOAD = { timeout: 5000 };

/** The app at `path`, as the browser would open it. */
export function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
    </MemoryRouter>,
  );
}

/** Opens the sign-up page and creates an account named `name`, with a good email and password. */
export async function signUpAs(name: string) {
  const user = userEvent.setup();
  renderAt('/teacher/signup');
  await user.type(await screen.findByLabelText('Your name', {}, PAGE_LOAD), name);
  await user.type(screen.getByLabelText('Email'), 'rivera@school.example');
  await user.type(screen.getByLabelText('Password'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}
