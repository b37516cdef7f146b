// The clock every `kiosk` command uses: the machine's, unless the test-facing entry (electron/cli/main.ts,
// built as dist/cli.mjs) was given `--test-clock` (common/testing/test-clock.ts). Set once per process,
// before the command runs; the Electron `--cli` mode never sets it.
import { systemClock, type Clock } from '../core/clock';

let current: Clock = systemClock;

export function useCliClock(clock: Clock): void {
  current = clock;
}

export function cliClock(): Clock {
  return current;
}
