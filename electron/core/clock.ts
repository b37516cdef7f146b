// Time as the domain sees it: wall time for records and reports, a monotonic reading for durations
// (so a wall-clock change neither adds nor removes minutes). Tests pass a fake.
export interface Clock {
  /** Wall-clock time, epoch milliseconds. */
  now(): number;
  /** Monotonic milliseconds since an arbitrary origin; only differences mean anything. */
  monotonic(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

/** A clock the test moves by hand; `jumpWall` changes wall time without moving monotonic time. */
export class FakeClock implements Clock {
  private wall: number;
  private mono = 0;
  constructor(start: number | string = '2026-12-01T08:00:00+07:00') {
    this.wall = typeof start === 'number' ? start : Date.parse(start);
  }
  now(): number {
    return this.wall;
  }
  monotonic(): number {
    return this.mono;
  }
  advance(ms: number): void {
    this.wall += ms;
    this.mono += ms;
  }
  jumpWall(ms: number): void {
    this.wall += ms;
  }
}
