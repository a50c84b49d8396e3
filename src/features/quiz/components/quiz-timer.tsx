import { useEffect, useLayoutEffect, useRef, useState } from 'react';

interface QuizTimerProps {
  /** ISO time at which the attempt must be in. */
  deadline: string;
  /** Called once, when the time runs out. */
  onExpire: () => void;
}

/** The moments worth interrupting a student for, in seconds left. */
const ANNOUNCEMENTS = [
  { at: 5 * 60, message: '5 minutes left' },
  { at: 60, message: '1 minute left' },
];

/** How long a warning stays on screen after its moment, in seconds. */
const WARNING_SHOWN_FOR = 60;

function secondsUntil(deadline: number): number {
  return Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
}

function formatClock(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/**
 * The time left, shown every second but announced only at 5 minutes and 1 minute (a screen reader
 * reading a clock every second would drown the question). Each warning is also written next to
 * the clock for a minute, so a student who looks away from the clock sees it. At zero it calls
 * `onExpire` once.
 */
export function QuizTimer({ deadline, onExpire }: QuizTimerProps) {
  const deadlineMs = Date.parse(deadline);
  const [secondsLeft, setSecondsLeft] = useState(() => secondsUntil(deadlineMs));
  const [announcement, setAnnouncement] = useState('');
  const onExpireRef = useRef(onExpire);
  useLayoutEffect(() => {
    onExpireRef.current = onExpire;
  });

  useEffect(() => {
    let previous = secondsUntil(deadlineMs);
    let expired = false;
    function tick() {
      const current = secondsUntil(deadlineMs);
      const crossed = ANNOUNCEMENTS.find(({ at }) => previous > at && current <= at);
      if (crossed) setAnnouncement(`${crossed.message}.`);
      previous = current;
      setSecondsLeft(current);
      if (current === 0 && !expired) {
        expired = true;
        onExpireRef.current();
      }
    }
    const interval = setInterval(tick, 1000);
    return () => clearInterval(interval);
  }, [deadlineMs]);

  const urgent = secondsLeft <= 60;
  const warning = ANNOUNCEMENTS.find(
    ({ at }) => secondsLeft <= at && secondsLeft > at - WARNING_SHOWN_FOR,
  );
  return (
    <div className={urgent ? 'quiz-timer is-urgent' : 'quiz-timer'}>
      <p className="quiz-timer-clock">
        Time left <span className="quiz-timer-value">{formatClock(secondsLeft)}</span>
      </p>
      {warning && (
        // The live region below says it to screen readers; this copy is for the eyes.
        <p className="quiz-timer-warning" aria-hidden="true">
          {warning.message}
        </p>
      )}
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
    </div>
  );
}
