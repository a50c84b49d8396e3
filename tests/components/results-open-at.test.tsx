import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResultsOpenAt } from '../../src/components/results-open-at';
import { formatDateTime } from '../../src/lib/format-date-time';

describe('ResultsOpenAt', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('at the due time, names a time still to come (grace counted) and opens the results by itself', async () => {
    // Due at 10:00; the results open after the 30 s grace. Ten seconds after the due time the old
    // page said "after 10:00", a time already passed, and waited for a reload that never came.
    vi.setSystemTime(new Date('2026-03-02T10:00:10.000Z'));
    const onOpen = vi.fn();
    render(<ResultsOpenAt opensAt="2026-03-02T10:00:30.000Z" onOpen={onOpen} />);

    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(
      `Your results open at ${formatDateTime('2026-03-02T10:01:00.000Z')}, once the due time and 30 seconds for answers still on their way have passed. This page shows them by itself then.`,
    );
    expect(status).not.toHaveTextContent(formatDateTime('2026-03-02T10:00:00.000Z'));

    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(onOpen).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('says "in a moment" and asks again soon when this device’s clock is already past it', async () => {
    vi.setSystemTime(new Date('2026-03-02T10:00:40.000Z'));
    const onOpen = vi.fn();
    render(<ResultsOpenAt opensAt="2026-03-02T10:00:30.000Z" onOpen={onOpen} />);

    expect(screen.getByRole('status')).toHaveTextContent(
      'Your results open in a moment: this page shows them by itself.',
    );
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });
});
