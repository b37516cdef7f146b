// Finding a patron and deciding whether their card may be used now. Shared by circulation,
// internet sessions and e-resources so every service refuses for the same reasons.
import type { Db } from '../store/open';
import { notFound, refused } from '../errors';
import { ageBand, type AgeBand } from './demographics';

export interface Patron {
  id: number;
  cardNumber: string;
  fullName: string;
  birthYear: number | null;
  gender: 'male' | 'female' | 'other' | null;
  category: string;
  village: string | null;
  phone: string | null;
  cardExpiry: string;
  status: 'active' | 'blocked' | 'pending';
  hasCccd: boolean;
  createdAt: string;
  /** Set when the record was erased (rights/erase.ts): every personal field is empty then. */
  erasedAt: string | null;
}

const SELECT = `SELECT id, card_number AS cardNumber, full_name AS fullName, birth_year AS birthYear, gender, category,
  village, phone, card_expiry AS cardExpiry, status, cccd_hash IS NOT NULL AS hasCccd, created_at AS createdAt, erased_at AS erasedAt FROM patrons`;

function toPatron(row: (Omit<Patron, 'hasCccd'> & { hasCccd: number }) | undefined): Patron | undefined {
  return row ? { ...row, hasCccd: row.hasCccd === 1 } : undefined;
}

export function findPatronByCard(db: Db, cardNumber: string): Patron | undefined {
  return toPatron(db.prepare(`${SELECT} WHERE card_number = ?`).get(cardNumber.trim().toUpperCase()) as never);
}

export function findPatronById(db: Db, id: number): Patron | undefined {
  return toPatron(db.prepare(`${SELECT} WHERE id = ?`).get(id) as never);
}

export function findPatronByCccdHash(db: Db, cccdHash: string): Patron | undefined {
  return toPatron(db.prepare(`${SELECT} WHERE cccd_hash = ?`).get(cccdHash) as never);
}

/** The reporting dimensions every event about this patron carries. */
export function patronDimensions(
  patron: Pick<Patron, 'category' | 'gender' | 'birthYear'>,
  now: number,
): { category: string; gender: string; ageBand: AgeBand } {
  return { category: patron.category, gender: patron.gender ?? 'unknown', ageBand: ageBand(patron.birthYear, new Date(now).getUTCFullYear()) };
}

/** Throws a refusal a resident can act on when the card may not be used today. */
export function assertCardUsable(patron: Patron, today: string): void {
  if (patron.erasedAt !== null) {
    throw refused('card_erased', 'Thẻ này đã bị hủy và thông tin của bạn đọc đã được xóa. Vui lòng gặp cán bộ thư viện nếu muốn làm thẻ mới.');
  }
  if (patron.status === 'blocked') {
    throw refused('card_blocked', 'Thẻ của bạn đang bị khóa. Vui lòng gặp cán bộ thư viện.');
  }
  if (patron.status === 'pending') {
    throw refused('card_pending', 'Thẻ của bạn đang chờ cán bộ thư viện duyệt. Vui lòng gặp cán bộ để kích hoạt thẻ.');
  }
  if (patron.cardExpiry < today) {
    throw refused('card_expired', `Thẻ của bạn đã hết hạn từ ngày ${formatDay(patron.cardExpiry)}. Vui lòng gặp cán bộ thư viện để gia hạn thẻ.`, {
      expiry: patron.cardExpiry,
    });
  }
}

function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A card number that is no patron's may be an old card replaced at the desk (card-care.ts): the
 * resident is told to use the new card, never "not found", which would send them to make a third.
 */
export function assertNotRetiredCard(db: Db, cardNumber: string): void {
  const retired = db.prepare('SELECT reason FROM retired_cards WHERE card_number = ?').get(cardNumber.trim().toUpperCase()) as { reason: string } | undefined;
  if (!retired) return;
  throw refused(
    'card_replaced',
    retired.reason === 'merged'
      ? 'Thẻ này đã được gộp vào một thẻ khác của bạn. Vui lòng dùng thẻ còn lại, hoặc gặp cán bộ thư viện.'
      : 'Thẻ này đã được thay bằng thẻ mới. Vui lòng dùng thẻ mới, hoặc gặp cán bộ thư viện.',
  );
}

/**
 * A card number that is no patron's may be a staff member's own card scanned at a resident screen:
 * every service then says where that card works instead of "not found".
 */
export function assertNotStaffCard(db: Db, cardNumber: string): void {
  if (db.prepare('SELECT 1 FROM staff WHERE card_number = ?').get(cardNumber.trim().toUpperCase())) {
    throw notFound('staff_card', 'Đây là thẻ cán bộ. Hãy chạm "Dành cho cán bộ" ở màn hình chính và đăng nhập bằng thẻ này với mã PIN.');
  }
}
