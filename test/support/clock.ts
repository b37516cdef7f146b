// The instants tests run the kiosk at, chosen on purpose, and the `--test-clock` argument that gives
// a process started by a test (host, CLI, collector) its clock (common/testing/test-clock.ts). No test
// reads the machine's clock: CI proves it by running the suites again under libfaketime (.ci/run).
export const INSTANTS = {
  /** Default: a Wednesday at 10:00 in Vietnam, well inside every opening hour and reading day. */
  openWeekday: '2026-12-02T10:00:00+07:00',
  /** Sunday 23:50: the internet closes in minutes (demo hours end 23:59); the UTC day is still the 6th. */
  sundayLate: '2026-12-06T23:50:00+07:00',
  /** Monday 00:05 in Vietnam while it is still Sunday in UTC. */
  afterMidnight: '2026-12-07T00:05:00+07:00',
  /** Tuesday 29 February 2028. */
  leapDay: '2028-02-29T12:00:00+07:00',
  /** Thirty seconds before the new year in Vietnam. */
  yearEnd: '2026-12-31T23:59:30+07:00',
} as const;

export const DEFAULT_INSTANT = INSTANTS.openWeekday;

/** `--test-clock` arguments: the instant, and how fast time runs from it (1 = real speed, 0 = frozen). */
export function testClockArgs(instant: string | number, rate = 1): string[] {
  const iso = typeof instant === 'number' ? new Date(instant).toISOString() : instant;
  return ['--test-clock', rate === 1 ? iso : `${iso}@${rate}`];
}

/**
 * The clock a test moves for a series of processes (each `kiosk` command is its own process): every
 * process starts at `now()`, and each start moves it on by `stepMs` (a minute by default, more than a
 * command takes even on a loaded machine), so wall time never runs backwards from one command to the next.
 */
export class ProcessClock {
  private at: number;
  constructor(
    start: string | number = DEFAULT_INSTANT,
    readonly stepMs = 60_000,
    /** 1 = each process's clock runs at real speed from its instant; 0 = frozen there (exact minutes). */
    readonly rate = 1,
  ) {
    this.at = typeof start === 'number' ? start : Date.parse(start);
    if (!Number.isFinite(this.at)) throw new Error(`not an instant: ${start}`);
  }
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
  /** The arguments for the next process, then the step. */
  nextArgs(): string[] {
    const args = testClockArgs(this.at, this.rate);
    this.at += this.stepMs;
    return args;
  }
}
