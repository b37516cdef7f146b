// What the kiosk holds about one resident, gathered in one place so the resident can read it and
// take it home printed (Decree 13/2023: the right to know and to access one's data). The same
// record serves the staff desk; a resident signed in with the card alone gets it without the
// fields that would let whoever holds the card learn about them.
import type { PatronRecord } from '#contract/rights';
import type { KioskContext } from '../context';
import { categoryName } from '../patrons/categories';
import type { Patron } from '../patrons/lookup';
import { displayNameOf } from '../patrons/records';
import { hasResidentPin } from '../patrons/resident-pin';
import { keptUntil, retentionCandidates } from './retention';
import { addDays } from '../../../common/calendar';

interface RightsRow {
  consentVersion: string | null;
  consentAt: string | null;
  consentBy: 'resident' | 'staff' | null;
  lastSeenAt: string | null;
}

export function patronRecordOf(ctx: KioskContext, patron: Patron, complete: boolean): PatronRecord {
  const { db } = ctx;
  const row = db
    .prepare('SELECT consent_version AS consentVersion, consent_at AS consentAt, consent_by AS consentBy, last_seen_at AS lastSeenAt FROM patrons WHERE id = ?')
    .get(patron.id) as RightsRow;
  const loans = db
    .prepare(
      `SELECT r.title, i.barcode AS item, l.checked_out_at AS checkedOutAt, l.due_date AS dueDate, l.returned_at AS returnedAt
       FROM loans l JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id
       WHERE l.patron_id = ? ORDER BY l.checked_out_at DESC, l.id DESC LIMIT 500`,
    )
    .all(patron.id) as PatronRecord['loans'];
  const count = (sql: string) => (db.prepare(sql).get(patron.id) as { n: number }).n;
  const years = ctx.config.circulation.retentionYears;
  const hidden = !complete;
  return {
    cardNumber: patron.cardNumber,
    fullName: hidden ? null : patron.fullName,
    displayName: displayNameOf(patron.fullName),
    birthYear: hidden ? null : patron.birthYear,
    gender: hidden ? null : patron.gender,
    village: hidden ? null : patron.village,
    phone: hidden ? null : patron.phone,
    categoryName: categoryName(ctx.config, patron.category),
    cardExpiry: patron.cardExpiry,
    status: patron.status,
    createdAt: patron.createdAt,
    registeredWithCccd: patron.hasCccd,
    hasPin: hasResidentPin(ctx, patron.id),
    consent: row.consentVersion && row.consentAt && row.consentBy ? { version: row.consentVersion, at: row.consentAt, by: row.consentBy } : null,
    lastSeenAt: row.lastSeenAt,
    anonymiseAfter: years > 0 ? anonymiseAfter(ctx, patron, row.lastSeenAt ?? patron.createdAt, years) : null,
    loans,
    holds: count('SELECT count(*) AS n FROM holds WHERE patron_id = ? AND fulfilled_at IS NULL AND cancelled_at IS NULL'),
    internetSessions: count('SELECT count(*) AS n FROM internet_sessions WHERE patron_id = ?'),
    complete,
  };
}

/** The last day the record is kept if the resident does not come back: a notice running may move it later. */
function anonymiseAfter(ctx: KioskContext, patron: Patron, lastSeenAt: string, years: number): string {
  const scheduled = retentionCandidates(ctx).find((c) => c.id === patron.id);
  return scheduled ? addDays(scheduled.anonymiseOn, -1) : keptUntil(lastSeenAt, years);
}
