// The kiosk's calendar, in one place for core and renderer: its time zone, the local day of an
// instant, day arithmetic, and dates written day-first (07/12/2026) in every language.
//
// Vietnam has one time zone, UTC+7, with no daylight saving since 1975, so local time is plain
// arithmetic on epoch milliseconds: no Intl, no dependence on the PC's own zone (TZ), the same
// answer in a test at any hour. Pure: callers pass the instant (core: ctx.clock.now()).

export const KIOSK_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Local time minus UTC, all year. */
export const LOCAL_OFFSET_MS = 7 * HOUR_MS;

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The instant shifted so its UTC fields read as kiosk-local fields. */
function shifted(epochMs: number): Date {
  return new Date(epochMs + LOCAL_OFFSET_MS);
}

/** The local calendar day of an instant, YYYY-MM-DD. */
export function localDay(epochMs: number): string {
  return shifted(epochMs).toISOString().slice(0, 10);
}

export interface LocalTime {
  day: string; // YYYY-MM-DD
  weekday: Weekday;
  minuteOfDay: number; // fractional minutes since local midnight
}

export function localTime(epochMs: number): LocalTime {
  const local = shifted(epochMs);
  const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes() + (local.getUTCSeconds() * 1000 + local.getUTCMilliseconds()) / MINUTE_MS;
  return { day: local.toISOString().slice(0, 10), weekday: WEEKDAYS[local.getUTCDay()]!, minuteOfDay };
}

/** The instant of local midnight starting the day that contains `epochMs`. */
export function localMidnight(epochMs: number): number {
  return Math.floor((epochMs + LOCAL_OFFSET_MS) / DAY_MS) * DAY_MS - LOCAL_OFFSET_MS;
}

/** The instant of a local day and time: ('2026-12-07', '08:30') → epoch ms. */
export function localInstant(isoDay: string, hhmm = '00:00', seconds = 0): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return dayToUtc(isoDay) + (h * 60 + m) * MINUTE_MS + seconds * 1000 - LOCAL_OFFSET_MS;
}

/** YYYYMMDD-HHMMSS in local time (file names that sort by when they were made). */
export function localStamp(epochMs: number): string {
  const iso = shifted(epochMs).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

// ---- day arithmetic on YYYY-MM-DD ---------------------------------------------------------------

function dayToUtc(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function addDays(isoDay: string, days: number): string {
  return new Date(dayToUtc(isoDay) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToUtc(to) - dayToUtc(from)) / DAY_MS);
}

export function addYears(isoDay: string, years: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  // 29 February plus a year lands on 28 February rather than rolling into March.
  const target = new Date(Date.UTC(y + years, m - 1, Math.min(d, 28)));
  if (d > 28) target.setUTCDate(Math.min(d, new Date(Date.UTC(y + years, m, 0)).getUTCDate()));
  return target.toISOString().slice(0, 10);
}

/** The Monday of the week containing `isoDay`. */
export function weekStart(isoDay: string): string {
  const back = (new Date(dayToUtc(isoDay)).getUTCDay() + 6) % 7;
  return addDays(isoDay, -back);
}

// ---- writing dates ------------------------------------------------------------------------------
// Vietnamese and English alike write the day first: 07/12/2026, 14:05 (24-hour clock). English on
// the kiosk is British-ordered on purpose: residents read both, and 12/07 must not mean July.

type When = Date | string | number;

function instant(value: When): number {
  return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
}

/** 2026-12-07 → 07/12/2026 (a calendar day, no zone involved). */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An instant's local date: 07/12/2026. */
export function formatDate(value: When): string {
  return formatDay(localDay(instant(value)));
}

/** An instant's local time: 14:05. */
export function formatTime(value: When): string {
  return shifted(instant(value)).toISOString().slice(11, 16);
}

/** 07/12/2026 14:05 */
export function formatDateTime(value: When): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

const INTL_LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * The Intl locale for a language: English is en-GB (day first); a language Intl does not know (e.g.
 * Ê Đê) is written as Vietnamese.
 */
export function intlLocale(language: string): string {
  const wanted = INTL_LOCALES[language] ?? language;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([wanted]).length > 0 ? wanted : 'vi-VN';
  } catch {
    return 'vi-VN';
  }
}

/** Words of a date in a language (weekday and month names), in the kiosk's zone: thứ Hai, 7 tháng 12, 2026. */
export function longDateFormatter(language: string): (value: When) => string {
  const format = new Intl.DateTimeFormat(intlLocale(language), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: KIOSK_TIME_ZONE });
  return (value) => format.format(instant(value));
}
