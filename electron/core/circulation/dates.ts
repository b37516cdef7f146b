// Calendar-day arithmetic for due dates. Days are local (Asia/Ho_Chi_Minh) ISO dates, so "due on
// the 7th" means the same thing on the receipt, on screen and in the database.
import { localDay } from '../store/event-log';

export { localDay };

const DAY_MS = 86_400_000;

function toUtc(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function addDays(isoDay: string, days: number): string {
  return new Date(toUtc(isoDay) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function addYears(isoDay: string, years: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  // 29 February plus a year lands on 28 February rather than rolling into March.
  const target = new Date(Date.UTC(y + years, m - 1, Math.min(d, 28)));
  if (d > 28) target.setUTCDate(Math.min(d, new Date(Date.UTC(y + years, m, 0)).getUTCDate()));
  return target.toISOString().slice(0, 10);
}

/** 2026-12-07 → 07/12/2026, the way dates are written in Vietnam. */
export function formatDayVi(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}
