// The transactional outbox of day figures. statistics/staged-days.ts writes each changed day as the
// next revision, pending; this module hands pending revisions to the uploader. A row is marked sent only after
// the collector acknowledged that exact revision, so a crash anywhere re-sends (same revision =
// idempotent at the collector) and never loses or doubles a day.
import type { DayFigures } from '#contract/statistics';
import type { DayUpload } from '#contract/upload';
import { MAX_DAYS_PER_BATCH } from '#contract/upload';
import type { Db } from '../store/open';

/** The oldest pending days, as the collector receives them. */
export function pendingBatch(db: Db, limit = MAX_DAYS_PER_BATCH): DayUpload[] {
  const rows = db.prepare(`SELECT day, revision, figures FROM upload_outbox WHERE state = 'pending' ORDER BY day LIMIT ?`).all(limit) as {
    day: string;
    revision: number;
    figures: string;
  }[];
  return rows.map((r) => ({ day: r.day, revision: r.revision, figures: JSON.parse(r.figures) as DayFigures }));
}

/** Marks days sent, but only at the revision the collector acknowledged (a newer one stays pending). */
export function markSent(db: Db, acknowledged: { day: string; revision: number }[], now: number): number {
  let n = 0;
  db.transaction(() => {
    const stmt = db.prepare(`UPDATE upload_outbox SET state = 'sent', sent_at = ? WHERE day = ? AND revision = ? AND state = 'pending'`);
    for (const a of acknowledged) n += stmt.run(new Date(now).toISOString(), a.day, a.revision).changes;
  })();
  return n;
}

export function countAttempt(db: Db, days: string[]): void {
  const stmt = db.prepare('UPDATE upload_outbox SET attempts = attempts + 1 WHERE day = ?');
  db.transaction(() => days.forEach((d) => stmt.run(d)))();
}

/** The collector holds a newer revision (a restored backup): move past it so our figures win. */
export function bumpRevisions(db: Db, stale: { day: string; current: number }[]): void {
  const stmt = db.prepare(`UPDATE upload_outbox SET revision = MAX(revision, ? + 1), state = 'pending' WHERE day = ?`);
  db.transaction(() => stale.forEach((s) => stmt.run(s.current, s.day)))();
}

export function outboxCounts(db: Db): { pendingDays: number; oldestPendingDay: string | null; sentDays: number } {
  const row = db
    .prepare(
      `SELECT SUM(state = 'pending') AS pending, MIN(CASE WHEN state = 'pending' THEN day END) AS oldest, SUM(state = 'sent') AS sent FROM upload_outbox`,
    )
    .get() as { pending: number | null; oldest: string | null; sent: number | null };
  const dirty = db
    .prepare(`SELECT COUNT(*) AS n, MIN(day) AS oldest FROM upload_dirty_days WHERE day NOT IN (SELECT day FROM upload_outbox WHERE state = 'pending')`)
    .get() as { n: number; oldest: string | null };
  const oldest = [row.oldest, dirty.oldest].filter((d): d is string => d !== null).sort()[0] ?? null;
  return { pendingDays: (row.pending ?? 0) + dirty.n, oldestPendingDay: oldest, sentDays: row.sent ?? 0 };
}
