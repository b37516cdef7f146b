// Creating, listing and changing patrons. Every change writes its event in the same transaction.
import type { NewPatron, PatronSummary, ResidentPatron } from '#contract/patrons';
import { CONSENT_VERSION, newPatron } from '#contract/patrons';
import type { KioskContext } from '../context';
import { withCheckCharacter } from './card-check';
import { KioskError, notFound, refused } from '../errors';
import { recordEvent } from '../store/event-types';
import { foldVietnamese } from '../text/fold';
import { addYears, localDay } from '../../../common/calendar';
import { categoryName, categoryOf, pinModeOf } from './categories';
import { hasResidentPin, storePinHash } from './resident-pin';
import { assertNotRetiredCard, assertNotStaffCard, findPatronByCard, patronDimensions, type Patron } from './lookup';

export function toSummary(ctx: KioskContext, patron: Patron): PatronSummary {
  return {
    cardNumber: patron.cardNumber,
    fullName: patron.fullName,
    birthYear: patron.birthYear,
    gender: patron.gender,
    category: patron.category,
    categoryName: categoryName(ctx.config, patron.category),
    village: patron.village,
    phone: patron.phone,
    cardExpiry: patron.cardExpiry,
    status: patron.status,
    expired: patron.cardExpiry < localDay(ctx.clock.now()),
    registeredWithCccd: patron.hasCccd,
    hasPin: hasResidentPin(ctx, patron.id),
    pinRequired: pinModeOf(ctx.config, patron.category) === 'required',
    createdAt: patron.createdAt,
  };
}

/** "Nguyễn Thị Lan" → "Lan N.": enough to greet someone, not enough to name them to a neighbour. */
export function displayNameOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words[0] ?? '';
  return `${words[words.length - 1]} ${[...words[0]!][0]!.toUpperCase()}.`;
}

/** The signed-in resident as resident-facing methods return them (no phone, birth year, gender, village). */
export function toResidentPatron(ctx: KioskContext, patron: Patron): ResidentPatron {
  return {
    cardNumber: patron.cardNumber,
    displayName: displayNameOf(patron.fullName),
    category: patron.category,
    categoryName: categoryName(ctx.config, patron.category),
    cardExpiry: patron.cardExpiry,
    status: patron.status,
    expired: patron.cardExpiry < localDay(ctx.clock.now()),
    registeredWithCccd: patron.hasCccd,
  };
}

export function requirePatron(ctx: KioskContext, card: string): Patron {
  const patron = findPatronByCard(ctx.db, card);
  if (!patron) {
    assertNotRetiredCard(ctx.db, card);
    assertNotStaffCard(ctx.db, card);
    throw notFound('unknown_card', `Không tìm thấy thẻ số ${card}. Hãy kiểm tra lại số thẻ, hoặc gặp cán bộ thư viện để làm thẻ mới.`, { card });
  }
  return patron;
}

/** The next free card number: prefix + six digits, one more than the highest issued, + its check character. */
export function nextCardNumber(ctx: KioskContext): string {
  const prefix = ctx.config.circulation.cardPrefix;
  // Retired numbers (a lost card, a merged duplicate) count too: a number is never issued twice.
  const rows = ctx.db
    .prepare(
      "SELECT card_number AS card FROM patrons WHERE card_number LIKE ? || '%' UNION ALL SELECT card_number FROM retired_cards WHERE card_number LIKE ? || '%'",
    )
    .all(prefix, prefix) as { card: string }[];
  let highest = 0;
  for (const { card } of rows) {
    const digits = /^(\d{6,})[A-Z]?$/.exec(card.slice(prefix.length))?.[1];
    if (digits) highest = Math.max(highest, Number(digits));
  }
  return withCheckCharacter(ctx.db, `${prefix}${String(highest + 1).padStart(6, '0')}`);
}

export interface CreateOptions {
  via: 'self' | 'staff' | 'import';
  status: 'active' | 'pending';
  cccdHash?: string;
  /** A PIN chosen at registration, already hashed (resident-pin.ts `pinHashFor`). */
  pin?: { hash: string; by: 'resident' | 'staff'; staffId?: number };
  /** Who recorded the resident's agreement to the consent text: the resident on screen, or staff at the desk. */
  consentBy?: 'resident' | 'staff';
}

/** Adds a patron and its `patron.registered` event in one transaction; returns the new record. */
export function createPatron(ctx: KioskContext, input: NewPatron, options: CreateOptions): Patron {
  const parsed = newPatron.parse(input);
  if (!categoryOf(ctx.config, parsed.category)) {
    const known = ctx.config.circulation.categories.map((c) => `${c.id} (${c.name})`).join(', ');
    throw new KioskError('invalid_request', `Loại bạn đọc "${parsed.category}" không có trong cấu hình. Hãy chọn một trong: ${known}.`, {
      reason: 'unknown_category',
    });
  }
  const { db, clock } = ctx;
  const now = clock.now();
  return db
    .transaction(() => {
      const card = parsed.cardNumber ?? nextCardNumber(ctx);
      if (findPatronByCard(db, card) || db.prepare('SELECT 1 FROM retired_cards WHERE card_number = ?').get(card)) {
        throw new KioskError('conflict', `Số thẻ ${card} đã được cấp cho một bạn đọc khác. Hãy dùng số thẻ khác hoặc để kiosk tự cấp số.`, {
          reason: 'card_taken',
        });
      }
      const expiry = addYears(localDay(now), ctx.config.circulation.cardValidityYears);
      const info = db
        .prepare(
          `INSERT INTO patrons (card_number, full_name, birth_year, gender, category, village, phone, card_expiry, status, cccd_hash, created_at,
           consent_version, consent_at, consent_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          card,
          parsed.fullName,
          parsed.birthYear,
          parsed.gender,
          parsed.category,
          parsed.village,
          parsed.phone,
          expiry,
          options.status,
          options.cccdHash ?? null,
          new Date(now).toISOString(),
          options.consentBy ? CONSENT_VERSION : null,
          options.consentBy ? new Date(now).toISOString() : null,
          options.consentBy ?? null,
        );
      const patronId = Number(info.lastInsertRowid);
      if (options.pin) {
        storePinHash(ctx, patronId, options.pin.hash, options.pin.by);
        if (options.pin.staffId !== undefined)
          recordEvent(db, clock, 'staff.action', { staffId: options.pin.staffId, action: 'resident_pin.set', target: String(patronId) });
      }
      recordEvent(db, clock, 'patron.registered', {
        patronId,
        via: options.via,
        status: options.status,
        ...patronDimensions({ category: parsed.category, gender: parsed.gender, birthYear: parsed.birthYear }, now),
      });
      return findPatronByCard(db, card)!;
    })
    .immediate();
}

/** Phone digits as dialled at home: +84 / 84 written for the leading 0. */
const phoneDigits = (text: string) => text.replace(/\D/g, '').replace(/^84(?=\d{9}$)/, '0');

/**
 * Does a patron match what staff typed? The card number (any case), the phone (digits only, +84
 * or 0), or the name folded exactly as the catalogue folds text (case, tone and vowel marks, đ →
 * d), every typed word found in it: "Nguyen van" finds "Nguyễn Văn An".
 */
export function patronMatcher(query: string): (row: { card: string; name: string; phone: string | null }) => boolean {
  const folded = foldVietnamese(query.normalize('NFC')).trim();
  const words = folded.split(/\s+/).filter(Boolean);
  const card = query.trim().toUpperCase();
  const digits = phoneDigits(query);
  return (row) =>
    (card !== '' && row.card.toUpperCase().includes(card)) ||
    (digits.length >= 3 && digits.length === query.replace(/[\s().+-]/g, '').length && row.phone !== null && phoneDigits(row.phone).includes(digits)) ||
    (words.length > 0 && words.every((word) => foldVietnamese(row.name).includes(word)));
}

/**
 * Staff's list of patrons, newest first, at most 100. With a query, names are matched in
 * JavaScript with foldVietnamese rather than with LIKE (SQLite folds neither marks nor đ): a
 * commune has a few thousand patrons, read in a few milliseconds.
 */
export function listPatrons(ctx: KioskContext, filter: { status?: Patron['status']; query?: string }): Patron[] {
  // Erased records hold no one's details: they stay out of staff's lists.
  const where = filter.status ? 'WHERE erased_at IS NULL AND status = ?' : 'WHERE erased_at IS NULL';
  const params = filter.status ? [filter.status] : [];
  const rows = ctx.db
    .prepare(`SELECT card_number AS card, full_name AS name, phone FROM patrons ${where} ORDER BY created_at DESC, id DESC`)
    .all(...params) as {
    card: string;
    name: string;
    phone: string | null;
  }[];
  const query = filter.query?.trim();
  const matches = query ? rows.filter(patronMatcher(query)) : rows;
  return matches.slice(0, 100).map((row) => findPatronByCard(ctx.db, row.card)!);
}

/** Approve (pending → active), block, or unblock, recorded with the staff member who did it. */
export function setPatronStatus(ctx: KioskContext, card: string, to: 'active' | 'blocked', staffId: number | null, reason?: string): Patron {
  const { db, clock } = ctx;
  return db
    .transaction(() => {
      const patron = requirePatron(ctx, card);
      if (patron.status === to) {
        throw refused(
          'status_unchanged',
          to === 'active' ? `Thẻ ${patron.cardNumber} đang hoạt động, không cần thay đổi.` : `Thẻ ${patron.cardNumber} đã bị khóa từ trước.`,
        );
      }
      db.prepare('UPDATE patrons SET status = ? WHERE id = ?').run(to, patron.id);
      recordEvent(db, clock, 'patron.status_changed', { patronId: patron.id, from: patron.status, to, staffId });
      if (reason && staffId !== null) {
        // Why a card was blocked or unblocked is staff's note, kept with who wrote it.
        recordEvent(db, clock, 'staff.action', { staffId, action: `patron.${to === 'active' ? 'activate' : 'block'}: ${reason}`, target: String(patron.id) });
      }
      return { ...patron, status: to };
    })
    .immediate();
}
