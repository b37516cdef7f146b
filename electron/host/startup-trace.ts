// The host's start-up trace: how long each step took from process start (the script's first line
// is not the process's start: Node's own boot and loading this bundle come before it) to the first
// reply, and the deferred work after it. Logged once as `host.startup` so a technician (and
// bench/host-cold-start) can see which step costs what on a slow PC. Durations come from the
// process's monotonic clock (performance.now), not the kiosk's clock: they measure this machine.
import type { Logger } from '../core/log';

export interface StartupTrace {
  /** Marks the end of a step; its duration runs from the previous mark. */
  step(name: string): void;
  /** Writes the trace so far as one log line (`host.startup` or `host.deferred`). */
  report(event: string, log: Logger): void;
}

export function startupTrace(): StartupTrace {
  // performance.now() counts from the process's time origin, so the first step includes Node's boot.
  let last = 0;
  let steps: Record<string, number> = {};
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    step(name) {
      const now = performance.now();
      steps[name] = round((steps[name] ?? 0) + now - last);
      last = now;
    },
    report(event, log) {
      log.log('info', event, { atMs: round(last), steps: JSON.stringify(steps) });
      steps = {};
    },
  };
}
