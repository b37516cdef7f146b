// Property tests of due-date arithmetic: adding days and counting them back agree on every day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, formatDayVi, localDay } from '../../../electron/core/circulation/dates';

const isoDay = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('due dates', () => {
  it('daysBetween undoes addDays, and the result is always a real ISO day', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -4000, max: 4000 }), (day, n) => {
        const later = addDays(day, n);
        expect(later).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${later}T00:00:00Z`).toISOString().slice(0, 10)).toBe(later);
        expect(daysBetween(day, later)).toBe(n);
      }),
    );
  });

  it('addYears keeps the month and never rolls 29 February into March', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 10 }), (day, years) => {
        const later = addYears(day, years);
        expect(later.slice(5, 7)).toBe(day.slice(5, 7));
        expect(Number(later.slice(0, 4))).toBe(Number(day.slice(0, 4)) + years);
      }),
    );
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('the local day is Vietnam time: 23:30 UTC is already the next day', () => {
    expect(localDay(Date.parse('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(formatDayVi('2026-12-07')).toBe('07/12/2026');
  });
});
