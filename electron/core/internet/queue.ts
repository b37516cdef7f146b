// The queue for the PC: residents join with their card and get a ticket; when the PC frees up the
// first in line is called and the PC is kept for them for `queueHoldMinutes`.
import type { StaffMember } from '#contract/staff';
import { notFound, refused } from '../errors';
import { assertCardUsable, assertNotRetiredCard, assertNotStaffCard, findPatronByCard, findPatronById, type Patron } from '../patrons/lookup';
import { recordEvent } from '../store/event-types';
import { limitsFor } from './config';
import { nowIso, today, type InternetContext } from './context';
import { MINUTE_MS } from './policy';
import { usedMs } from './running';
import * as store from './sessions-store';
import { publishState } from './state';

/** The patron behind a typed or scanned card number, or the refusal a resident can act on. */
export function patronByCard(ic: InternetContext, card: string): Patron {
  const patron = findPatronByCard(ic.db, card);
  if (patron) return patron;
  assertNotRetiredCard(ic.db, card);
  assertNotStaffCard(ic.db, card);
  throw notFound('card_unknown', 'Không tìm thấy thẻ thư viện này. Hãy quét lại thẻ hoặc hỏi cán bộ thư viện.');
}

/** What a guest held back by the queue can do: they have no card to take a ticket with. */
const GUEST_WAITS = 'Mã khách dùng được khi không còn ai chờ; mời bạn chờ một lát hoặc hỏi cán bộ thư viện.';

/**
 * The first person waiting has the PC for `queueHoldMinutes` once it is free; then the turn passes.
 * Guests (`patron` undefined) wait their turn like cards: the PC held for the head is not theirs.
 */
export function assertQueueTurn(ic: InternetContext, patron: Patron | undefined): void {
  const holdMs = ic.config.queueHoldMinutes * MINUTE_MS;
  for (;;) {
    const head = store.waitingQueue(ic.db)[0];
    if (!head || (patron && head.patronId === patron.id)) return;
    if (!head.calledAt) {
      store.callQueueEntry(ic.db, head.id, nowIso(ic));
    } else if (ic.clock.now() - Date.parse(head.calledAt) > holdMs) {
      store.setQueueStatus(ic.db, head.id, 'missed');
      continue;
    }
    if (!patron) throw refused('queue_reserved_guest', `Máy đang được giữ cho người xếp hàng số ${head.ticket}. ${GUEST_WAITS}`, { ticket: head.ticket });
    throw refused('queue_reserved', `Máy đang được giữ cho người xếp hàng số ${head.ticket}. Bạn hãy xếp hàng để được dùng máy sau.`, { ticket: head.ticket });
  }
}

export function joinQueue(ic: InternetContext, card: string): { ticket: number; position: number; estimatedWaitMinutes: number } {
  const { db } = ic;
  const patron = patronByCard(ic, card);
  assertCardUsable(patron, today(ic));
  const open = store.openSession(db);
  if (open?.patronId === patron.id) throw refused('already_using', 'Bạn đang dùng máy này rồi.');
  let queue = store.waitingQueue(db);
  if (!open && queue.length === 0) throw refused('pc_free', 'Máy đang trống. Bạn hãy quét thẻ ở màn hình Internet để dùng ngay.');
  let mine = queue.find((q) => q.patronId === patron.id);
  if (!mine) {
    mine = db.transaction(() => store.joinQueue(db, patron.id, today(ic), nowIso(ic)))();
    queue = store.waitingQueue(db);
    publishState(ic);
  }
  const position = queue.findIndex((q) => q.id === mine.id) + 1;
  let waitMs = open ? Math.max(0, open.allowanceMs - usedMs(ic, open)) : 0;
  for (const ahead of queue.slice(0, position - 1)) {
    const p = findPatronById(db, ahead.patronId);
    waitMs += limitsFor(ic.config, p?.category ?? 'default').sessionMinutes * MINUTE_MS;
  }
  return { ticket: mine.ticket, position, estimatedWaitMinutes: Math.ceil(waitMs / MINUTE_MS) };
}

export function leaveQueue(ic: InternetContext, card: string): void {
  const { db } = ic;
  const patron = findPatronByCard(db, card);
  const mine = patron && store.waitingQueue(db).find((q) => q.patronId === patron.id);
  if (!mine) throw notFound('not_queued', 'Thẻ này không có trong hàng chờ.');
  db.transaction(() => store.setQueueStatus(db, mine.id, 'left'))();
  publishState(ic);
}

/**
 * Staff take someone off the queue (gone home, joined twice with two cards). When the PC is free
 * and that person was being held for, the next one is called at once, as when a session ends.
 */
export function removeFromQueue(ic: InternetContext, staff: StaffMember, ticket: number): void {
  const { db, clock } = ic;
  const entry = store.waitingQueue(db).find((q) => q.ticket === ticket);
  if (!entry) throw notFound('ticket_not_queued', `Số ${ticket} không còn trong hàng chờ.`, { ticket });
  db.transaction(() => {
    store.setQueueStatus(db, entry.id, 'left');
    recordEvent(db, clock, 'staff.action', { staffId: staff.id, action: 'internet.queue_remove', target: `internet_queue:${entry.id}` });
    const head = store.waitingQueue(db)[0];
    if (head && !head.calledAt && !store.openSession(db)) store.callQueueEntry(db, head.id, nowIso(ic));
  })();
  publishState(ic);
}
