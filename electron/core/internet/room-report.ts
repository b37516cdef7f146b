// This PC's internet service on the room's console (issue #18, item 4): what it reports to the hub
// with each heartbeat, and carrying out what staff asked of it from any console of the room. The
// countdown stays here, on this PC's monotonic clock; the console only reads and asks.
import type { ConsoleAction, PcInternetReport } from '#contract/room';
import type { StaffMember } from '#contract/staff';
import type { InternetContext } from './context';
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
            who: row.who.slice(0, 120),
            guest: state.session.guest,
            minutesLeft: Math.floor(state.session.remainingSeconds / 60),
            awayEndsInSeconds: state.session.awayEndsInSeconds,
            moreTimeRequested: state.session.moreTimeRequested,
          }
        : null,
    heldForTicket: state.queue.heldForTicket,
    waiting: state.queue.waiting,
  };
}

/** A report without the figures that change every second: when this changes, the PC's state did. */
export function reportShape(report: PcInternetReport): string {
  const session = report.session && { ...report.session, minutesLeft: 0, awayEndsInSeconds: report.session.awayEndsInSeconds === null ? null : 0 };
  return JSON.stringify({ ...report, session });
}

/** Carries out a console request; refusals (no session, past closing time) throw as usual. */
export function applyConsoleAction(ic: InternetContext, action: ConsoleAction, staff: StaffMember | null): void {
  if (action.action === 'extend') extendSession(ic, staff, action.minutes, 'session');
  else if (action.action === 'end') endByStaff(ic, staff);
  else messageResident(ic, staff, action.text);
}
