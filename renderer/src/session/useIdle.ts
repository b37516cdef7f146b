// The one idle rule of every screen someone signs in to (a resident at Mượn / trả sách, a staff member
// in the staff area): after `idleSeconds` without touch, keys or scans (`touch`), `onTimeout` runs;
// for the last `countdownSeconds` the screen shows how long is left (IdleCountdown) so a person who is
// still there can stay. The next resident must never find the previous person's loans or staff pages.
import { useCallback, useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export interface IdleRule {
  active: boolean;
  idleSeconds: number;
  countdownSeconds: number;
  onTimeout: () => void;
  /** Use that is not a touch or key (a film playing): while it returns true, the time starts again. */
  inUse?: () => boolean;
}

export function useIdle(rule: IdleRule): { secondsLeft: number | null; touch: () => void } {
  const { active, idleSeconds, countdownSeconds } = rule;
  const lastActivity = useRef(performance.now());
  const onTimeout = useRef(rule.onTimeout);
  const inUse = useRef(rule.inUse);
  useEffect(() => {
    onTimeout.current = rule.onTimeout;
    inUse.current = rule.inUse;
  });
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  const touch = useCallback(() => {
    lastActivity.current = performance.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = performance.now();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (inUse.current?.()) lastActivity.current = performance.now();
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
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
      setSecondsLeft(null);
    };
  }, [active, idleSeconds, countdownSeconds, touch]);

  return { secondsLeft, touch };
}
