// Seconds a viewer has been visible on screen: time with the page hidden (another tab, the screen
// off) is not counted, so the minutes reported for statistics are reading time, not idle time.
import { useCallback, useEffect, useRef } from 'react';

export function useVisibleTime(): () => number {
  const total = useRef(0);
  const since = useRef<number | null>(document.visibilityState === 'visible' ? performance.now() : null);

  useEffect(() => {
    const onChange = () => {
      if (document.visibilityState === 'visible') {
        since.current ??= performance.now();
      } else if (since.current !== null) {
        total.current += performance.now() - since.current;
        since.current = null;
      }
    };
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  // Stable: effects may list it without running again.
  return useCallback(() => (total.current + (since.current === null ? 0 : performance.now() - since.current)) / 1000, []);
}
