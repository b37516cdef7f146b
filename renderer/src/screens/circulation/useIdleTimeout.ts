// Ends a resident's session after a spell without touch, keys or scans, so the next resident never
// sees the previous one's loans. Returns the seconds left once the countdown is showing.
import { useCallback, useEffect, useRef, useState } from 'react';

export function useIdleTimeout(options: { active: boolean; idleSeconds: number; countdownSeconds: number; onTimeout: () => void }): {
  secondsLeft: number | null;
  touch: () => void;
} {
  const { active, idleSeconds, countdownSeconds } = options;
  const lastActivity = useRef(performance.now());
  const onTimeout = useRef(options.onTimeout);
  onTimeout.current = options.onTimeout;
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  const touch = useCallback(() => {
    lastActivity.current = performance.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!active) {
      setSecondsLeft(null);
      return;
    }
    lastActivity.current = performance.now();
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const name of events) window.addEventListener(name, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      const left = Math.ceil(idleSeconds - (performance.now() - lastActivity.current) / 1000);
      if (left <= 0) {
        setSecondsLeft(null);
        onTimeout.current();
      } else {
        setSecondsLeft(left <= countdownSeconds ? left : null);
      }
    }, 250);
    return () => {
      clearInterval(timer);
      for (const name of events) window.removeEventListener(name, touch, { capture: true });
    };
  }, [active, idleSeconds, countdownSeconds, touch]);

  return { secondsLeft, touch };
}
