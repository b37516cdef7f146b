// Appending to the event log. Callers run this inside the transaction of the change it records.
import type { Db } from './open';

/** The local calendar day of an instant, in the kiosk's time zone (Vietnam has no DST). */
export function localDay(epochMs: number, timeZone = 'Asia/Ho_Chi_Minh'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
}

export function appendEvent(db: Db, at: number, type: string, payload: Record<string, unknown> = {}): number {
  const info = db
    .prepare('INSERT INTO events (at, day, type, payload) VALUES (?, ?, ?, ?)')
    .run(new Date(at).toISOString(), localDay(at), type, JSON.stringify(payload));
  return Number(info.lastInsertRowid);
}
