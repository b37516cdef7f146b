// Input seen on a screen of the running session (the session bar, the welcome panel, the browser-mode
// stand-in page) is told to the core, whose inactivity rule decides when to ask "Bạn còn dùng máy
// không?" and when to end (electron/core/internet/inactivity.ts). Told at most every few seconds, and
// at once while the question shows, so an answer takes it away without waiting.
import { useEffect, useRef } from 'react';
import { useApi } from '../../api/context';

const REPORT_EVERY_MS = 10_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function useReportInput(active: boolean, asking: boolean): void {
  const api = useApi();
  const lastReport = useRef(Number.NEGATIVE_INFINITY);
  const askingNow = useRef(asking);
  askingNow.current = asking;
  useEffect(() => {
    if (!active) return;
    const onInput = () => {
      const now = performance.now();
      if (!askingNow.current && now - lastReport.current < REPORT_EVERY_MS) return;
      lastReport.current = now;
      void api.call('internet.activity', {}).catch(() => undefined);
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [api, active]);
}
