// Holds (đặt trước): a resident queues for a title none of whose copies is on the shelf. When a copy
// comes back it is set aside for the oldest waiting hold, goes to the staff shelf, and is kept
// `holdPickupDays` days; borrowing the title fulfils the hold, and a copy not picked up in time
// passes to the next in line. Everything here runs inside the caller's transaction.
import type { HoldView, StaffHoldView } from '#contract/circulation';
import { OPEN_HOLD as OPEN, recordAvailability } from '../catalogue/availability';
import type { KioskContext } from '../context';
import { notFound, refused } from '../errors';
import { assertCardUsable, patronDimensions, type Patron } from '../patrons/lookup';
import { requirePatron } from '../patrons/records';
import { recordEvent } from '../store/event-types';
import type { Db } from '../store/open';
import { addDays, localDay } from '../../../common/calendar';
import { withRefusalRecorded } from './refusals';

interface HoldRow {
  id: number;
  recordId: number;
  patronId: number;
  itemId: number | null;
  createdAt: string;
  readyUntil: string | null;
  title: string;
  /** Waiting holds ahead of this one, plus one; null once a copy is set aside. */
  position: number | null;
  nextDueDate: string | null;
  card: string;
  fullName: string;
  phone: string | null;
  barcode: string | null;
  location: string | null;
}

/** One statement gives everything either view needs: queue place and next due date included. */
const HOLD_ROW = `SELECT h.id, h.record_id AS recordId, h.patron_id AS patronId, h.item_id AS itemId, h.created_at AS createdAt,
  h.ready_until AS readyUntil, r.title, p.card_number AS card, p.full_name AS fullName, p.phone, i.barcode, i.location,
  CASE WHEN h.item_id IS NULL THEN 1 + (SELECT COUNT(*) FROM holds w WHERE w.record_id = h.record_id AND w.item_id IS NULL
    AND w.fulfilled_at IS NULL AND w.cancelled_at IS NULL AND (w.created_at < h.created_at OR (w.created_at = h.created_at AND w.id < h.id))) END AS position,
  CASE WHEN h.item_id IS NULL THEN (SELECT min(l.due_date) FROM loans l JOIN items c ON c.id = l.item_id WHERE c.record_id = h.record_id AND l.returned_at IS NULL) END AS nextDueDate
  FROM holds h JOIN records r ON r.id = h.record_id JOIN patrons p ON p.id = h.patron_id LEFT JOIN items i ON i.id = h.item_id`;

function openHold(db: Db, holdId: number): HoldRow | undefined {
  return db.prepare(`${HOLD_ROW} WHERE h.id = ? AND ${OPEN}`).get(holdId) as HoldRow | undefined;
}

/** The open hold a copy is set aside for, if any. */
export function holdOfItem(db: Db, itemId: number): HoldRow | undefined {
  return db.prepare(`${HOLD_ROW} WHERE h.item_id = ? AND ${OPEN}`).get(itemId) as HoldRow | undefined;
}

/** Whether another resident still waits for a copy of this title (a renewal would keep it from them). */
export function someoneWaitsFor(db: Db, recordId: number, exceptPatronId: number): boolean {
  return (
    db.prepare(`SELECT 1 FROM holds h WHERE h.record_id = ? AND h.item_id IS NULL AND ${OPEN} AND h.patron_id != ? LIMIT 1`).get(recordId, exceptPatronId) !==
    undefined
  );
}

/**
 * Sets a copy that is back on the premises aside for the oldest hold still waiting for its title.
 * Returns whether it was set aside (the copy then belongs on the staff shelf).
 */
export function setAsideForNextHold(ctx: KioskContext, itemId: number, recordId: number): boolean {
  const { db, clock } = ctx;
  const next = db
    .prepare(`SELECT h.id FROM holds h WHERE h.record_id = ? AND h.item_id IS NULL AND ${OPEN} ORDER BY h.created_at, h.id LIMIT 1`)
    .get(recordId) as { id: number } | undefined;
  if (!next) return false;
  const now = clock.now();
  const readyUntil = addDays(localDay(now), ctx.config.circulation.holdPickupDays);
  db.prepare('UPDATE holds SET item_id = ?, ready_at = ?, ready_until = ? WHERE id = ?').run(itemId, new Date(now).toISOString(), readyUntil, next.id);
  recordEvent(db, clock, 'hold.ready', { holdId: next.id, itemId, recordId });
  return true;
}

/** Takes a copy back from the hold it was set aside for (the hold waits again), e.g. when staff lend it to someone else. */
export function takeCopyBack(db: Db, holdId: number): void {
  db.prepare('UPDATE holds SET item_id = NULL, ready_at = NULL, ready_until = NULL WHERE id = ?').run(holdId);
}

/**
 * Ends holds whose copy was not picked up in time and passes each copy to the next in line. Called
 * before holds are read or changed, so no timer is needed; it only opens a write transaction (a
 * savepoint when the caller already has one) when something has lapsed.
 */
export function expireHolds(ctx: KioskContext): void {
  const { db, clock } = ctx;
  const today = localDay(clock.now());
  const lapsed = db.prepare(`SELECT h.id, h.item_id AS itemId, h.record_id AS recordId FROM holds h WHERE ${OPEN} AND h.ready_until < ?`).all(today) as {
    id: number;
    itemId: number;
    recordId: number;
  }[];
  if (lapsed.length === 0) return;
  db.transaction(() => {
    for (const hold of lapsed) {
      endHold(ctx, hold.id, 'expired', null);
      setAsideForNextHold(ctx, hold.itemId, hold.recordId);
    }
  }).immediate();
}

function endHold(ctx: KioskContext, holdId: number, outcome: 'fulfilled' | 'resident' | 'staff' | 'expired', staffId: number | null): void {
  const at = new Date(ctx.clock.now()).toISOString();
  if (outcome === 'fulfilled') ctx.db.prepare('UPDATE holds SET fulfilled_at = ? WHERE id = ?').run(at, holdId);
  else ctx.db.prepare('UPDATE holds SET cancelled_at = ?, cancel_reason = ? WHERE id = ?').run(at, outcome, holdId);
  recordEvent(ctx.db, ctx.clock, 'hold.ended', { holdId, outcome, staffId });
}

/**
 * A resident borrowed a copy of a title they were waiting for: their hold is fulfilled. When the
 * copy set aside for them was a different one, that copy passes to the next in line.
 */
export function fulfilHold(ctx: KioskContext, patronId: number, recordId: number, borrowedItemId: number): void {
  const hold = ctx.db.prepare(`SELECT h.id, h.item_id AS itemId FROM holds h WHERE h.record_id = ? AND h.patron_id = ? AND ${OPEN}`).get(recordId, patronId) as
    { id: number; itemId: number | null } | undefined;
  if (!hold) return;
  endHold(ctx, hold.id, 'fulfilled', null);
  if (hold.itemId !== null && hold.itemId !== borrowedItemId) setAsideForNextHold(ctx, hold.itemId, recordId);
}

function placeHold(ctx: KioskContext, patron: Patron, recordId: number): HoldView {
  const { db, clock } = ctx;
  const today = localDay(clock.now());
  const { maxHolds } = ctx.config.circulation;
  if (maxHolds === 0) throw refused('holds_off', 'Thư viện chưa nhận đặt trước sách tại máy. Vui lòng hỏi cán bộ thư viện.');
  const record = db.prepare('SELECT id, title FROM records WHERE id = ?').get(recordId) as { id: number; title: string } | undefined;
  if (!record) throw notFound('unknown_record', 'Không tìm thấy đầu sách này trong thư viện. Hãy tìm lại ở Tra cứu sách.', { record: recordId });
  assertCardUsable(patron, today);

  const existing = db.prepare(`SELECT h.id FROM holds h WHERE h.record_id = ? AND h.patron_id = ? AND ${OPEN}`).get(recordId, patron.id) as
    { id: number } | undefined;
  if (existing) return toView(openHold(db, existing.id)!, today);

  const borrowing = db
    .prepare('SELECT 1 FROM loans l JOIN items i ON i.id = l.item_id WHERE l.patron_id = ? AND l.returned_at IS NULL AND i.record_id = ?')
    .get(patron.id, recordId);
  if (borrowing) throw refused('already_borrowed', `Bạn đang mượn cuốn "${record.title}" rồi, không cần đặt trước.`, { record: recordId });

  const copies = recordAvailability(db, recordId).items;
  const onShelf = copies.filter((c) => c.status === 'available' && !c.setAside);
  if (onShelf.length > 0) {
    const places = [...new Set(onShelf.map((c) => c.location).filter((l): l is string => !!l))].join(', ');
    throw refused(
      'on_shelf',
      `Cuốn "${record.title}" đang có trên giá${places ? ` (${places})` : ''}. Bạn lấy sách rồi mượn ở mục Mượn / trả sách, không cần đặt trước.`,
      { record: recordId, places },
    );
  }
  if (!copies.some((c) => c.status === 'on_loan' || c.status === 'in_transit' || c.status === 'available')) {
    throw refused(
      'not_holdable',
      copies.length > 0
        ? `Cuốn "${record.title}" chỉ có bản đọc tại chỗ, không cho mượn về nên không đặt trước được. Bạn có thể đọc sách ngay tại phòng đọc.`
        : `Thư viện hiện không có bản nào của cuốn "${record.title}" để cho mượn. Hãy hỏi cán bộ thư viện.`,
      { record: recordId },
    );
  }
  const open = (db.prepare(`SELECT COUNT(*) AS n FROM holds h WHERE h.patron_id = ? AND ${OPEN}`).get(patron.id) as { n: number }).n;
  if (open >= maxHolds) {
    throw refused(
      'too_many_holds',
      `Bạn đang đặt trước ${open} cuốn, đã đủ số được đặt cùng lúc (${maxHolds} cuốn). Hãy hủy bớt ở mục Mượn / trả sách, phần "Sách của tôi".`,
      {
        count: open,
        max: maxHolds,
      },
    );
  }
  const now = clock.now();
  const holdId = Number(
    db.prepare('INSERT INTO holds (record_id, patron_id, created_at) VALUES (?, ?, ?)').run(recordId, patron.id, new Date(now).toISOString()).lastInsertRowid,
  );
  recordEvent(db, clock, 'hold.placed', { holdId, patronId: patron.id, recordId, ...patronDimensions(patron, now) });
  return toView(openHold(db, holdId)!, today);
}

/** A resident cancels one of their own holds; a copy set aside for it passes to the next in line. */
function cancelHold(ctx: KioskContext, holdId: number, by: { patronId: number } | { staffId: number | null }): void {
  const hold = openHold(ctx.db, holdId);
  if (!hold || ('patronId' in by && hold.patronId !== by.patronId)) {
    throw notFound('not_your_hold', 'Không thấy sách đặt trước này trong danh sách của bạn; có thể nó đã được hủy hoặc bạn đã mượn sách.', { hold: holdId });
  }
  endHold(ctx, holdId, 'patronId' in by ? 'resident' : 'staff', 'staffId' in by ? by.staffId : null);
  if ('staffId' in by && by.staffId !== null)
    recordEvent(ctx.db, ctx.clock, 'staff.action', { staffId: by.staffId, action: 'hold.cancel', target: String(holdId) });
  if (hold.itemId !== null) setAsideForNextHold(ctx, hold.itemId, hold.recordId);
}

function toView(row: HoldRow, today: string): HoldView {
  return {
    holdId: row.id,
    recordId: row.recordId,
    title: row.title,
    placedAt: row.createdAt,
    status: row.itemId === null ? 'waiting' : 'ready',
    position: row.position,
    readyUntil: row.readyUntil,
    nextDueDate: row.nextDueDate,
    nextDueOverdue: row.nextDueDate !== null && row.nextDueDate < today,
  };
}

/** A resident's open holds, ready ones first. */
export function holdsOf(ctx: KioskContext, patronId: number): HoldView[] {
  expireHolds(ctx);
  const rows = ctx.db.prepare(`${HOLD_ROW} WHERE h.patron_id = ? AND ${OPEN} ORDER BY h.item_id IS NULL, h.created_at, h.id`).all(patronId) as HoldRow[];
  const today = localDay(ctx.clock.now());
  return rows.map((row) => toView(row, today));
}

/** Every open hold, for the staff page: ready ones first (they are on the staff shelf), then by title. */
export function allOpenHolds(ctx: KioskContext): StaffHoldView[] {
  expireHolds(ctx);
  const rows = ctx.db.prepare(`${HOLD_ROW} WHERE ${OPEN} ORDER BY h.item_id IS NULL, h.ready_until, r.title, h.created_at, h.id`).all() as HoldRow[];
  const today = localDay(ctx.clock.now());
  return rows.map((row) => ({ ...toView(row, today), card: row.card, fullName: row.fullName, phone: row.phone, item: row.barcode, location: row.location }));
}

// What the API and the `kiosk hold` commands call: each is one transaction, lapsed holds expired first.

/** A resident (by card) places a hold; a refusal is recorded as a `circulation.refused` event. */
export function placeHoldFor(ctx: KioskContext, card: string, recordId: number): HoldView {
  return withRefusalRecorded(ctx, 'hold', (ids) =>
    ctx.db
      .transaction(() => {
        expireHolds(ctx);
        const patron = requirePatron(ctx, card);
        ids.patronId = patron.id;
        return placeHold(ctx, patron, recordId);
      })
      .immediate(),
  );
}

/** A resident (by card) cancels one of their holds; answers with the holds they still have. */
export function cancelHoldOf(ctx: KioskContext, card: string, holdId: number): HoldView[] {
  return ctx.db
    .transaction(() => {
      const patron = requirePatron(ctx, card);
      cancelHold(ctx, holdId, { patronId: patron.id });
      return holdsOf(ctx, patron.id);
    })
    .immediate();
}

/** Staff cancel a hold; answers with every open hold left. */
export function cancelHoldByStaff(ctx: KioskContext, staffId: number, holdId: number): StaffHoldView[] {
  return ctx.db
    .transaction(() => {
      cancelHold(ctx, holdId, { staffId });
      return allOpenHolds(ctx);
    })
    .immediate();
}

/** Staff end every open hold of one resident (their record is being erased); set-aside copies pass on. */
/** `staffId` null: the retention rule ends them by itself. */
export function cancelAllHoldsOf(ctx: KioskContext, patronId: number, staffId: number | null): number {
  const ids = ctx.db.prepare(`SELECT h.id FROM holds h WHERE h.patron_id = ? AND ${OPEN}`).all(patronId) as { id: number }[];
  for (const { id } of ids) cancelHold(ctx, id, { staffId });
  return ids.length;
}
