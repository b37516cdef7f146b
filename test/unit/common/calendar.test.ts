// The kiosk's calendar: day arithmetic (property tests: adding days and counting them back agree on
// every day), the local day and time in Vietnam whatever the PC's TZ, and dates written day-first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysBetween,
  formatDate,
  formatDateTime,
  formatDay,
  localDay,
  localInstant,
  localMidnight,
  localStamp,
  localTime,
  weekStart,
} from '../../../common/calendar';

const isoDay = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

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
    expect(formatDay('2026-12-07')).toBe('07/12/2026');
  });

  it('agrees with the Intl time zone database for Asia/Ho_Chi_Minh on every instant since 1976', () => {
    const zone = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2090, 0, 1) }), (at) => {
        const parts = Object.fromEntries(zone.formatToParts(at).map((p) => [p.type, p.value]));
        expect(localDay(at)).toBe(`${parts.year}-${parts.month}-${parts.day}`);
        expect(formatDateTime(at)).toBe(`${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`);
        expect(localMidnight(at)).toBe(localInstant(localDay(at)));
        expect(Math.floor(localTime(at).minuteOfDay)).toBe(Number(parts.hour) * 60 + Number(parts.minute));
      }),
    );
  });

  it('writes dates day-first, on a leap day and at the turn of a local day', () => {
    const leap = localInstant('2028-02-29', '23:50');
    expect(formatDateTime(leap)).toBe('29/02/2028 23:50');
    expect(formatDate(leap + 10 * 60_000)).toBe('01/03/2028');
    expect(localStamp(leap)).toBe('20280229-235000');
    expect(localTime(leap).weekday).toBe('tue');
    expect(weekStart('2028-03-05')).toBe('2028-02-28');
  });
});
