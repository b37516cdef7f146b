// How a session ends, whoever ends it: the end and its events in one transaction, then every trace
// cleared (downloads now, the browser through the surface) and the next in the queue called.
import type { EndReason } from '#contract/internet';
import type { StaffMember } from '#contract/staff';
import { refused } from '../errors';
import { recordEvent } from '../store/event-types';
import { nowIso, type InternetContext } from './context';
import { MINUTE_MS } from './policy';
import { usedMs } from './running';
import * as store from './sessions-store';
import { publishState } from './state';
import { deleteDownloadsDir, wipePlan } from './wipe';
import { closePicker } from './file-picker';

export function requireActive(ic: InternetContext): store.SessionRow {
  const open = store.openSession(ic.db);
  if (!open || open.status !== 'active') throw refused('no_session', 'Hiện không có phiên Internet nào đang chạy.');
  return open;
}

/** Ends a session now, with the minutes the countdown has counted. */
export function endSession(ic: InternetContext, row: store.SessionRow, reason: EndReason, staff: StaffMember | null): void {
  finishSession(ic, row, usedMs(ic, row), reason, nowIso(ic), staff);
}

/** Records the end (at `endedAt`: a crash ends at the last checkpoint), clears every trace, calls the queue. */
export function finishSession(ic: InternetContext, row: store.SessionRow, used: number, reason: EndReason, endedAt: string, staff: StaffMember | null): void {
  const { db, clock, kiosk } = ic;
  const counted = Math.min(used, row.allowanceMs);
  db.transaction(() => {
    store.markEnded(db, row.id, counted, endedAt, reason);
    const fresh = store.sessionById(db, row.id)!;
    recordEvent(db, clock, 'internet.session_ended', {
      sessionId: row.id,
      patronId: row.patronId,
      guest: row.guestPassId !== null,
      minutesUsed: Math.round((counted / MINUTE_MS) * 10) / 10,
      reason,
      pagesPrinted: fresh.pagesPrinted,
      category: row.category,
      gender: row.gender,
      ageBand: row.ageBand,
    });
    if (staff)
      recordEvent(db, clock, 'staff.action', {
        staffId: staff.id,
        action: reason === 'emergency' ? 'internet.emergency_close' : 'internet.end_session',
        target: `internet_session:${row.id}`,
      });
    const head = store.waitingQueue(db)[0];
    if (head) store.callQueueEntry(db, head.id, nowIso(ic));
  })();
  if (ic.running?.sessionId === row.id) ic.running = undefined;
  const plan = wipePlan(row.id, row.downloadsDir);
  closePicker(ic); // a picker left open hands nothing to the page, before the files go
  deleteDownloadsDir(kiosk.dataDir, row.downloadsDir);
  void ic.surface
    ?.wipe(plan)
    .catch((error: unknown) => kiosk.log.log('error', 'internet.wipe_failed', { sessionId: row.id, error: String(error).slice(0, 300) }));
  kiosk.bus.emit('internet.ended', { sessionId: row.id, reason, wipe: [...plan.steps] });
  publishState(ic);
}

export function endByResident(ic: InternetContext): void {
  endSession(ic, requireActive(ic), 'resident', null);
}

/** A technician's `kiosk session end`: ends the open session, running or waiting to resume. */
export function endByTechnician(ic: InternetContext): void {
  const open = store.openSession(ic.db);
  if (!open) throw refused('no_session', 'Hiện không có phiên Internet nào để kết thúc.');
  endSession(ic, open, 'staff', null);
}
