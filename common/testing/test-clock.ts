// The `--test-clock INSTANT[@RATE]` option of the processes tests start: the browser-mode host
// (dist/host.mjs), the `kiosk` CLI (dist/cli.mjs) and the provincial collector. Tests choose the
// instant (and whether time runs: RATE 1 = real speed, the default; 0 = frozen; 60 = a minute per
// second), so no test depends on the machine's date, hour, weekday or time zone.
//
// Why it cannot reach a production kiosk, the same rule as `--simulate-devices`:
// - only those test-facing entry points read it; the Electron main process (and so an installed
//   kiosk's `--cli` mode) never passes argv through here with hooks allowed;
// - the bundles get a build-time constant, `__KIOSK_TEST_HOOKS__`: `node scripts/build.mjs --production`
//   (what the installers are built from, docs/deploy.md) sets it to false for every entry, and the
//   Electron main bundle always has it false. With hooks off, `--test-clock` is refused with a
//   sentence instead of silently moving the clock of a real kiosk.
// Pure code (common/): parsing and a clock object only; entry points turn it into the core's Clock.

declare const __KIOSK_TEST_HOOKS__: boolean | undefined;

/** Whether this build accepts test hooks: true from source and in test builds, false in a production build. */
export const testHooksBuiltIn: boolean = typeof __KIOSK_TEST_HOOKS__ === 'undefined' ? true : __KIOSK_TEST_HOOKS__;

export const TEST_CLOCK_OPTION = '--test-clock';

export interface ClockSpec {
  startMs: number;
  rate: number;
}

export interface RunningClock {
  now(): number;
  monotonic(): number;
  /** Moves wall and monotonic time on together, as if `ms` had passed (what a test does to skip a wait). */
  advance(ms: number): void;
}

/**
 * Reads `INSTANT[@RATE]`, e.g. `2026-12-06T23:50:00+07:00` or `2028-02-29T12:00:00+07:00@0`. The
 * instant must carry its offset (or Z) so it means the same moment whatever TZ the process has.
 */
export function parseClockSpec(spec: string): ClockSpec | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})(?:@(\d{1,6}(?:\.\d{1,6})?))?$/.exec(spec.trim());
  if (!match) return undefined;
  const instant = spec.trim().split('@')[0]!;
  const startMs = Date.parse(instant);
  if (!Number.isFinite(startMs)) return undefined;
  // Date.parse rolls 2027-02-29 over to 1 March; a test that asks for a day that does not exist is wrong.
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59) return undefined;
  return { startMs, rate: match[7] === undefined ? 1 : Number(match[7]) };
}

/** Wall time from `spec.startMs`, running at `spec.rate` from the moment this is called; monotonic time at the same rate. */
export function startedClock(spec: ClockSpec, realMonotonic: () => number = () => performance.now()): RunningClock {
  const origin = realMonotonic();
  let skipped = 0;
  const elapsed = () => (realMonotonic() - origin) * spec.rate + skipped;
  return {
    now: () => spec.startMs + Math.floor(elapsed()),
    monotonic: elapsed,
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('a test clock only moves forward');
      skipped += ms;
    },
  };
}

/** The clock command a test writes on a host's stdin: `advance <ms>` (whole milliseconds, forward only). */
export function parseClockCommand(line: string): { advanceMs: number } | undefined {
  const match = /^advance (\d{1,12})$/.exec(line.trim());
  return match ? { advanceMs: Number(match[1]) } : undefined;
}

/**
 * Lets the test that started this process move its clock: each line `advance <ms>` on `input` moves
 * `clock` on and answers `CLOCK=<epoch ms>` through `answer` (the test waits for it, so the move has
 * happened before its next step). Only a process started with `--test-clock` listens, and only its
 * parent can write its stdin: no port, no file, nothing a stranger reaches.
 */
export function listenForClockCommands(
  input: NodeJS.ReadableStream,
  clock: RunningClock,
  answer: (line: string) => void,
  complain: (line: string) => void,
): void {
  let buffered = '';
  input.setEncoding?.('utf8');
  input.on('data', (chunk: string | Buffer) => {
    buffered += String(chunk);
    let end: number;
    while ((end = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (!line.trim()) continue;
      const command = parseClockCommand(line);
      if (!command) {
        complain(`Lệnh đồng hồ kiểm thử không hợp lệ: "${line.slice(0, 40)}". Dùng: advance <mili giây>.`);
        continue;
      }
      clock.advance(command.advanceMs);
      answer(`CLOCK=${clock.now()}`);
    }
  });
}

export class TestClockRefused extends Error {}

/**
 * Takes `--test-clock X` / `--test-clock=X` out of `argv` (so the entry's own parser never sees it)
 * and returns the clock it asks for. Throws TestClockRefused, with a Vietnamese sentence, when the
 * option is given to a build without test hooks or the instant cannot be read.
 */
export function takeTestClock(argv: readonly string[], allowed: boolean = testHooksBuiltIn): { argv: string[]; spec?: ClockSpec } {
  const rest: string[] = [];
  let value: string | undefined;
  let seen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === TEST_CLOCK_OPTION || arg.startsWith(`${TEST_CLOCK_OPTION}=`)) {
      seen = true;
      value = arg === TEST_CLOCK_OPTION ? argv[++i] : arg.slice(TEST_CLOCK_OPTION.length + 1);
      continue;
    }
    rest.push(arg);
  }
  if (!seen) return { argv: rest };
  if (!allowed) throw new TestClockRefused(`${TEST_CLOCK_OPTION} chỉ dùng khi kiểm thử; bản cài đặt của kiosk luôn dùng đồng hồ của máy. Hãy bỏ tùy chọn này.`);
  const spec = value === undefined ? undefined : parseClockSpec(value);
  if (!spec)
    throw new TestClockRefused(
      `${TEST_CLOCK_OPTION} cần một thời điểm có múi giờ, ví dụ 2026-12-06T23:50:00+07:00 (thêm @0 để đứng yên, @60 để chạy nhanh gấp 60 lần).`,
    );
  return { argv: rest, spec };
}
