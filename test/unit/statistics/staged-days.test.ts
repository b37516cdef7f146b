// Staging dirty days in short write transactions (issue #22): after years of events, the days are
// recomputed in batches so the write lock is never held for seconds, latest day first, so a
// process stopped midway leaves every unfinished day to be recomputed: the figures staged in the
// end are those computed from the events, whatever batch failed.
import { describe, expect, it } from 'vitest';
import { dayFiguresOf } from '../../../electron/core/statistics/aggregate';
import { stageDirtyDays } from '../../../electron/core/statistics/staged-days';
import { adultWoman, boy, checkout, freshStore, signIn } from './event-log-fixture';

const NOW = Date.parse('2026-12-31T12:00:00+07:00');

/** 90 days of 2026 with a loan each, and a resident first served on 2 January (it moves later days' figures). */
function store() {
  const db = freshStore();
  for (let d = 0; d < 90; d++) {
    const day = new Date(Date.parse('2026-03-01T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10);
    checkout(db, `${day} 09:00`, d + 1, 1 + (d % 7), 'own', boy);
  }
  return db;
}

const staged = (db: ReturnType<typeof freshStore>) =>
  new Map(
    (db.prepare('SELECT day, figures FROM upload_outbox ORDER BY day').raw().all() as [string, string][]).map(([day, f]) => [day, JSON.parse(f) as unknown]),
  );
const dirtyDays = (db: ReturnType<typeof freshStore>) => db.prepare('SELECT day FROM upload_dirty_days ORDER BY day').pluck().all() as string[];

describe('staging dirty days in batches', () => {
  it('stages every day, equal to computing it from the events', () => {
    const db = store();
    const days = stageDirtyDays(db, NOW);
    expect(days).toHaveLength(90);
    expect(days).toEqual([...days].sort());
    expect(dirtyDays(db)).toEqual([]);
    for (const [day, figures] of staged(db)) expect(figures, day).toEqual(dayFiguresOf(db, day));
  });

  it('a run stopped in a middle batch leaves the earliest days marked, and the next run stages them all', () => {
    const db = store();
    stageDirtyDays(db, NOW);
    // A resident's visits replayed onto every day (operations kept while the kiosk was down): all 90 days dirty.
    const days = [...staged(db).keys()];
    for (const day of days) signIn(db, `${day} 08:00`, 42, adultWoman);
    expect(dirtyDays(db)).toHaveLength(90);
    // The run meets a failure in the batch holding 15 April (a middle batch of 20 days).
    db.exec("CREATE TEMP TRIGGER stop_midway BEFORE DELETE ON upload_dirty_days WHEN old.day = '2026-04-15' BEGIN SELECT RAISE(ABORT, 'stopped'); END");
    expect(() => stageDirtyDays(db, NOW)).toThrow('stopped');
    // The latest days went first and are done; the earliest, and the failed batch, are still marked.
    const left = dirtyDays(db);
    expect(left[0]).toBe(days[0]);
    expect(left).toContain('2026-04-15');
    expect(left).toEqual(days.slice(0, left.length));
    expect(left.length).toBeLessThan(90);
    db.exec('DROP TRIGGER stop_midway');
    stageDirtyDays(db, NOW);
    expect(dirtyDays(db)).toEqual([]);
    for (const [day, figures] of staged(db)) expect(figures, day).toEqual(dayFiguresOf(db, day));
  });
});
