// Time policy arithmetic, pure: opening hours, every limit, the smallest one wins, closing time.
import { describe, expect, it } from 'vitest';
import { defaultInternetConfig, type CategoryLimits, type InternetConfig } from '../../../electron/core/internet/config';
import { computeAllowance, localTime, openState, weekStart, type Usage } from '../../../electron/core/internet/policy';

const config: InternetConfig = { ...defaultInternetConfig, closedDates: ['2026-09-02'], specialHours: { '2026-12-05': [{ open: '08:00', close: '10:00' }] } };
const adult: CategoryLimits = { sessionMinutes: 60, dayMinutes: 120, weekMinutes: 300, sessionsPerDay: 3 };
const fresh: Usage = { minutesToday: 0, minutesThisWeek: 0, sessionsToday: 0, extraDayMinutes: 0 };
const at = (local: string) => Date.parse(`${local}+07:00`);

describe('opening hours', () => {
  it('reads local Vietnam time whatever the machine zone', () => {
    expect(localTime(at('2026-12-01T23:30:00'))).toMatchObject({ day: '2026-12-01', weekday: 'tue', minuteOfDay: 23 * 60 + 30 });
    expect(weekStart('2026-12-06')).toBe('2026-11-30');
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
  });
  it('is open in the morning and afternoon, closed at lunch, on Sunday and on holidays', () => {
    expect(openState(config, at('2026-12-01T09:00:00'))).toMatchObject({ open: true, minutesUntilClose: 150, closesAt: '11:30' });
    expect(openState(config, at('2026-12-01T12:00:00'))).toEqual({ open: false, nextOpen: '13:30 01/12' });
    expect(openState(config, at('2026-12-06T09:00:00'))).toEqual({ open: false, nextOpen: '07:30 07/12' });
    expect(openState(config, at('2026-09-02T09:00:00'))).toEqual({ open: false, nextOpen: '07:30 03/09' });
    expect(openState(config, at('2026-12-05T09:30:00'))).toMatchObject({ open: true, closesAt: '10:00' });
  });
});

describe('computeAllowance', () => {
  it('gives the session limit when nothing else is smaller', () => {
    expect(computeAllowance(config, adult, fresh, at('2026-12-01T08:00:00'))).toMatchObject({ ok: true, minutes: 60, limitedBy: 'session' });
  });
  it('limits by what is left of the day, including staff extra minutes', () => {
    expect(computeAllowance(config, adult, { ...fresh, minutesToday: 100, sessionsToday: 2 }, at('2026-12-01T08:00:00'))).toMatchObject({
      minutes: 20,
      limitedBy: 'day',
    });
    expect(computeAllowance(config, adult, { ...fresh, minutesToday: 100, sessionsToday: 2, extraDayMinutes: 15 }, at('2026-12-01T08:00:00'))).toMatchObject({
      minutes: 35,
      limitedBy: 'day',
    });
  });
  it('limits by what is left of the week', () => {
    expect(computeAllowance(config, adult, { ...fresh, minutesThisWeek: 270 }, at('2026-12-01T08:00:00'))).toMatchObject({ minutes: 30, limitedBy: 'week' });
  });
  it('a session started 10 minutes before closing gets 10 minutes', () => {
    expect(computeAllowance(config, adult, fresh, at('2026-12-01T16:50:00'))).toMatchObject({ ok: true, minutes: 10, limitedBy: 'closing', closesAt: '17:00' });
  });
  it('refuses with a sentence for every exhausted limit', () => {
    const cases: [Usage, string, string][] = [
      [{ ...fresh, sessionsToday: 3 }, '2026-12-01T08:00:00', 'sessions_used_up'],
      [{ ...fresh, minutesToday: 120 }, '2026-12-01T08:00:00', 'day_used_up'],
      [{ ...fresh, minutesToday: 119.5 }, '2026-12-01T08:00:00', 'day_used_up'],
      [{ ...fresh, minutesThisWeek: 300 }, '2026-12-01T08:00:00', 'week_used_up'],
      [fresh, '2026-12-01T12:15:00', 'closed'],
      [fresh, '2026-12-01T16:59:30', 'closing_soon'],
    ];
    for (const [usage, when, reason] of cases) {
      const result = computeAllowance(config, adult, usage, at(when));
      expect(result).toMatchObject({ ok: false, reason });
      if (!result.ok) expect(result.message).toMatch(/\.$/);
    }
  });
  it('a week limit of null means no weekly limit', () => {
    expect(computeAllowance(config, { ...adult, weekMinutes: null }, { ...fresh, minutesThisWeek: 5000 }, at('2026-12-01T08:00:00'))).toMatchObject({
      ok: true,
      minutes: 60,
    });
  });
  it('guest passes get their own minutes, still capped by closing', () => {
    expect(computeAllowance(config, { guestMinutes: 30 }, fresh, at('2026-12-01T08:00:00'))).toMatchObject({ minutes: 30, limitedBy: 'guest' });
    expect(computeAllowance(config, { guestMinutes: 30 }, fresh, at('2026-12-01T11:20:00'))).toMatchObject({ minutes: 10, limitedBy: 'closing' });
  });
});
