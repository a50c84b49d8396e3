import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { READING_SETTINGS_KEY } from '../../../src/components/reading-settings-key';
import { useReadingSettings } from '../../../src/components/reading-settings-store';
import type { StudentCopy } from '../../../src/lib/assignment-api-client';
import { sampleArticle, sampleQuestions } from '../fixtures/sample-quiz';
import { installFakeServer } from './fake-server';
import { ASSIGNMENT_ID, bankSummary, PAGE_LOAD, renderAt, TEACHER } from './teacher-fixtures';

const studentCopy: StudentCopy = {
  assignment: {
    id: ASSIGNMENT_ID,
    title: 'Year 9: the bridge vote',
    joinCode: 'K7MPQ2',
    dueAt: null,
    timeLimitMinutes: null,
    questionCount: sampleQuestions.length,
    maxPoints: sampleQuestions.length,
  },
  bank: { id: bankSummary.id, title: bankSummary.title, description: bankSummary.description },
  article: sampleArticle,
  questions: sampleQuestions,
};

async function openStudentCopy() {
  installFakeServer({
    'GET /api/teacher/me': () => TEACHER,
    [`GET /api/teacher/assignments/${ASSIGNMENT_ID}/print/student-copy`]: () => studentCopy,
  });
  renderAt(`/teacher/assignments/${ASSIGNMENT_ID}/print/student-copy`);
  const sheet = await screen.findByRole('region', { name: 'The article' }, PAGE_LOAD);
  return within(sheet).getByRole('article', { name: sampleArticle.meta.title });
}

describe('the printed student copy', () => {
  beforeEach(() => {
    useReadingSettings.setState(useReadingSettings.getInitialState(), true);
    localStorage.removeItem(READING_SETTINGS_KEY);
  });

  it('sets its article by this device’s reading settings, changed from the page', async () => {
    const user = userEvent.setup();
    const article = await openStudentCopy();
    expect(article.style.getPropertyValue('--reading-scale')).toBe('');

    await user.click(within(article).getByRole('button', { name: 'Reading settings' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Text size' }), '150%');
    expect(article.style.getPropertyValue('--reading-scale')).toBe('1.5');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Line spacing' }), 'Loosest');
    expect(article.style.getPropertyValue('--reading-leading')).toBe('2.4');
  });

  it('prints with the settings already stored on this device', async () => {
    useReadingSettings.getState().change('textSize', '200');
    useReadingSettings.getState().change('font', 'hyperlegible');
    const article = await openStudentCopy();

    await expect.poll(() => article.style.getPropertyValue('--reading-scale')).toBe('2');
    expect(article.style.getPropertyValue('--reading-font')).toContain('Atkinson Hyperlegible');
  });
});
