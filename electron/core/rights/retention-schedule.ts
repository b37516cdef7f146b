// The retention rule running by itself, once a local day on the kiosk's clock: residents coming
// into the notice window are recorded as told (the staff home shows them from that day), residents
// who came back, were erased or borrowed again drop out, and those whose notice has run out and who
// are past the period are anonymised. The log says how many, never who.
import type { KioskContext } from '../context';
import { endSessionsOf } from '../patrons/resident-sessions';
import { anonymiseForRetention, retentionCandidates } from './retention';
import { localDay } from '../../../common/calendar';

export const RETENTION_CHECK_EVERY_MS = 60 * 60 * 1000;

export interface RetentionRun {
  /** Residents staff are told about from today. */
  noticed: number;
  anonymised: number;
  /** Still scheduled after this run. */
  scheduled: number;
}

/** One run of the rule for today; safe to repeat (a second run the same day changes nothing). */
export function runRetention(ctx: KioskContext): RetentionRun {
  const { db } = ctx;
  const today = localDay(ctx.clock.now());
  const result = db
    .transaction((): RetentionRun & { ids: number[] } => {
      if (ctx.config.circulation.retentionYears === 0) {
        db.prepare('DELETE FROM retention_notices').run();
        return { noticed: 0, anonymised: 0, scheduled: 0, ids: [] };
      }
      const candidates = retentionCandidates(ctx);
      const keep = new Set(candidates.map((c) => c.id));
      const stale = (db.prepare('SELECT patron_id AS id FROM retention_notices').all() as { id: number }[]).filter((row) => !keep.has(row.id));
      const forget = db.prepare('DELETE FROM retention_notices WHERE patron_id = ?');
      for (const { id } of stale) forget.run(id);
      const fresh = candidates.filter((c) => c.noticedOn === null);
      const tell = db.prepare('INSERT INTO retention_notices (patron_id, noticed_on) VALUES (?, ?)');
      for (const c of fresh) tell.run(c.id, today);
      // A resident noticed only today always has the whole notice ahead (anonymiseOn > today).
      const due = candidates.filter((c) => c.noticedOn !== null && c.anonymiseOn <= today).map((c) => c.id);
      anonymiseForRetention(ctx, due, null);
      return { noticed: fresh.length, anonymised: due.length, scheduled: candidates.length - due.length, ids: due };
    })
    .immediate();
  for (const id of result.ids) endSessionsOf(ctx, id);
  const { ids: _ids, ...counts } = result;
  if (counts.noticed > 0 || counts.anonymised > 0) ctx.log.log('info', 'rights.retention_run', { day: today, ...counts });
  return counts;
}

/**
 * Runs the rule at start and then once each new local day (checked hourly on ctx.clock); returns the
 * stop function. A failed run is logged and tried again at the next check. `setTimer` is for tests.
 */
export function scheduleRetention(ctx: KioskContext, setTimer: typeof setInterval = setInterval): () => void {
  let doneFor: string | undefined;
  const check = () => {
    const day = localDay(ctx.clock.now());
    if (day === doneFor) return;
    try {
      runRetention(ctx);
      doneFor = day;
    } catch (error) {
      ctx.log.log('error', 'rights.retention_failed', { error: (error as Error).message.slice(0, 300) });
    }
  };
  check();
  const timer = setTimer(check, RETENTION_CHECK_EVERY_MS);
  if (typeof timer === 'object' && timer && 'unref' in timer) timer.unref();
  return () => clearInterval(timer);
}
