// Card care at the desk (issue #21): a lost card reissued under a new number, a resident moved to
// another category, and a duplicate record merged into the resident's other one. Each is one
// IMMEDIATE transaction, recorded with who did it and why (the reason stays on the kiosk; events
// carry local ids only). A retired number (reissued or merged away) is refused from then on with
// where the card went, and never issued again (nextCardNumber counts retired numbers too).
import type { KioskContext } from '../context';
import { refused } from '../errors';
import type { Db } from '../store/open';
import { recordEvent } from '../store/event-types';
import { findPatronById, type Patron } from './lookup';
import { nextCardNumber, requirePatron } from './records';

export interface DeskAction {
  /** Null when a technician acts from the CLI. */
  staffId: number | null;
  reason: string;
}

function requireLiveCard(ctx: KioskContext, card: string): Patron {
  const patron = requirePatron(ctx, card);
  if (patron.erasedAt !== null)
    throw refused('card_erased', `Thẻ ${patron.cardNumber} đã bị hủy và thông tin đã xóa; không thể đổi thẻ này. Hãy làm thẻ mới cho bạn đọc.`);
  return patron;
}

function retire(ctx: KioskContext, card: string, patronId: number, reason: 'reissued' | 'merged', staffId: number | null): void {
  ctx.db
    .prepare('INSERT INTO retired_cards (card_number, patron_id, reason, retired_at, staff_id) VALUES (?, ?, ?, ?, ?)')
    .run(card, patronId, reason, new Date(ctx.clock.now()).toISOString(), staffId);
}

/** A new number for a lost card: loans, holds, PIN and history stay with the resident; the old number is refused. */
export function reissueCard(ctx: KioskContext, card: string, by: DeskAction): Patron {
  return ctx.db
    .transaction(() => {
      const patron = requireLiveCard(ctx, card);
      const fresh = nextCardNumber(ctx);
      ctx.db.prepare('UPDATE patrons SET card_number = ? WHERE id = ?').run(fresh, patron.id);
      retire(ctx, patron.cardNumber, patron.id, 'reissued', by.staffId);
      recordEvent(ctx.db, ctx.clock, 'patron.card_reissued', { patronId: patron.id, staffId: by.staffId, reason: by.reason });
      return { ...patron, cardNumber: fresh };
    })
    .immediate();
}

/** Moves a resident to another category of the configuration (its loan rules and PIN rule apply from now on). */
export function changeCategory(ctx: KioskContext, card: string, category: string, by: DeskAction): Patron {
  const known = ctx.config.circulation.categories;
  const target = known.find((c) => c.id === category);
  if (!target) {
    throw refused('unknown_category', `Không có loại bạn đọc "${category}". Hãy chọn một trong: ${known.map((c) => `${c.id} (${c.name})`).join(', ')}.`);
  }
  return ctx.db
    .transaction(() => {
      const patron = requireLiveCard(ctx, card);
      if (patron.category === category) throw refused('category_unchanged', `Thẻ ${patron.cardNumber} đã thuộc loại "${target.name}". Không cần đổi.`);
      ctx.db.prepare('UPDATE patrons SET category = ? WHERE id = ?').run(category, patron.id);
      recordEvent(ctx.db, ctx.clock, 'patron.category_changed', {
        patronId: patron.id,
        from: patron.category,
        to: category,
        staffId: by.staffId,
        reason: by.reason,
      });
      return { ...patron, category };
    })
    .immediate();
}

/** Every (table, column) that points at a patron, read from the schema so a table added later moves too. */
function patronReferences(db: Db): { table: string; column: string }[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  return tables.flatMap(({ name }) =>
    (db.prepare('SELECT "table" AS target, "from" AS column FROM pragma_foreign_key_list(?)').all(name) as { target: string; column: string }[])
      .filter((fk) => fk.target === 'patrons')
      .map((fk) => ({ table: name, column: fk.column })),
  );
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Folds the duplicate record into the kept one: loans, holds, internet use, PIN and retired numbers
 * move to the kept resident; blank details of the kept record are filled from the duplicate; the
 * later card expiry wins. Where the kept resident already has the one row a table allows (a PIN, the
 * same day's extra minutes), the kept one's stays. The duplicate's number is then refused, pointing
 * at the kept card. Past events keep their ids: figures already reported do not change.
 */
export function mergePatrons(ctx: KioskContext, keepCard: string, duplicateCard: string, by: DeskAction): Patron {
  const { db } = ctx;
  return db
    .transaction(() => {
      const keep = requireLiveCard(ctx, keepCard);
      const duplicate = requireLiveCard(ctx, duplicateCard);
      if (keep.id === duplicate.id) throw refused('merge_same_card', 'Hai số thẻ là cùng một bạn đọc. Hãy nhập số thẻ trùng khác với thẻ được giữ.');
      for (const { table, column } of patronReferences(db)) {
        if (table === 'patrons') continue;
        db.prepare(`UPDATE OR IGNORE ${quoted(table)} SET ${quoted(column)} = ? WHERE ${quoted(column)} = ?`).run(keep.id, duplicate.id);
        // Rows the kept resident already had their one of (a unique key): the kept row stays.
        db.prepare(`DELETE FROM ${quoted(table)} WHERE ${quoted(column)} = ?`).run(duplicate.id);
      }
      // What the summary does not carry, read before the duplicate's row goes: its CCCD fingerprint is
      // unique and may move to the kept record.
      const extra = db.prepare(
        'SELECT cccd_hash AS cccd, last_seen_at AS seen, consent_version AS version, consent_at AS at, consent_by AS by FROM patrons WHERE id = ?',
      );
      type Extra = { cccd: string | null; seen: string | null; version: string | null; at: string | null; by: string | null };
      const kept = extra.get(keep.id) as Extra;
      const other = extra.get(duplicate.id) as Extra;
      db.prepare('DELETE FROM patrons WHERE id = ?').run(duplicate.id);
      db.prepare(
        `UPDATE patrons SET
         birth_year = coalesce(birth_year, ?), gender = coalesce(gender, ?), village = coalesce(village, ?), phone = coalesce(phone, ?),
         card_expiry = max(card_expiry, ?), cccd_hash = coalesce(cccd_hash, ?), last_seen_at = nullif(max(coalesce(last_seen_at, ''), coalesce(?, '')), ''),
         consent_version = coalesce(consent_version, ?), consent_at = coalesce(consent_at, ?), consent_by = coalesce(consent_by, ?)
       WHERE id = ?`,
      ).run(
        duplicate.birthYear,
        duplicate.gender,
        duplicate.village,
        duplicate.phone,
        duplicate.cardExpiry,
        kept.cccd ? null : other.cccd,
        other.seen,
        kept.version ? null : other.version,
        kept.version ? null : other.at,
        kept.version ? null : other.by,
        keep.id,
      );
      retire(ctx, duplicate.cardNumber, keep.id, 'merged', by.staffId);
      recordEvent(db, ctx.clock, 'patron.merged', { patronId: keep.id, mergedId: duplicate.id, staffId: by.staffId, reason: by.reason });
      return findPatronById(db, keep.id)!;
    })
    .immediate();
}
