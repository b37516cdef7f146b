// Staff lock a running session from the room's console (issue #18, item 4): the resident's browsing
// steps aside and falls silent, and the screen asks them to see the officer, until staff unlock it or
// end it. It is for the moment an officer across the room must stop what is on a screen (a child on a
// page they should not see, a quarrel over a PC) without throwing the resident's session away.
//
// The countdown keeps running, as it does for a resident who stepped away: the PC stays theirs, and a
// lock never lengthens a session. The inactivity question is not asked, since nobody can answer it.
// Nothing the resident does lifts the lock: not their card (signing in again or resuming after a
// restart), not stepping away and back. It is kept in the store, so a restart of the kiosk program
// keeps it; it belongs to one session and means nothing once that session has ended.
import type { StaffMember } from '#contract/staff';
import { refused } from '../errors';
import { recordEvent } from '../store/event-types';
import { setMeta } from '../store/meta';
import { nowIso, type InternetContext } from './context';
import { requireActive } from './ending';
import type { SessionRow } from './sessions-store';
import { isLocked, LOCK_META, publishState, type SessionLock } from './state';

/** For what the resident does at the session: refused while it is locked, with what to do. */
export function refuseWhileLocked(ic: InternetContext, row: SessionRow): void {
  if (isLocked(ic, row)) {
    throw refused('session_locked', 'Cán bộ thư viện đã tạm khóa phiên Internet này. Vui lòng gặp cán bộ để được mở lại.');
  }
}

/**
 * Locks or unlocks the running session. `staff` is null when the request came from another PC's
 * console through the room's hub, which records who asked (room/console.ts).
 */
export function lockSession(ic: InternetContext, staff: StaffMember | null, locked: boolean): void {
  const { db, clock } = ic;
  const open = requireActive(ic);
  if (isLocked(ic, open) === locked) return;
  db.transaction(() => {
    setMeta(db, LOCK_META, locked ? JSON.stringify({ sessionId: open.id, at: nowIso(ic) } satisfies SessionLock) : '');
    if (staff)
      recordEvent(db, clock, 'staff.action', {
        staffId: staff.id,
        action: locked ? 'internet.lock' : 'internet.unlock',
        target: `internet_session:${open.id}`,
      });
  })();
  const r = ic.running;
  if (r && r.sessionId === open.id) {
    // Back from the lock, the inactivity rule starts afresh: the time locked was not the resident's idling.
    r.askedMono = null;
    if (!locked) r.lastInputMono = clock.monotonic();
  }
  publishState(ic);
}
