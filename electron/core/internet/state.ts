// What the screens see of the internet PC: the phase, the resident's countdown, the queue and the
// closing, published on the bus after every change.
import { readdirSync } from 'node:fs';
import type { InternetState, ResidentSession } from '#contract/internet';
import { getMeta } from '../store/meta';
import type { InternetContext } from './context';
import { MINUTE_MS, openState } from './policy';
import { awayEndsInSeconds, inactiveEndsInSeconds, unreadForResident, usedMs } from './running';
import * as store from './sessions-store';

/** Staff closed every session until they reopen (kept in the store so it survives a restart). */
export const EMERGENCY_META = 'internet.emergency_closed';

/** Who closed this PC's internet and when; `room` when it was the whole room's close, from the hub. */
export interface EmergencyClosed {
  by: string;
  at: string;
  room?: true;
}

export function emergencyClosed(ic: InternetContext): EmergencyClosed | null {
  const raw = getMeta(ic.db, EMERGENCY_META);
  if (!raw) return null;
  return JSON.parse(raw) as EmergencyClosed;
}

/** Staff locked this session from a console (session-lock.ts); kept in the store so a restart keeps it. */
export const LOCK_META = 'internet.session_locked';

export interface SessionLock {
  sessionId: number;
  at: string;
}

/** Whether staff locked this session (a lock of an earlier session means nothing). */
export function isLocked(ic: InternetContext, row: store.SessionRow): boolean {
  const raw = getMeta(ic.db, LOCK_META);
  if (!raw) return false;
  try {
    return (JSON.parse(raw) as SessionLock).sessionId === row.id;
  } catch {
    return false;
  }
}

function downloadsOf(row: store.SessionRow): string[] {
  if (!row.downloadsDir) return [];
  try {
    return readdirSync(row.downloadsDir).sort();
  } catch {
    return [];
  }
}

function residentSession(ic: InternetContext, row: store.SessionRow): ResidentSession {
  const used = usedMs(ic, row);
  return {
    id: row.id,
    guest: row.guestPassId !== null,
    startedAt: row.startedAt,
    allowanceMinutes: Math.round(row.allowanceMs / MINUTE_MS),
    usedSeconds: Math.floor(used / 1000),
    remainingSeconds: Math.max(0, Math.ceil((row.allowanceMs - used) / 1000)),
    limitedBy: row.limitedBy,
    moreTimeRequested: row.moreTimeRequestedAt !== null,
    downloads: downloadsOf(row),
    inactiveEndsInSeconds: inactiveEndsInSeconds(ic, row),
    awayEndsInSeconds: awayEndsInSeconds(ic, row),
    locked: isLocked(ic, row),
    ...unreadForResident(ic, row),
  };
}

export function internetState(ic: InternetContext): InternetState {
  const { config } = ic;
  const open = store.openSession(ic.db);
  const emergency = emergencyClosed(ic);
  const hours = openState(config, ic.clock.now());
  const queue = store.waitingQueue(ic.db);
  const head = queue[0];
  const phase: InternetState['phase'] = !config.enabled
    ? 'disabled'
    : open
      ? open.status === 'active'
        ? 'active'
        : 'suspended'
      : emergency || !hours.open
        ? 'closed'
        : 'free';
  return {
    phase,
    closedReason: emergency ? 'emergency' : hours.open ? null : 'hours',
    nextOpen: hours.open ? null : hours.nextOpen,
    session: open && open.status === 'active' ? residentSession(ic, open) : null,
    queue: { waiting: queue.length, heldForTicket: !open && head?.calledAt ? head.ticket : null },
    warningMinutes: config.warningMinutes,
    warningSound: config.warningSound,
    queueNoticeMinutes: config.queueNoticeMinutes,
    stepAwayMinutes: config.stepAwayMinutes,
    homeLinks: config.homeLinks,
    urlPolicyMode: ic.policy.mode,
  };
}

export function publishState(ic: InternetContext): void {
  ic.kiosk.bus.emit('internet.state', internetState(ic));
}
