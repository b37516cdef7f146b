// A resident's session: sign-in (card, CCCD or guest code) with every rule that can refuse, resume
// after a kiosk restart, asking for more time, and what start-up does with a session left open.
import { notFound, refused } from '../errors';
import { assertCardUsable, findPatronByCard, patronDimensions, type Patron } from '../patrons/lookup';
import { recordEvent } from '../store/event-types';
import { judgeRestart } from './boot';
import { recordEndEvidence } from './end-evidence';
import { CCCD_UNKNOWN } from './cccd';
import { limitsFor } from './config';
import { nowIso, today, type InternetContext } from './context';
import { finishSession } from './ending';
import { guestCodeCandidates } from './guest-code';
import { computeAllowance, MINUTE_MS, weekStart } from './policy';
import { assertQueueTurn, patronByCard } from './queue';
import { claimOwnership, ownedElsewhere, ownedHere, startRunning } from './running';
import * as store from './sessions-store';
import { emergencyClosed, publishState } from './state';
import { refuseInMaintenance } from '../system/maintenance';
import { refuseWhileLocked } from './session-lock';
import { comeBack, isAway, requirePresent } from './step-away';
import { createDownloadsDir, deleteDownloadsDir, sweepDownloads, wipePlan } from './wipe';

const GUEST_USED = 'Mã khách này đã được dùng. Mỗi mã chỉ dùng được một lần; hãy xin cán bộ thư viện mã mới.';

/** Called once when the kiosk starts: a session of this boot waits to resume; one of an earlier boot ended then. */
export function recoverSession(ic: InternetContext): void {
  const open = store.openSession(ic.db);
  if (open && !ownedHere(ic) && ownedElsewhere(ic)) return; // another kiosk process is running it
  if (open) {
    // The wall clock (a new day, a changed clock) proves nothing: boot id and uptime decide.
    const { resume, evidence } = judgeRestart({ bootId: open.bootId, uptimeSeconds: open.uptimeS, checkpointAt: open.checkpointAt }, ic.boot, ic.clock.now());
    if (!resume) {
      // Power cut or reboot, or nothing proves otherwise: the session ended at its last checkpoint.
      finishSession(ic, open, open.usedMs, 'power_cut', open.checkpointAt, null);
      recordEndEvidence(ic.db, open.id, evidence);
      ic.kiosk.log.log('info', 'internet.session_power_cut', { sessionId: open.id, ...evidence });
    } else if (open.status === 'active') {
      store.setStatus(ic.db, open.id, 'suspended');
    }
  }
  const still = store.openSession(ic.db);
  sweepDownloads(ic.kiosk.dataDir, still?.downloadsDir ?? null);
}

export interface SignIn {
  kind: 'card' | 'guest' | 'cccd';
  text: string;
  manual: boolean;
  /** How a CCCD finds its patron; absent where this PC cannot read CCCDs. */
  resolveCccd?: ((text: string) => Patron | undefined) | undefined;
}

/** Who is signing in: a patron (card or CCCD) or a guest pass; refusals name what to do next. */
function whoSignsIn(ic: InternetContext, { kind, text, resolveCccd }: SignIn): { patron?: Patron; pass?: store.GuestPassRow } {
  if (kind === 'guest') {
    const pass = guestPassFor(ic, text);
    if (!pass) throw notFound('guest_unknown', 'Không tìm thấy mã khách này. Hãy kiểm tra lại mã trên phiếu hoặc hỏi cán bộ thư viện.');
    return { pass };
  }
  let patron: Patron | undefined;
  if (kind === 'cccd') {
    if (!resolveCccd) throw refused('cccd_unavailable', 'Máy này chưa đọc được căn cước công dân để vào Internet. Hãy quét thẻ thư viện hoặc nhập số thẻ.');
    patron = resolveCccd(text);
    if (!patron) throw notFound('cccd_unknown', CCCD_UNKNOWN);
  } else {
    // A guest code typed without "KHACH-" looks like a card number: a card wins, then the code.
    const pass = findPatronByCard(ic.db, text) ? undefined : guestPassFor(ic, text);
    if (pass) return { pass };
    patron = patronByCard(ic, text);
  }
  assertCardUsable(patron, today(ic));
  return { patron };
}

/** The one guest pass a typed code stands for (prefix, case and misread characters forgiven). */
function guestPassFor(ic: InternetContext, text: string): store.GuestPassRow | undefined {
  const found = guestCodeCandidates(text).flatMap((code) => store.guestPassByCode(ic.db, code) ?? []);
  return found.length === 1 ? found[0] : undefined;
}

export function signIn(ic: InternetContext, request: SignIn): { resumed: boolean; row: store.SessionRow } {
  const { db, clock, config } = ic;
  if (!config.enabled) throw refused('internet_disabled', 'Máy này không cung cấp dịch vụ Internet. Vui lòng hỏi cán bộ thư viện.');
  refuseInMaintenance(db);
  if (emergencyClosed(ic))
    throw refused('internet_closed', 'Dịch vụ Internet đang tạm dừng theo yêu cầu của cán bộ thư viện. Vui lòng hỏi cán bộ khi nào mở lại.');
  const { patron, pass } = whoSignsIn(ic, request);

  const open = store.openSession(db);
  const sameResident = (row: store.SessionRow) => (patron ? row.patronId === patron.id : row.guestPassId === pass!.id);
  if (open?.status === 'active') {
    if (sameResident(open)) {
      // Their card does not lift staff's lock (session-lock.ts).
      refuseWhileLocked(ic, open);
      // Back from the other services: proving who they are is what gives the browsing back.
      if (isAway(ic, open)) {
        comeBack(ic);
        return { resumed: true, row: open };
      }
      return { resumed: false, row: open };
    }
    throw refused('pc_busy', 'Máy đang có người dùng. Bạn có thể xếp hàng để được báo khi đến lượt.');
  }
  if (open?.status === 'suspended') {
    if (sameResident(open)) {
      refuseWhileLocked(ic, open);
      return { resumed: true, row: resume(ic, open) };
    }
    // The next resident clears the one left by a crash: it ended at its last checkpoint.
    finishSession(ic, open, open.usedMs, 'crash', open.checkpointAt, null);
  }

  if (pass) {
    if (pass.usedAt) throw refused('guest_used', GUEST_USED);
    if (pass.validDay !== today(ic))
      throw refused('guest_expired', 'Mã khách này chỉ có giá trị trong ngày được cấp và đã hết hạn. Hãy xin cán bộ thư viện mã mới.');
  }
  assertQueueTurn(ic, patron);

  const now = clock.now();
  const day = today(ic);
  let allowance;
  if (patron) {
    const u = store.usageOf(db, patron.id, day, weekStart(day));
    allowance = computeAllowance(
      config,
      limitsFor(config, patron.category),
      {
        minutesToday: u.msToday / MINUTE_MS,
        minutesThisWeek: u.msWeek / MINUTE_MS,
        sessionsToday: u.sessionsToday,
        extraDayMinutes: u.extraDay,
      },
      now,
    );
  } else {
    allowance = computeAllowance(config, { guestMinutes: pass!.minutes }, { minutesToday: 0, minutesThisWeek: 0, sessionsToday: 0, extraDayMinutes: 0 }, now);
  }
  if (!allowance.ok) throw refused(allowance.reason, allowance.message, allowance.params);

  const dims = patron ? patronDimensions(patron, now) : { category: 'guest', gender: 'unknown', ageBand: 'unknown' };
  const downloadsDir = createDownloadsDir(ic.kiosk.dataDir);
  const at = nowIso(ic);
  const { kind, manual } = request;
  const method = kind === 'guest' ? 'guest' : kind === 'cccd' ? 'cccd' : manual ? 'manual' : 'card';
  let id = 0;
  try {
    db.transaction(() => {
      if (pass && !store.markGuestPassUsed(db, pass.id, at)) throw refused('guest_used', GUEST_USED);
      id = store.insertSession(db, {
        patronId: patron?.id ?? null,
        guestPassId: pass?.id ?? null,
        signInMethod: method,
        ...dims,
        day,
        startedAt: at,
        allowanceMs: Math.floor(allowance.minutes * MINUTE_MS),
        limitedBy: allowance.limitedBy,
        usedMs: 0,
        checkpointAt: at,
        bootId: ic.boot.bootId(),
        uptimeS: ic.boot.uptimeSeconds(),
        downloadsDir,
      });
      if (patron) {
        const mine = store.waitingQueue(db).find((q) => q.patronId === patron.id);
        if (mine) store.setQueueStatus(db, mine.id, 'served');
        recordEvent(db, clock, 'patron.signed_in', { patronId: patron.id, service: 'internet', method: method === 'guest' ? 'manual' : method, ...dims });
      }
      claimOwnership(ic);
      recordEvent(db, clock, 'internet.session_started', {
        sessionId: id,
        patronId: patron?.id ?? null,
        guest: !patron,
        allowanceMinutes: Math.round(allowance.minutes * 10) / 10,
        ...dims,
      });
    })();
  } catch (error) {
    deleteDownloadsDir(ic.kiosk.dataDir, downloadsDir);
    throw error;
  }
  const row = store.sessionById(db, id)!;
  startRunning(ic, row);
  ic.surface?.sessionStarted(wipePlan(id, downloadsDir));
  publishState(ic);
  return { resumed: false, row };
}

/** The same resident comes back after a kiosk restart: the countdown continues from the checkpoint. */
function resume(ic: InternetContext, row: store.SessionRow): store.SessionRow {
  const { db } = ic;
  db.transaction(() => {
    claimOwnership(ic);
    store.setStatus(db, row.id, 'active');
    store.checkpoint(db, row.id, row.usedMs, nowIso(ic), ic.boot.bootId(), ic.boot.uptimeSeconds());
  })();
  const fresh = store.sessionById(db, row.id)!;
  startRunning(ic, fresh);
  ic.surface?.sessionStarted(wipePlan(row.id, row.downloadsDir));
  publishState(ic);
  return fresh;
}

export function requestMoreTime(ic: InternetContext): void {
  const open = requirePresent(ic);
  ic.db.transaction(() => store.setMoreTimeRequested(ic.db, open.id, nowIso(ic)))();
  publishState(ic);
}
