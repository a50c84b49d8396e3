import { useCallback, useEffect, useState } from 'react';

/**
 * A countdown in whole seconds, shown to the second and stopped at 0: `start(seconds)` begins it,
 * for example with the `Retry-After` of a refused login.
 */
export function useCountdown(): { secondsLeft: number; start: (seconds: number) => void } {
  const [clock, setClock] = useState({ until: 0, now: 0 });

  const start = useCallback((seconds: number) => {
    const now = Date.now();
    setClock({ until: now + seconds * 1000, now });
  }, []);

  const running = clock.now < clock.until;
  useEffect(() => {
    if (!running) return;
    const interval = setInterval(() => {
      setClock((previous) => ({ ...previous, now: Date.now() }));
    }, 1000);
    return () => clearInterval(interval);
  }, [running]);

  return { secondsLeft: Math.max(0, Math.ceil((clock.until - clock.now) / 1000)), start };
}
