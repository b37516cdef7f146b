// The retention rule: a resident who has not used the library for `circulation.retentionYears`
// years (default 3) no longer needs a record that names them. The kiosk anonymises them by itself
// (retention-schedule.ts), each exactly as an erasure on request (erase.ts) with the reason
// "retention", but never before staff have been told for `retentionNoticeDays`: the staff home
// names the day and the count, "Bạn đọc và thẻ" lists who. Staff may anonymise the residents past
// the period at once, or keep one who is still in touch (a telephone call counts as a visit).
// Residents with books still on loan are never due.
import type { RetentionView } from '#contract/rights';
import type { KioskContext } from '../context';
import { KioskError, refused } from '../errors';
import { findPatronById } from '../patrons/lookup';
import { requirePatron } from '../patrons/records';
import { endSessionsOf } from '../patrons/resident-sessions';
import { recordEvent } from '../store/event-types';
import { anonymisePatron } from './erase';
import { addDays, addYears, localDay, localInstant } from '../../../common/calendar';

/** A resident the rule will anonymise within the notice period. */
export interface RetentionCandidate {
  id: number;
  card: string;
  fullName: string;
  lastSeenAt: string;
  /** The first day the resident is past the retention period. */
  retentionDay: string;
  /** The day staff were first told (null: not yet, the daily run tells them today). */
  noticedOn: string | null;
  /** The later of the retention day and the end of the notice. */
  anonymiseOn: string;
}

/** The last day a resident last seen at `lastSeenAt` is kept; anonymised from the next day on. */
export function keptUntil(lastSeenAt: string, years: number): string {
  return addYears(localDay(Date.parse(lastSeenAt)), years);
}

/** Residents last seen before this local day are past the period; null when the rule is off. */
export function retentionCutoff(ctx: KioskContext): string | null {
  const years = ctx.config.circulation.retentionYears;
  return years > 0 ? addYears(localDay(ctx.clock.now()), -years) : null;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** Everyone past the period by the end of the notice window from today, earliest anonymisation first. */
export function retentionCandidates(ctx: KioskContext): RetentionCandidate[] {
  const { retentionYears: years, retentionNoticeDays: noticeDays } = ctx.config.circulation;
  if (years === 0) return [];
  const today = localDay(ctx.clock.now());
  const horizon = addDays(today, noticeDays);
  // SQL narrows by instant (a day of slack); the day arithmetic below decides.
  const before = new Date(localInstant(addDays(addYears(horizon, -years), 1))).toISOString();
  const rows = ctx.db
    .prepare(
      `SELECT p.id, p.card_number AS card, p.full_name AS fullName, coalesce(p.last_seen_at, p.created_at) AS lastSeenAt, n.noticed_on AS noticedOn
       FROM patrons p LEFT JOIN retention_notices n ON n.patron_id = p.id
       WHERE p.erased_at IS NULL AND coalesce(p.last_seen_at, p.created_at) < ?
         AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.patron_id = p.id AND l.returned_at IS NULL)`,
    )
    .all(before) as Omit<RetentionCandidate, 'retentionDay' | 'anonymiseOn'>[];
  return rows
    .map((row) => {
      // A card nobody ever used was last "seen" when it was made.
      const retentionDay = addDays(keptUntil(row.lastSeenAt, years), 1);
      const anonymiseOn = later(retentionDay, addDays(row.noticedOn ?? today, noticeDays));
      return { ...row, retentionDay, anonymiseOn };
    })
    .filter((c) => c.retentionDay <= horizon)
    .sort((a, b) => a.anonymiseOn.localeCompare(b.anonymiseOn) || a.lastSeenAt.localeCompare(b.lastSeenAt) || a.id - b.id);
}

export function retentionView(ctx: KioskContext): RetentionView {
  const { retentionYears: years, retentionNoticeDays: noticeDays } = ctx.config.circulation;
  const cutoffDay = retentionCutoff(ctx);
  const today = localDay(ctx.clock.now());
  const candidates = retentionCandidates(ctx);
  const first = candidates[0];
  return {
    years,
    noticeDays,
    cutoffDay,
    due: candidates.filter((c) => c.retentionDay <= today).length,
    scheduled: candidates.length,
    next: first ? { day: first.anonymiseOn, count: candidates.filter((c) => c.anonymiseOn === first.anonymiseOn).length } : null,
    residents: candidates
      .slice(0, 20)
      .map((c) => ({ card: c.card, fullName: c.fullName, lastSeenAt: c.lastSeenAt, anonymiseOn: c.anonymiseOn, pastRetention: c.retentionDay <= today })),
  };
}

/** Anonymises the given residents inside the caller's transaction; `staffId` null when the rule did it by itself. */
export function anonymiseForRetention(ctx: KioskContext, ids: number[], staffId: number | null): void {
  for (const id of ids) anonymisePatron(ctx, findPatronById(ctx.db, id)!, staffId, 'retention');
}

/** "Ẩn danh ngay": staff anonymise everyone past the period now, after confirming the count they saw. */
export function applyRetention(ctx: KioskContext, staffId: number, expected: number): { anonymised: number } {
  const today = localDay(ctx.clock.now());
  const ids = ctx.db
    .transaction(() => {
      const due = retentionCandidates(ctx).filter((c) => c.retentionDay <= today);
      if (due.length !== expected) {
        throw new KioskError('conflict', `Số bạn đọc đến hạn ẩn danh đã thay đổi (nay là ${due.length}). Hãy xem lại danh sách rồi xác nhận lần nữa.`, {
          reason: 'retention_changed',
          params: { due: due.length },
        });
      }
      const ids = due.map((c) => c.id);
      anonymiseForRetention(ctx, ids, staffId);
      return ids;
    })
    .immediate();
  for (const id of ids) endSessionsOf(ctx, id);
  ctx.log.log('info', 'rights.retention_applied', { anonymised: ids.length, by: 'staff' });
  return { anonymised: ids.length };
}

/**
 * Staff keep a resident who is still in touch with the library: as after a visit, the period starts
 * again from now and the notice ends. The event names the staff member, never the resident's details.
 */
export function keepRecord(ctx: KioskContext, card: string, staffId: number): { card: string; anonymiseAfter: string | null } {
  const { db, clock } = ctx;
  return db
    .transaction(() => {
      const patron = requirePatron(ctx, card);
      if (patron.erasedAt !== null) throw refused('already_erased', `Thông tin của thẻ ${patron.cardNumber} đã được xóa; không còn gì để giữ lại.`);
      const now = new Date(clock.now()).toISOString();
      db.prepare('UPDATE patrons SET last_seen_at = ? WHERE id = ?').run(now, patron.id);
      db.prepare('DELETE FROM retention_notices WHERE patron_id = ?').run(patron.id);
      recordEvent(db, clock, 'patron.retention_kept', { patronId: patron.id, staffId });
      const years = ctx.config.circulation.retentionYears;
      return { card: patron.cardNumber, anonymiseAfter: years > 0 ? keptUntil(now, years) : null };
    })
    .immediate();
}
