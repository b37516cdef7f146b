// The kiosk's store of computed day figures. Events mark their day dirty in their own transaction
// (trigger in 0050); `stageDirtyDays` recomputes those days and, when the figures changed, writes
// the next revision into upload_outbox as pending, all in one write transaction. Reports read their
// days from here; the upload feature sends the pending revisions (upload/outbox.ts).
import { createHash } from 'node:crypto';
import type { DayFigures } from '#contract/statistics';
import { canonicalJson } from '#contract/upload';
import { localDay } from '../../../common/calendar';
import type { Db } from '../store/open';
import { dayFiguresOf } from './aggregate';

export function figuresDigest(figures: DayFigures): string {
  return createHash('sha256').update(canonicalJson(figures)).digest('hex').slice(0, 32);
}

interface OutboxRow {
  day: string;
  revision: number;
  digest: string;
  figures: string;
  state: 'pending' | 'sent';
}

/** Days recomputed per write transaction: short enough that a resident's checkout waiting for the lock is not held up long. */
const DAYS_PER_TRANSACTION = 20;

/**
 * Turns dirty days (up to today) into outbox revisions. Each batch of days is one IMMEDIATE
 * transaction, so no event can land between reading a day and clearing its mark; after years of
 * events (a first report, a restored backup) the days go in batches, not in one transaction that
 * would hold the write lock for seconds while residents' checkouts wait. Batches run from the
 * latest day back: the earliest dirty day of a year, whose mark is what makes its later days be
 * recomputed, is cleared last, so a process stopped midway leaves every unfinished day to be
 * recomputed next time. `between` runs between two batches: a worker thread (statistics/report-
 * worker.ts) pauses there, because SQLite's lock has no queue: a connection waiting for it looks
 * again only every 100 ms, and a writer that takes it straight back would keep it waiting for the
 * whole run. Returns the days that got a new revision.
 */
export function stageDirtyDays(db: Db, now: number, between?: () => void): string[] {
  const today = localDay(now);
  const staged: string[] = [];
  const dirty = withLaterDaysOfTheirYear(db, db.prepare('SELECT day FROM upload_dirty_days WHERE day <= ? ORDER BY day').pluck().all(today) as string[], today);
  const current = db.prepare('SELECT day, revision, digest, figures, state FROM upload_outbox WHERE day = ?');
  const upsert = db.prepare(
    `INSERT INTO upload_outbox (day, revision, digest, figures, state, staged_at, attempts) VALUES (?, ?, ?, ?, 'pending', ?, 0)
     ON CONFLICT (day) DO UPDATE SET revision = excluded.revision, digest = excluded.digest, figures = excluded.figures,
       state = 'pending', staged_at = excluded.staged_at, attempts = 0`,
  );
  const clear = db.prepare('DELETE FROM upload_dirty_days WHERE day = ?');
  const at = new Date(now).toISOString();
  const stageBatch = db.transaction((days: string[]) => {
    for (const day of days) {
      const figures = dayFiguresOf(db, day);
      const digest = figuresDigest(figures);
      const row = current.get(day) as OutboxRow | undefined;
      // A day whose events count nothing (staff sign-ins only) is not worth a request.
      if (!row && Object.keys(figures).length === 0) {
        clear.run(day);
        continue;
      }
      if (!row || row.digest !== digest) {
        upsert.run(day, (row?.revision ?? 0) + 1, digest, JSON.stringify(figures), at);
        staged.push(day);
      }
      clear.run(day);
    }
  });
  for (let end = dirty.length; end > 0; end -= DAYS_PER_TRANSACTION) {
    if (end < dirty.length) between?.();
    stageBatch.immediate(dirty.slice(Math.max(0, end - DAYS_PER_TRANSACTION), end));
  }
  return staged.sort();
}

/**
 * A day's residents_first_served depends on the earlier days of its year: an event landing on a past
 * day (a clock set back, operations replayed after an outage) can move a resident's first use
 * earlier. So the staged days after the earliest dirty day of a year are recomputed too; those
 * whose figures did not change get no new revision. Events normally land on today, which has no
 * later days, so this costs nothing then.
 */
function withLaterDaysOfTheirYear(db: Db, dirty: string[], today: string): string[] {
  const days = new Set(dirty);
  const later = db.prepare('SELECT day FROM upload_outbox WHERE day > ? AND day <= ? AND day <= ?').pluck();
  const firstOfYear = new Map<string, string>();
  for (const day of dirty) if (!firstOfYear.has(day.slice(0, 4))) firstOfYear.set(day.slice(0, 4), day);
  for (const [year, first] of firstOfYear) for (const day of later.all(first, `${year}-12-31`, today) as string[]) days.add(day);
  return [...days].sort();
}

/**
 * Day figures for [from, to] from the outbox, which doubles as the kiosk's store of computed days:
 * dirty days are recomputed first, so the result always equals computing from the events.
 */
export function stagedFiguresBetween(db: Db, from: string, to: string, now: number, between?: () => void): Map<string, DayFigures> {
  stageDirtyDays(db, now, between);
  const rows = db.prepare('SELECT day, figures FROM upload_outbox WHERE day BETWEEN ? AND ? ORDER BY day').raw().all(from, to) as [string, string][];
  return new Map(rows.map(([day, figures]) => [day, JSON.parse(figures) as DayFigures]));
}
