// The countdown this process keeps in memory, and which process owns the open session: minutes used
// are counted on the monotonic clock from an anchor, so wall-clock jumps neither add nor remove time.
import { getMeta, setMeta } from '../store/meta';
import { processAlive } from '../system/process-alive';
import type { InternetContext, Running } from './context';
import { MINUTE_MS } from './policy';
import type { SessionRow } from './sessions-store';

/** The process running the open session's countdown: a second process (the CLI) must leave it alone. */
const OWNER_META = 'internet.session_owner';

function owner(ic: InternetContext): number | null {
  const raw = getMeta(ic.db, OWNER_META);
  return raw ? Number(raw) : null;
}

export function ownedHere(ic: InternetContext): boolean {
  return owner(ic) === process.pid;
}

/** Another kiosk process that is still alive runs the countdown. */
export function ownedElsewhere(ic: InternetContext): boolean {
  const pid = owner(ic);
  return pid !== null && pid !== process.pid && processAlive(pid);
}

/** Call inside the transaction that opens or resumes the session. */
export function claimOwnership(ic: InternetContext): void {
  setMeta(ic.db, OWNER_META, String(process.pid));
}

/** How long "Bạn còn dùng máy không?" stays before an unanswered session ends (inactivity.ts). */
export const ASK_MS = 60_000;

/** Seconds until the session ends for want of an answer, while the question shows; null otherwise. */
export function inactiveEndsInSeconds(ic: InternetContext, row: SessionRow): number | null {
  const r = ic.running;
  if (!r || r.sessionId !== row.id || r.askedMono === null) return null;
  return Math.max(0, Math.ceil((r.askedMono + ASK_MS - ic.clock.monotonic()) / 1000));
}

/** Seconds the session is still kept for a resident who stepped away; null while they are present. */
export function awayEndsInSeconds(ic: InternetContext, row: SessionRow): number | null {
  const r = ic.running;
  if (!r || r.sessionId !== row.id || r.awayMono === null) return null;
  return Math.max(0, Math.ceil((r.awayMono + ic.config.stepAwayMinutes * MINUTE_MS - ic.clock.monotonic()) / 1000));
}

export function usedMs(ic: InternetContext, row: SessionRow): number {
  const r = ic.running;
  if (r && r.sessionId === row.id) return r.usedAtAnchor + Math.max(0, ic.clock.monotonic() - r.anchorMono);
  return row.usedMs;
}

export function startRunning(ic: InternetContext, row: SessionRow): void {
  const mono = ic.clock.monotonic();
  const remaining = row.allowanceMs - row.usedMs;
  // Warnings already behind us (a short session, a resume) are not played again.
  const warned = new Set(ic.config.warningMinutes.filter((m) => remaining <= m * MINUTE_MS && row.usedMs > 0));
  ic.running = {
    sessionId: row.id,
    anchorMono: mono,
    usedAtAnchor: row.usedMs,
    lastCheckpointMono: mono,
    warned,
    lastInputMono: mono,
    askedMono: null,
    awayMono: null,
    staffMessage: null,
  };
}

/** The running session's memory for `row`, or none (another process runs it, or it is not running yet). */
export function runningFor(ic: InternetContext, row: SessionRow): Running | null {
  const r = ic.running;
  return r && r.sessionId === row.id ? r : null;
}

/**
 * What the resident's screen must still show when it comes (back): the last time warning given (the
 * fewest minutes), until more time is granted, and staff's unread message. Nothing while they are
 * away, since whoever stands at the screen then is not them.
 */
export function unreadForResident(ic: InternetContext, row: SessionRow): { lastWarningMinutes: number | null; staffMessage: Running['staffMessage'] } {
  const r = runningFor(ic, row);
  if (!r || r.awayMono !== null) return { lastWarningMinutes: null, staffMessage: null };
  return { lastWarningMinutes: r.warned.size ? Math.min(...r.warned) : null, staffMessage: r.staffMessage };
}

/** After an extension, the warnings now ahead of the resident will sound again. */
export function rearmWarnings(ic: InternetContext, remainingMs: number): void {
  if (!ic.running) return;
  for (const m of [...ic.running.warned]) if (remainingMs > m * MINUTE_MS) ic.running.warned.delete(m);
}
