import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getHref } from '../../../src/lib/paths';
import {
  ATTEMPT_ID,
  installFakeApi,
  rememberSampleAttempt,
  setScreenWide,
} from '../fixtures/fake-api';
import { sampleAttempt } from '../fixtures/sample-result';
import { renderAt } from '../teacher/teacher-fixtures';

describe('the student’s highlights in the review', () => {
  let api: ReturnType<typeof installFakeApi>;

  beforeEach(() => {
    setScreenWide(true);
    api = installFakeApi(sampleAttempt);
    api.server.status = 'submitted';
    rememberSampleAttempt(true);
  });

  it('shows them in the article beside the evidence, with a legend and the notes as text', async () => {
    api.server.highlights['p2.s1'] = {
      key: 'p2.s1',
      sentenceId: 'p2.s1',
      span: null,
      colour: 'blue',
      note: '<img src=x onerror=alert(1)> the cost',
    };
    const user = userEvent.setup();
    renderAt(getHref.review(ATTEMPT_ID));
    await screen.findByRole('heading', { name: 'Your score' }, { timeout: 3000 });
    const article = screen.getByRole('region', { name: 'Article' });
    expect(within(article).getByText(/your own highlights/)).toBeInTheDocument();
    expect(within(article).getByText(/the evidence that proves/)).toBeInTheDocument();
    const mark = within(article)
      .getByText('Your blue highlight:', { exact: false })
      .closest('mark');
    expect(mark).toHaveTextContent('Repairs will cost 1,200,000 pounds, the treasurer said.');
    expect(mark).not.toHaveClass('sentence-highlight');

    await user.click(within(article).getByRole('button', { name: 'Note' }));
    expect(within(article).getByText('<img src=x onerror=alert(1)> the cost')).toBeVisible();
    expect(article.querySelector('img')).toBeNull();
  });

  it('says nothing about highlights when the student made none', async () => {
    renderAt(getHref.review(ATTEMPT_ID));
    await screen.findByRole('heading', { name: 'Your score' }, { timeout: 3000 });
    expect(screen.queryByText(/your own highlights/)).toBeNull();
  });
});
