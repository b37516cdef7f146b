// The report period syntax: examples, and properties over generated periods (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysBetween, isCalendarDay, parsePeriod, previousYear } from '#contract/statistics';

describe('parsePeriod', () => {
  it('reads each kind of period', () => {
    expect(parsePeriod('2026')).toEqual({ kind: 'year', label: '2026', from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod('2026-H1')).toEqual({ kind: 'half', label: '2026-H1', from: '2026-01-01', to: '2026-06-30' });
    expect(parsePeriod('2026-h2')).toMatchObject({ from: '2026-07-01', to: '2026-12-31' });
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(parsePeriod('2028-02')).toEqual({ kind: 'month', label: '2028-02', from: '2028-02-01', to: '2028-02-29' });
    expect(parsePeriod('2026-05-14')).toEqual({ kind: 'day', label: '2026-05-14', from: '2026-05-14', to: '2026-05-14' });
    expect(parsePeriod(' 2026-01-01..2026-03-31 ')).toEqual({ kind: 'custom', label: '2026-01-01..2026-03-31', from: '2026-01-01', to: '2026-03-31' });
  });

  it('refuses what is not a period', () => {
    for (const bad of ['', '26', '2026-H3', '2026-Q5', '2026-13', '2026-02-30', '2026-03-31..2026-01-01', '2020-01-01..2026-01-01', 'năm ngoái', '2026-1']) {
      expect(parsePeriod(bad), bad).toBeUndefined();
    }
  });

  it('previous year keeps whole months whole (29 February)', () => {
    expect(previousYear(parsePeriod('2028-02')!)).toMatchObject({ label: '2027-02', from: '2027-02-01', to: '2027-02-28' });
    expect(previousYear(parsePeriod('2026-H1')!)).toMatchObject({ label: '2025-H1', from: '2025-01-01', to: '2025-06-30' });
    expect(previousYear(parsePeriod('2028-02-29')!)).toMatchObject({ from: '2027-02-28' });
  });
});

const year = fc.integer({ min: 1900, max: 9998 });
const generated = fc.oneof(
  year.map(String),
  fc.tuple(year, fc.constantFrom(1, 2)).map(([y, h]) => `${y}-H${h}`),
  fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(fc.date({ min: new Date('1901-01-01'), max: new Date('9990-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 1000 }))
    .map(([d, n]) => `${d.toISOString().slice(0, 10)}..${new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10)}`),
);

describe('parsePeriod properties', () => {
  it('every generated period parses to real days, from ≤ to, and its label parses to itself', () => {
    fc.assert(
      fc.property(generated, (text) => {
        const p = parsePeriod(text)!;
        expect(p).toBeDefined();
        expect(isCalendarDay(p.from) && isCalendarDay(p.to)).toBe(true);
        expect(p.from <= p.to).toBe(true);
        expect(parsePeriod(p.label)).toEqual(p);
      }),
    );
  });

  it('the previous period is one year earlier and about as long', () => {
    fc.assert(
      fc.property(generated, (text) => {
        const p = parsePeriod(text)!;
        const q = previousYear(p);
        expect(Number(q.from.slice(0, 4))).toBe(Number(p.from.slice(0, 4)) - 1);
        expect(Math.abs(daysBetween(q.from, q.to) - daysBetween(p.from, p.to))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => void parsePeriod(text)));
  });
});
