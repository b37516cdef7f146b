// The --test-clock option (common/testing/test-clock.ts): which instants it reads, that it refuses a
// build without test hooks, and that the clock it gives starts where asked and runs at the rate asked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { listenForClockCommands, parseClockCommand, parseClockSpec, startedClock, takeTestClock, TestClockRefused } from '../../../common/testing/test-clock';

describe('parseClockSpec', () => {
  it('reads an instant with its offset, and an optional rate', () => {
    expect(parseClockSpec('2026-12-06T23:50:00+07:00')).toEqual({ startMs: Date.parse('2026-12-06T16:50:00Z'), rate: 1 });
    expect(parseClockSpec('2028-02-29T12:00:00+07:00@0')).toEqual({ startMs: Date.parse('2028-02-29T05:00:00Z'), rate: 0 });
    expect(parseClockSpec('2026-12-31T16:59:30.250Z@60')).toEqual({ startMs: Date.parse('2026-12-31T16:59:30.250Z'), rate: 60 });
  });

  it('refuses instants without an offset, days that do not exist, and other text', () => {
    for (const bad of [
      '2026-12-06T23:50:00',
      '2027-02-29T12:00:00+07:00',
      '2026-13-01T00:00:00Z',
      '2026-12-06T24:00:00Z',
      'tomorrow',
      '',
      '2026-12-06T23:50:00+07:00@-1',
      '2026-12-06T23:50:00+07:00@x',
    ]) {
      expect(parseClockSpec(bad), bad).toBeUndefined();
    }
  });

  it('reads back every instant it is given, in any offset (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: -11, max: 14 }),
        (date, offsetHours) => {
          const ms = Math.floor(date.getTime() / 1000) * 1000;
          const local = new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 19);
          const offset = `${offsetHours < 0 ? '-' : '+'}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
          expect(parseClockSpec(`${local}${offset}`)).toEqual({ startMs: ms, rate: 1 });
        },
      ),
    );
  });
});

describe('startedClock', () => {
  it('starts at the instant and runs at the rate, wall and monotonic together', () => {
    let real = 5_000;
    const clock = startedClock({ startMs: Date.parse('2026-12-06T16:50:00Z'), rate: 60 }, () => real);
    expect(clock.now()).toBe(Date.parse('2026-12-06T16:50:00Z'));
    real += 1_000;
    expect(clock.now()).toBe(Date.parse('2026-12-06T16:51:00Z'));
    expect(clock.monotonic()).toBe(60_000);
    const frozen = startedClock({ startMs: 0, rate: 0 }, () => real);
    real += 99_000;
    expect([frozen.now(), frozen.monotonic()]).toEqual([0, 0]);
  });
});

describe('a clock the test moves', () => {
  it('advance moves wall and monotonic time on together, forward only', () => {
    let real = 0;
    const clock = startedClock({ startMs: Date.parse('2028-02-28T16:59:00Z'), rate: 1 }, () => real);
    clock.advance(60_000);
    expect(new Date(clock.now()).toISOString()).toBe('2028-02-28T17:00:00.000Z'); // 29 February in Vietnam
    expect(clock.monotonic()).toBe(60_000);
    real += 500;
    expect(clock.monotonic()).toBe(60_500);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });

  it('reads `advance <ms>` and nothing else', () => {
    expect(parseClockCommand('advance 300000')).toEqual({ advanceMs: 300_000 });
    expect(parseClockCommand(' advance 0 \r')).toEqual({ advanceMs: 0 });
    for (const bad of ['advance -5', 'advance 1e9', 'advance', 'rewind 5', 'advance 5 6', 'advance 1234567890123'])
      expect(parseClockCommand(bad)).toBeUndefined();
  });

  it('answers each command on stdout after moving, in order, across split chunks, and complains about the rest', () => {
    const input = new PassThrough();
    const clock = startedClock({ startMs: 0, rate: 0 });
    const answers: string[] = [];
    const complaints: string[] = [];
    listenForClockCommands(
      input,
      clock,
      (line) => answers.push(line),
      (line) => complaints.push(line),
    );
    input.write('adv');
    input.write('ance 1000\nadvance 2000\nnonsense\n\n');
    expect(answers).toEqual(['CLOCK=1000', 'CLOCK=3000']);
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatch(/advance <mili giây>/);
  });
});

describe('takeTestClock', () => {
  it('takes the option out of the arguments, in either spelling', () => {
    expect(takeTestClock(['search', 'x', '--test-clock', '2026-12-02T10:00:00+07:00', '--json'], true)).toEqual({
      argv: ['search', 'x', '--json'],
      spec: { startMs: Date.parse('2026-12-02T03:00:00Z'), rate: 1 },
    });
    expect(takeTestClock(['--test-clock=2026-12-02T10:00:00+07:00@0', 'holds'], true)).toMatchObject({ argv: ['holds'], spec: { rate: 0 } });
    expect(takeTestClock(['search', '--', '--test-clock', 'x'], true)).toEqual({ argv: ['search', '--', '--test-clock', 'x'] });
    expect(takeTestClock(['holds'], false)).toEqual({ argv: ['holds'] });
  });

  it('is refused by a build without test hooks, and when the instant cannot be read', () => {
    expect(() => takeTestClock(['holds', '--test-clock', '2026-12-02T10:00:00+07:00'], false)).toThrow(TestClockRefused);
    expect(() => takeTestClock(['holds', '--test-clock', '2026-12-02 10:00'], true)).toThrow(/cần một thời điểm có múi giờ/);
    expect(() => takeTestClock(['holds', '--test-clock'], true)).toThrow(TestClockRefused);
  });
});
