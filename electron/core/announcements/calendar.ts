// The preloaded calendar of reading and lifelong-learning days: which yearly events are being
// announced on a given local day, and their next occurrence for the staff list.
import type { CalendarEvent } from '#contract/announcements';
import type { Db } from '../store/open';

interface CalendarRow {
  key: string;
  month: number;
  day: number;
  duration_days: number;
  lead_days: number;
  enabled: number;
}

const DAY_MS = 86_400_000;

function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The event's window in one year: lead-in days before it, through its last day. */
export function windowIn(row: Pick<CalendarRow, 'month' | 'day' | 'duration_days' | 'lead_days'>, year: number) {
  const eventAt = Date.UTC(year, row.month - 1, row.day);
  return {
    eventOn: isoDay(eventAt),
    startsOn: isoDay(eventAt - row.lead_days * DAY_MS),
    endsOn: isoDay(eventAt + (row.duration_days - 1) * DAY_MS),
  };
}

/** Each event's current or next window relative to `today` (an ISO local day). */
export function calendarFor(db: Db, today: string): CalendarEvent[] {
  const year = Number(today.slice(0, 4));
  const rows = db.prepare('SELECT key, month, day, duration_days, lead_days, enabled FROM reading_calendar ORDER BY month, day').all() as CalendarRow[];
  return rows
    .map((row) => {
      let window = windowIn(row, year);
      if (window.endsOn < today) window = windowIn(row, year + 1);
      return { key: row.key, ...window, enabled: row.enabled === 1 };
    })
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

export function activeCalendar(db: Db, today: string): CalendarEvent[] {
  return calendarFor(db, today).filter((event) => event.enabled && event.startsOn <= today && today <= event.endsOn);
}
