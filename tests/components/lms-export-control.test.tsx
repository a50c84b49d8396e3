import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LmsExportControl } from '../../src/components/lms-export-control';
import { apiError, installFakeServer } from '../features/teacher/fake-server';

const BANK_ID = 'the-visit';
const REPORT_PATH = `GET /api/teacher/banks/${BANK_ID}/export/report`;

function report(format: string, notes: unknown[]) {
  return {
    bankId: BANK_ID,
    format,
    fileName: format === 'qti3' ? `${BANK_ID}-qti3.zip` : `${BANK_ID}.gift.txt`,
    mediaType: 'application/zip',
    source: 'shipped',
    version: null,
    questionCount: 12,
    report: notes,
  };
}

describe('LmsExportControl', () => {
  it('shows what the chosen format leaves behind, then offers the file', async () => {
    const user = userEvent.setup();
    const server = installFakeServer({
      [REPORT_PATH]: ({ query }) =>
        report(query.get('format') ?? '', [
          { kind: 'lossy', questionId: 'order-1', message: 'The order has no partial credit.' },
          { kind: 'lossy', questionId: 'order-1', message: 'Its feedback is left out.' },
          { kind: 'skipped', questionId: 'evidence-2', message: 'GIFT has no place for it.' },
        ]),
    });
    render(<LmsExportControl bankId={BANK_ID} bankTitle="The visit" />);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Export “The visit” for an LMS' }),
      'qti3',
    );
    await user.click(screen.getByRole('button', { name: 'Export' }));

    const result = await screen.findByRole('region', { name: `${BANK_ID}-qti3.zip` });
    await waitFor(() => expect(result).toHaveFocus());
    expect(server.requestsTo(REPORT_PATH)[0]?.query.get('format')).toBe('qti3');
    expect(result).toHaveTextContent(
      '12 questions of the quiz as it ships: 2 questions with a loss or left out, listed below.',
    );
    const lossy = within(result).getByRole('heading', { name: 'With a loss' });
    expect(lossy.nextElementSibling).toHaveTextContent(
      'order-1: The order has no partial credit.order-1: Its feedback is left out.',
    );
    expect(result).toHaveTextContent('evidence-2: GIFT has no place for it.');
    expect(
      within(result).getByRole('link', { name: `Download ${BANK_ID}-qti3.zip` }),
    ).toHaveAttribute('href', `/api/teacher/banks/${BANK_ID}/export?format=qti3`);
  });

  it('says when nothing is lost, and why an export is refused', async () => {
    const user = userEvent.setup();
    const server = installFakeServer({ [REPORT_PATH]: () => report('gift', []) });
    render(<LmsExportControl bankId={BANK_ID} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(
      await screen.findByText(
        '12 questions of the quiz as it ships: nothing is lost in this format.',
      ),
    ).toBeVisible();

    server.on(REPORT_PATH, () =>
      apiError(
        422,
        'bank-has-problems',
        'This quiz was never published and its draft has problems.',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('its draft has problems');
    expect(screen.queryByRole('link', { name: /^Download/ })).not.toBeInTheDocument();
  });
});
