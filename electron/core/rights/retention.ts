// The retention rule: a resident who has not used the library for `circulation.retentionYears`
// years (default 3) no longer needs a record that names them. Staff see how many are due on their
// home screen and confirm; each is then anonymised exactly as an erasure on request (erase.ts),
// with the reason "retention". Residents with books still on loan are never due.
import type { RetentionView } from '../../contract/rights';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { findPatronById } from '../patrons/lookup';
import { endSessionsOf } from '../patrons/resident-sessions';
import { anonymisePatron } from './erase';
import { addYears, localDay, localInstant } from '../../../common/calendar';

/** Residents last seen before this local day are due; null when the rule is off. */
export function retentionCutoff(ctx: KioskContext): string | null {
  const years = ctx.config.circulation.retentionYears;
  return years > 0 ? addYears(localDay(ctx.clock.now()), -years) : null;
}

const DUE = `FROM patrons p WHERE p.erased_at IS NULL AND coalesce(p.last_seen_at, p.created_at) < ?
  AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.patron_id = p.id AND l.returned_at IS NULL)`;

function dueIds(ctx: KioskContext, cutoff: string): number[] {
  return (ctx.db.prepare(`SELECT p.id ${DUE} ORDER BY coalesce(p.last_seen_at, p.created_at), p.id`).all(new Date(localInstant(cutoff)).toISOString()) as { id: number }[]).map((r) => r.id);
}

export function retentionView(ctx: KioskContext): RetentionView {
  const cutoff = retentionCutoff(ctx);
  if (cutoff === null) return { years: 0, cutoffDay: null, due: 0, residents: [] };
  const ids = dueIds(ctx, cutoff);
  const residents = ids.slice(0, 20).map((id) => {
    // A card nobody ever used was last "seen" when it was made.
    return ctx.db.prepare('SELECT card_number AS card, full_name AS fullName, coalesce(last_seen_at, created_at) AS lastSeenAt FROM patrons WHERE id = ?').get(id) as RetentionView['residents'][number];
  });
  return { years: ctx.config.circulation.retentionYears, cutoffDay: cutoff, due: ids.length, residents };
}

/** Anonymises every resident due, in one transaction, after staff confirmed the count they saw. */
export function applyRetention(ctx: KioskContext, staffId: number, expected: number): { anonymised: number } {
  const cutoff = retentionCutoff(ctx);
  const ids = ctx.db
    .transaction(() => {
      const due = cutoff === null ? [] : dueIds(ctx, cutoff);
      if (due.length !== expected) {
        throw new KioskError('conflict', `Số bạn đọc đến hạn ẩn danh đã thay đổi (nay là ${due.length}). Hãy xem lại danh sách rồi xác nhận lần nữa.`, {
          reason: 'retention_changed',
          params: { due: due.length },
        });
      }
      for (const id of due) anonymisePatron(ctx, findPatronById(ctx.db, id)!, staffId, 'retention');
      return due;
    })
    .immediate();
  for (const id of ids) endSessionsOf(ctx, id);
  return { anonymised: ids.length };
}
