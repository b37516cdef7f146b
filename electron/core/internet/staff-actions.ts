// What staff do from the Internet page: extend, end, message the resident (and the resident's "Đã
// hiểu"), close every session in an emergency and reopen, and the overview of today's sessions and
// queue. Each action is recorded.
import type { StaffSessionRow } from '#contract/internet';
import type { RoomEmergency } from '#contract/room';
import type { StaffMember } from '#contract/staff';
import { refused } from '../errors';
import { findPatronById } from '../patrons/lookup';
import { recordEvent } from '../store/event-types';
import { setMeta } from '../store/meta';
import { nowIso, today, type InternetContext } from './context';
import { endSession, requireActive } from './ending';
import { MINUTE_MS, openState } from './policy';
import { awayEndsInSeconds, rearmWarnings, runningFor, usedMs } from './running';
import { requirePresent } from './step-away';
import * as store from './sessions-store';
import { EMERGENCY_META, emergencyClosed, publishState, type EmergencyClosed } from './state';

/**
 * `staff` is null when the request came from another PC's console through the room's hub, which
 * records who asked (room/console.ts); here the extension itself is recorded either way.
 */
export function extendSession(
  ic: InternetContext,
  staff: StaffMember | null,
  minutes: number,
  scope: 'session' | 'day',
): { allowanceMinutes: number; addedMinutes: number } {
  const { db, clock } = ic;
  const open = store.openSession(db);
  if (!open) throw refused('no_session', 'Hiện không có phiên Internet nào để gia hạn.');
  if (scope === 'day' && open.patronId === null) throw refused('guest_no_day', 'Phiên của khách không có hạn mức theo ngày; hãy gia hạn cho phiên này.');
  const hours = openState(ic.config, clock.now());
  const remaining = open.allowanceMs - usedMs(ic, open);
  const untilClose = hours.open ? hours.minutesUntilClose * MINUTE_MS : 0;
  const addMs = Math.min(minutes * MINUTE_MS, untilClose - remaining);
  if (addMs < MINUTE_MS) {
    throw refused('closing_cap', 'Không thể gia hạn vì phiên đã chạy đến giờ đóng cửa của phòng đọc.', { closesAt: hours.open ? hours.closesAt : '' });
  }
  db.transaction(() => {
    store.addAllowance(db, open.id, addMs, false);
    if (scope === 'day') store.addDayExtra(db, open.patronId!, open.day, minutes);
    recordEvent(db, clock, 'internet.extended', { sessionId: open.id, minutes: Math.round(addMs / MINUTE_MS), staffId: staff?.id ?? null, scope });
    if (staff) recordEvent(db, clock, 'staff.action', { staffId: staff.id, action: `internet.extend_${scope}`, target: `internet_session:${open.id}` });
  })();
  rearmWarnings(ic, remaining + addMs);
  publishState(ic);
  const fresh = store.sessionById(db, open.id)!;
  return { allowanceMinutes: Math.round(fresh.allowanceMs / MINUTE_MS), addedMinutes: Math.round(addMs / MINUTE_MS) };
}

export function endByStaff(ic: InternetContext, staff: StaffMember | null): void {
  const open = store.openSession(ic.db);
  if (!open) throw refused('no_session', 'Hiện không có phiên Internet nào để kết thúc.');
  endSession(ic, open, 'staff', staff);
}

export function messageResident(ic: InternetContext, staff: StaffMember | null, text: string): void {
  const { db, clock } = ic;
  const open = requireActive(ic);
  // Only the process running the countdown shows the resident's screen (another, the CLI, cannot).
  const r = runningFor(ic, open);
  if (!r) throw refused('no_session', 'Phiên Internet này đang chạy ở chương trình kiosk trên máy; hãy gửi lời nhắn từ màn hình cán bộ.');
  // The text itself is not stored: it is for the resident's screen only.
  if (staff)
    db.transaction(() => recordEvent(db, clock, 'staff.action', { staffId: staff.id, action: 'internet.message', target: `internet_session:${open.id}` }))();
  r.staffMessage = { text, at: nowIso(ic) };
  publishState(ic);
}

/** The resident read staff's message ("Đã hiểu"); only they may, so not while they are away. */
export function messageSeen(ic: InternetContext): void {
  const r = runningFor(ic, requirePresent(ic));
  if (r?.staffMessage) {
    r.staffMessage = null;
    publishState(ic);
  }
}

export function emergencyClose(ic: InternetContext, staff: StaffMember): void {
  const { db, clock } = ic;
  db.transaction(() => {
    setMeta(db, EMERGENCY_META, JSON.stringify({ by: staff.displayName, at: nowIso(ic) }));
    recordEvent(db, clock, 'staff.action', { staffId: staff.id, action: 'internet.close_all', target: null });
  })();
  const open = store.openSession(db);
  if (open) endSession(ic, open, 'emergency', staff);
  else publishState(ic);
}

export function reopen(ic: InternetContext, staff: StaffMember): void {
  const { db, clock } = ic;
  db.transaction(() => {
    setMeta(db, EMERGENCY_META, '');
    recordEvent(db, clock, 'staff.action', { staffId: staff.id, action: 'internet.reopen', target: null });
  })();
  publishState(ic);
}

/**
 * A room kiosk follows the room's emergency close as its heartbeat hears it from the hub (which
 * recorded who asked): it closes and ends its session as staff would at this PC, and reopens when the
 * room does — but not when staff closed this PC here, which only they reopen here.
 */
export function followRoomEmergency(ic: InternetContext, room: RoomEmergency | null): boolean {
  const here = emergencyClosed(ic);
  if (room && !here) {
    setMeta(ic.db, EMERGENCY_META, JSON.stringify({ by: room.by, at: room.at, room: true } satisfies EmergencyClosed));
    const open = store.openSession(ic.db);
    if (open) endSession(ic, open, 'emergency', null);
    else publishState(ic);
    return true;
  }
  if (!room && here?.room) {
    setMeta(ic.db, EMERGENCY_META, '');
    publishState(ic);
    return true;
  }
  return false;
}

export interface InternetOverview {
  current: StaffSessionRow | null;
  recent: StaffSessionRow[];
  queue: { ticket: number; who: string; joinedAt: string }[];
  emergencyClosed: { by: string; at: string } | null;
  todayMinutes: number;
  todaySessions: number;
}

export function overview(ic: InternetContext): InternetOverview {
  const { db } = ic;
  const open = store.openSession(db);
  const recent = store.recentSessions(db, 15).filter((r) => r.status === 'ended');
  const totals = store.dayTotals(db, today(ic));
  const openUsed = open ? usedMs(ic, open) - open.usedMs : 0;
  return {
    current: open ? staffRow(ic, open) : null,
    recent: recent.map((r) => staffRow(ic, r)),
    queue: store.waitingQueue(db).map((q) => ({ ticket: q.ticket, who: findPatronById(db, q.patronId)?.fullName ?? '', joinedAt: q.joinedAt })),
    emergencyClosed: emergencyClosed(ic),
    todayMinutes: Math.round((totals.ms + openUsed) / MINUTE_MS),
    todaySessions: totals.sessions,
  };
}

/** The open session as staff see it (who, minutes left), or null. */
export function currentSessionRow(ic: InternetContext): StaffSessionRow | null {
  const open = store.openSession(ic.db);
  return open ? staffRow(ic, open) : null;
}

function staffRow(ic: InternetContext, row: store.SessionRow): StaffSessionRow {
  const patron = row.patronId !== null ? findPatronById(ic.db, row.patronId) : undefined;
  const pass = row.guestPassId !== null ? store.guestPassById(ic.db, row.guestPassId) : undefined;
  const used = usedMs(ic, row);
  return {
    id: row.id,
    who: patron?.fullName ?? pass?.code ?? '',
    card: patron?.cardNumber ?? null,
    category: row.category,
    status: row.status,
    awayEndsInSeconds: awayEndsInSeconds(ic, row),
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    endReason: row.endReason,
    minutesUsed: Math.round((used / MINUTE_MS) * 10) / 10,
    minutesLeft: row.status === 'ended' ? null : Math.max(0, Math.round(((row.allowanceMs - used) / MINUTE_MS) * 10) / 10),
    allowanceMinutes: Math.round(row.allowanceMs / MINUTE_MS),
    moreTimeRequested: row.moreTimeRequestedAt !== null,
  };
}
