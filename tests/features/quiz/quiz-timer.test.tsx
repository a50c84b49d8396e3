import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuizTimer } from '../../../src/features/quiz/components/quiz-timer';

describe('the quiz timer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2025-03-20T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function liveRegion(): HTMLElement {
    const region = document.querySelector<HTMLElement>('[aria-live]');
    if (!region) throw new Error('no live region');
    return region;
  }

  it('shows the time left, announces only 5 minutes and 1 minute, and expires once at zero', () => {
    const onExpire = vi.fn();
    render(<QuizTimer deadline="2025-03-20T10:06:00Z" onExpire={onExpire} />);
    expect(screen.getByText('6:00')).toBeInTheDocument();

    act(() => vi.advanceTimersByTime(59_000));
    expect(screen.getByText('5:01')).toBeInTheDocument();
    expect(liveRegion()).toHaveTextContent('');

    act(() => vi.advanceTimersByTime(1_000));
    expect(liveRegion()).toHaveTextContent('5 minutes left.');
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText('4:00')).toBeInTheDocument();
    expect(liveRegion()).toHaveTextContent('5 minutes left.');

    act(() => vi.advanceTimersByTime(180_000));
    expect(liveRegion()).toHaveTextContent('1 minute left.');
    expect(onExpire).not.toHaveBeenCalled();

    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText('0:00')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(5_000));
    expect(onExpire).toHaveBeenCalledOnce();
  });

  it('writes "1 minute left" next to the clock, not only in the announcement', () => {
    render(<QuizTimer deadline="2025-03-20T10:02:00Z" onExpire={vi.fn()} />);
    expect(screen.queryByText('1 minute left')).not.toBeInTheDocument();
    act(() => vi.advanceTimersByTime(60_000));
    const warning = screen.getByText('1 minute left');
    expect(warning).toBeVisible();
    expect(warning).not.toHaveClass('visually-hidden');
    expect(warning.closest('[aria-live]')).toBeNull();
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByText('1 minute left')).toBeVisible();
  });

  it('does not announce a threshold already passed when the page opens', () => {
    render(<QuizTimer deadline="2025-03-20T10:03:00Z" onExpire={vi.fn()} />);
    act(() => vi.advanceTimersByTime(10_000));
    expect(liveRegion()).toHaveTextContent('');
  });
});
