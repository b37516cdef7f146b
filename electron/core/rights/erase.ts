// Erasing a resident (Decree 13/2023: the right to erasure), on request at the desk or by the
// retention rule. The patron row stays, stripped of every personal field, so loans, holds and
// events keep pointing at one anonymous patron: statistics (which count events and their coarse
// dimensions) do not change. The card number stays with the empty row so it is never issued to
// someone else, and the old card, if scanned, is told it was cancelled. The audit line holds the
// staff member and a reason chosen from a list — no words about the person.
import type { ErasureReason, ErasureReceipt } from '#contract/rights';
import type { KioskContext } from '../context';
import { refused } from '../errors';
import { cancelAllHoldsOf } from '../circulation/holds';
import { requirePatron } from '../patrons/records';
import { patronDimensions, type Patron } from '../patrons/lookup';
import { endSessionsOf } from '../patrons/resident-sessions';
import { recordEvent } from '../store/event-types';
import { formatDateTime } from '../../../common/calendar';

const REASON_TEXT: Record<ErasureReason, string> = {
  resident_request: 'theo yêu cầu của bạn đọc',
  moved_away: 'bạn đọc chuyển đi nơi khác',
  deceased: 'bạn đọc đã mất',
  duplicate: 'thẻ trùng với một thẻ khác',
  retention: 'không sử dụng thư viện quá thời hạn lưu giữ',
};

/**
 * Strips one patron's personal fields inside the caller's transaction; answers how many loans stay as
 * anonymous records. `staffId` is null when the retention rule did it by itself.
 */
export function anonymisePatron(ctx: KioskContext, patron: Patron, staffId: number | null, reason: ErasureReason): number {
  const { db, clock } = ctx;
  if (patron.erasedAt !== null) throw refused('already_erased', `Thông tin của thẻ ${patron.cardNumber} đã được xóa từ trước; không còn gì để xóa.`);
  const { open } = db.prepare('SELECT count(*) AS open FROM loans WHERE patron_id = ? AND returned_at IS NULL').get(patron.id) as { open: number };
  if (open > 0) {
    throw refused(
      'erase_open_loans',
      `Thẻ ${patron.cardNumber} còn ${open} sách đang mượn. Hãy nhận lại sách (hoặc ghi nhận mất sách) trước, rồi xóa thông tin.`,
      { count: open },
    );
  }
  cancelAllHoldsOf(ctx, patron.id, staffId);
  db.prepare("UPDATE internet_queue SET status = 'left' WHERE patron_id = ? AND status = 'waiting'").run(patron.id);
  db.prepare('DELETE FROM patron_pins WHERE patron_id = ?').run(patron.id);
  db.prepare('DELETE FROM retention_notices WHERE patron_id = ?').run(patron.id);
  // The reporting dimensions (what every event about this card already carries) stay, so the cards
  // active on the days before today are counted as they were.
  const stats = patronDimensions(patron, clock.now());
  db.prepare(
    `UPDATE patrons SET full_name = '', birth_year = NULL, gender = NULL, village = NULL, phone = NULL, cccd_hash = NULL,
       consent_version = NULL, consent_at = NULL, consent_by = NULL, last_seen_at = NULL, erased_at = ?, stats_gender = ?, stats_age_band = ? WHERE id = ?`,
  ).run(new Date(clock.now()).toISOString(), stats.gender, stats.ageBand, patron.id);
  recordEvent(db, clock, 'patron.erased', { patronId: patron.id, staffId, reason });
  const { loans } = db.prepare('SELECT count(*) AS loans FROM loans WHERE patron_id = ?').get(patron.id) as { loans: number };
  return loans;
}

/** Staff erase a resident on request; the resident takes the receipt home. */
export function erasePatron(ctx: KioskContext, card: string, staffId: number, reason: Exclude<ErasureReason, 'retention'>): ErasureReceipt {
  const receipt = ctx.db
    .transaction(() => {
      const patron = requirePatron(ctx, card);
      const anonymousLoans = anonymisePatron(ctx, patron, staffId, reason);
      return erasureReceiptFor(ctx, patron.cardNumber, reason, anonymousLoans);
    })
    .immediate();
  endSessionsOf(ctx, requirePatron(ctx, card).id);
  return receipt;
}

function erasureReceiptFor(ctx: KioskContext, card: string, reason: ErasureReason, anonymousLoans: number): ErasureReceipt {
  const at = ctx.clock.now();
  const libraryName = ctx.config.library.name;
  const text = [
    libraryName,
    'GIẤY XÁC NHẬN XÓA THÔNG TIN BẠN ĐỌC',
    `Thẻ: ${card}`,
    `Thời điểm: ${formatDateTime(at)}`,
    `Lý do: ${REASON_TEXT[reason]}`,
    'Đã xóa: họ tên, năm sinh, giới tính, thôn/tổ, số điện thoại, dấu vết CCCD, mã PIN, đặt trước.',
    `Còn giữ: ${anonymousLoans} lượt mượn không gắn với tên ai, chỉ để thống kê.`,
    'Thẻ này không dùng được nữa.',
    '(Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân)',
  ].join('\n');
  return { card, erasedAt: new Date(at).toISOString(), reason, anonymousLoans, libraryName, text };
}
