// One step of the countdown, every second in the process that owns the session: warnings, a
// checkpoint every few seconds (what a power cut keeps), auto-extension, the end at zero and the
// end of a session nobody uses any more (inactivity.ts) or whose resident stepped away too long (step-away.ts).
import { findPatronById } from '../patrons/lookup';
import { recordEvent } from '../store/event-types';
import { limitsFor } from './config';
import { nowIso, type InternetContext } from './context';
import { endSession } from './ending';
import { checkInactivity } from './inactivity';
import { checkAway, isAway } from './step-away';
import { computeAllowance, MINUTE_MS, weekStart } from './policy';
import { ownedHere, rearmWarnings, startRunning, usedMs } from './running';
import * as store from './sessions-store';
import { isLocked, publishState } from './state';

const CHECKPOINT_EVERY_MS = 5_000;

export function tick(ic: InternetContext): void {
  const { db, config } = ic;
  const open = store.openSession(db);
  if (!open || open.status !== 'active' || !ownedHere(ic)) return;
  if (!ic.running || ic.running.sessionId !== open.id) startRunning(ic, open);
  const r = ic.running!;
  const used = usedMs(ic, open);
  let remaining = open.allowanceMs - used;
  if (remaining <= 0 && tryAutoExtend(ic, open, used)) {
    remaining = store.sessionById(db, open.id)!.allowanceMs - used;
  }
  if (remaining <= 0) {
    endSession(ic, open, open.limitedBy === 'closing' ? 'closing' : 'time_up', null);
    return;
  }
  // A locked session is asked nothing (nobody can answer); a resident away is held to the step-away limit.
  if (isAway(ic, open) ? checkAway(ic, open) : !isLocked(ic, open) && checkInactivity(ic, open)) return;
  for (const minutes of [...config.warningMinutes].sort((a, b) => b - a)) {
    if (remaining <= minutes * MINUTE_MS && !r.warned.has(minutes)) {
      r.warned.add(minutes);
      ic.kiosk.bus.emit('internet.warning', { sessionId: open.id, minutesLeft: minutes, sound: config.warningSound });
    }
  }
  const mono = ic.clock.monotonic();
  if (mono - r.lastCheckpointMono >= CHECKPOINT_EVERY_MS) {
    r.lastCheckpointMono = mono;
    store.checkpoint(db, open.id, used, nowIso(ic), ic.boot.bootId(), ic.boot.uptimeSeconds());
  }
  publishState(ic);
}

/** Extends by itself only when nobody waits and the resident's own limits and closing time allow. */
function tryAutoExtend(ic: InternetContext, row: store.SessionRow, used: number): boolean {
  const { db, config, clock } = ic;
  const minutes = config.autoExtendMinutes;
  if (minutes <= 0 || row.patronId === null || row.limitedBy === 'closing') return false;
  if (store.waitingQueue(db).length > 0) return false;
  const patron = findPatronById(db, row.patronId);
  if (!patron) return false;
  const u = store.usageOf(db, patron.id, row.day, weekStart(row.day), row.id);
  const allowance = computeAllowance(
    config,
    { ...limitsFor(config, patron.category), sessionMinutes: minutes, sessionsPerDay: Number.MAX_SAFE_INTEGER },
    {
      minutesToday: (u.msToday + used) / MINUTE_MS,
      minutesThisWeek: (u.msWeek + used) / MINUTE_MS,
      sessionsToday: 0,
      extraDayMinutes: u.extraDay,
    },
    clock.now(),
  );
  if (!allowance.ok) return false;
  const addMs = Math.floor(allowance.minutes * MINUTE_MS) + (used - row.allowanceMs);
  db.transaction(() => {
    store.addAllowance(db, row.id, addMs, true);
    recordEvent(db, clock, 'internet.extended', { sessionId: row.id, minutes: Math.round(allowance.minutes), staffId: null, scope: 'session' });
  })();
  rearmWarnings(ic, Math.floor(allowance.minutes * MINUTE_MS));
  return true;
}
