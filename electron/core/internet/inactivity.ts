// The inactivity rule of a running session (issue #21): a resident who walks away must not leave
// their signed-in Zalo or public-services account to the next person. Input is seen where it happens —
// the session bar and the browser-mode stand-in page report it through `internet.activity`, the
// Electron browsing view through main/browsing.ts — and the countdown's tick decides here, on the
// monotonic clock: after `internet.inactivityMinutes` without input the screens ask "Bạn còn dùng máy
// không?" (the state's `inactiveEndsInSeconds`), and a question left unanswered for ASK_MS ends the
// session through the one end path, which wipes it.
import type { InternetContext } from './context';
import { endSession } from './ending';
import { MINUTE_MS } from './policy';
import { ASK_MS } from './running';
import type { SessionRow } from './sessions-store';
import { publishState } from './state';

/** Input seen on the session's screen or page: the question, if shown, goes away at once. */
export function noteInput(ic: InternetContext): void {
  const r = ic.running;
  // Away, the session's screen is not shown: input elsewhere is not the holder's (step-away.ts).
  if (!r || r.awayMono !== null) return;
  r.lastInputMono = ic.clock.monotonic();
  if (r.askedMono !== null) {
    r.askedMono = null;
    publishState(ic);
  }
}

/**
 * One step of the rule, from the countdown's tick; true when it ended the session. The question is
 * always shown for ASK_MS before the end, even when the clock moved on by more than that at once.
 */
export function checkInactivity(ic: InternetContext, row: SessionRow): boolean {
  const r = ic.running;
  const minutes = ic.config.inactivityMinutes;
  if (!r || minutes <= 0) return false;
  const mono = ic.clock.monotonic();
  if (r.askedMono === null) {
    if (mono - r.lastInputMono >= minutes * MINUTE_MS) r.askedMono = mono;
    return false;
  }
  if (mono - r.askedMono < ASK_MS) return false;
  endSession(ic, row, 'inactive', null);
  return true;
}
