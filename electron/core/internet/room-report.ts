// This PC's internet service on the room's console (issue #18, item 4): what it reports to the hub
// with each heartbeat, and carrying out what staff asked of it from any console of the room. The
// countdown stays here, on this PC's monotonic clock; the console only reads and asks.
import type { InternetState } from '#contract/internet';
import type { ConsoleAction, PcInternetReport } from '#contract/room';
import type { StaffMember } from '#contract/staff';
import { refused } from '../errors';
import type { InternetContext } from './context';
import * as store from './sessions-store';
import { lockSession } from './session-lock';
import { currentSessionRow, endByStaff, extendSession, messageResident } from './staff-actions';
import { internetState } from './state';

export function internetReport(ic: InternetContext): PcInternetReport {
  const state = internetState(ic);
  const row = state.session ? currentSessionRow(ic) : null;
  return {
    phase: state.phase,
    session:
      state.session && row
        ? {
            id: row.id,
            who: row.who.slice(0, 120),
            guest: state.session.guest,
            minutesLeft: Math.floor(state.session.remainingSeconds / 60),
            awayEndsInSeconds: state.session.awayEndsInSeconds,
            locked: state.session.locked,
            moreTimeRequested: state.session.moreTimeRequested,
          }
        : null,
    heldForTicket: state.queue.heldForTicket,
    waiting: state.queue.waiting,
  };
}

/**
 * What a report says without the figures that change every second: when this changes, the PC's state
 * did. Built alike from a report and from the internet state the countdown publishes every second, so
 * a kiosk compares that state as it comes instead of building a report (and reading the store) each time.
 */
function shape(
  phase: string,
  session: { id: number; guest: boolean; away: boolean; locked: boolean; moreTimeRequested: boolean } | null,
  heldForTicket: number | null,
  waiting: number,
): string {
  return JSON.stringify([phase, session && [session.id, session.guest, session.away, session.locked, session.moreTimeRequested], heldForTicket, waiting]);
}

export function reportShape(report: PcInternetReport): string {
  const s = report.session;
  return shape(report.phase, s && { ...s, away: s.awayEndsInSeconds !== null }, report.heldForTicket, report.waiting);
}

export function stateShape(state: InternetState): string {
  const s = state.session;
  return shape(state.phase, s && { ...s, away: s.awayEndsInSeconds !== null }, state.queue.heldForTicket, state.queue.waiting);
}

/**
 * Carries out a console request for the session it names, never for another (the resident it was
 * meant for has gone and someone else sat down); other refusals (past closing time) throw as usual.
 */
export function applyConsoleAction(ic: InternetContext, action: ConsoleAction & { sessionId: number }, staff: StaffMember | null): void {
  if (store.openSession(ic.db)?.id !== action.sessionId) {
    throw refused('session_changed', 'Phiên đó đã kết thúc, nên máy không làm yêu cầu này (nếu cần, hãy làm lại với người đang dùng máy).');
  }
  if (action.action === 'extend') extendSession(ic, staff, action.minutes, 'session');
  else if (action.action === 'end') endByStaff(ic, staff);
  else if (action.action === 'lock') lockSession(ic, staff, action.locked);
  else messageResident(ic, staff, action.text);
}
