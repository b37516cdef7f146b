// Appending to the event log. Callers run this inside the transaction of the change it records.
import type { Statement } from 'better-sqlite3';
import { localDay } from '../../../common/calendar';
import type { Db } from './open';

// Cached: preparing a statement costs far more than the insert itself, and a catalogue import
// appends hundreds of thousands of events.
const insertStatements = new WeakMap<Db, Statement<[string, string, string, string]>>();

export function appendEvent(db: Db, at: number, type: string, payload: Record<string, unknown> = {}): number {
  let insert = insertStatements.get(db);
  if (!insert)
    insertStatements.set(db, (insert = db.prepare<[string, string, string, string]>('INSERT INTO events (at, day, type, payload) VALUES (?, ?, ?, ?)')));
  const info = insert.run(new Date(at).toISOString(), localDay(at), type, JSON.stringify(payload));
  return Number(info.lastInsertRowid);
}

/** Rows per INSERT when appending in bulk: one statement per event costs more than the row. */
const EVENTS_PER_INSERT = 32;
const bulkStatements = new WeakMap<Db, { one: Statement<unknown[]>; many: Statement<unknown[]> }>();

/**
 * Appends many events in order, EVENTS_PER_INSERT rows per statement (same rows, ids, trigger
 * and checks as `appendEvent`). `payloads` are already JSON text. `at` is shared by all rows.
 */
export function appendEvents(db: Db, at: number, rows: readonly (readonly [type: string, payloadJson: string])[]): void {
  let s = bulkStatements.get(db);
  if (!s) {
    const sql = 'INSERT INTO events (at, day, type, payload) VALUES ';
    s = { one: db.prepare(`${sql}(?, ?, ?, ?)`), many: db.prepare(sql + Array.from({ length: EVENTS_PER_INSERT }, () => '(?, ?, ?, ?)').join(', ')) };
    bulkStatements.set(db, s);
  }
  const iso = new Date(at).toISOString();
  const day = localDay(at);
  const full = rows.length - (rows.length % EVENTS_PER_INSERT);
  const values: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    values.push(iso, day, rows[i]![0], rows[i]![1]);
    if (i < full ? values.length === 4 * EVENTS_PER_INSERT : true) {
      (i < full ? s.many : s.one).run(values);
      values.length = 0;
    }
  }
}
