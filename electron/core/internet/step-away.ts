// Stepping out of a running session and back (issue #21, item 7): the resident leaves the browsing
// for the other services of the same PC (borrow a book, Thư viện số) and comes back to the same
// session. The session keeps counting, since the PC stays theirs. While they are away the
// browsing is hidden and answers nobody: anyone may walk up to the screen, so the way back
// is the sign-in, with the same card, card number, CCCD or guest code (session.ts). Nobody can
// answer "Bạn còn dùng máy không?" while away, so the step-away limit replaces it. When the limit
// passes, the session ends as 'inactive' through the one end path, which wipes it.
import { refused } from '../errors';
import type { InternetContext } from './context';
import { endSession, requireActive } from './ending';
import { closePicker } from './file-picker';
import { MINUTE_MS } from './policy';
import { awayEndsInSeconds } from './running';
import { refuseWhileLocked } from './session-lock';
import type { SessionRow } from './sessions-store';
import { publishState } from './state';

/** The resident leaves for the other services; their session is kept for `internet.stepAwayMinutes`. */
export function stepAway(ic: InternetContext): { keptMinutes: number } {
  const open = requireActive(ic);
  refuseWhileLocked(ic, open);
  const minutes = ic.config.stepAwayMinutes;
  if (minutes <= 0) throw refused('step_away_off', 'Máy này không cho tạm rời phiên Internet. Bạn có thể kết thúc phiên rồi đăng nhập lại sau.');
  const r = ic.running;
  // Only the process that runs the countdown keeps this; a second process (the CLI) has nothing to mark.
  if (!r || r.sessionId !== open.id) throw refused('no_session', 'Hiện không có phiên Internet nào đang chạy trên máy này.');
  if (r.awayMono === null) {
    r.awayMono = ic.clock.monotonic();
    r.askedMono = null;
    closePicker(ic); // its screen goes with the session's; the page is handed nothing
    publishState(ic);
  }
  return { keptMinutes: minutes };
}

export function isAway(ic: InternetContext, row: SessionRow): boolean {
  return awayEndsInSeconds(ic, row) !== null;
}

/** The holder proved who they are again (session.ts's sign-in): the browsing is theirs once more. */
export function comeBack(ic: InternetContext): void {
  const r = ic.running;
  if (!r || r.awayMono === null) return;
  r.awayMono = null;
  r.askedMono = null;
  // The inactivity rule starts afresh from their return.
  r.lastInputMono = ic.clock.monotonic();
  publishState(ic);
}

/** For what only the person at the session may do (browse, pick files): refused while they are away or staff locked it. */
export function requirePresent(ic: InternetContext): SessionRow {
  const open = requireActive(ic);
  refuseWhileLocked(ic, open);
  if (isAway(ic, open)) throw refused('session_away', 'Người dùng phiên này đang tạm rời. Vui lòng quét thẻ hoặc nhập số thẻ để quay lại phiên của mình.');
  return open;
}

/** One step of the limit, from the countdown's tick; true when it ended the session. */
export function checkAway(ic: InternetContext, row: SessionRow): boolean {
  const r = ic.running;
  if (!r || r.sessionId !== row.id || r.awayMono === null) return false;
  if (ic.clock.monotonic() - r.awayMono < ic.config.stepAwayMinutes * MINUTE_MS) return false;
  endSession(ic, row, 'inactive', null);
  return true;
}
