// Appending to the event log. Callers run this inside the transaction of the change it records.
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

// Both are cached: building an Intl formatter or preparing a statement costs far more than the
// insert itself, and a catalogue import appends hundreds of thousands of events.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const insertStatements = new WeakMap<Db, Statement<[string, string, string, string]>>();

/** The local calendar day of an instant, in the kiosk's time zone (Vietnam has no DST). */
export function localDay(epochMs: number, timeZone = 'Asia/Ho_Chi_Minh'): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(epochMs);
}

export function appendEvent(db: Db, at: number, type: string, payload: Record<string, unknown> = {}): number {
  let insert = insertStatements.get(db);
  if (!insert) insertStatements.set(db, (insert = db.prepare<[string, string, string, string]>('INSERT INTO events (at, day, type, payload) VALUES (?, ?, ?, ?)')));
  const info = insert.run(new Date(at).toISOString(), localDay(at), type, JSON.stringify(payload));
  return Number(info.lastInsertRowid);
}
