// The internet session of this PC: sign-in, the monotonic countdown, warnings, extensions, ending
// with a wipe, crash-resume, the queue and staff control. One instance per kiosk core.
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BrowseRequest, BrowserTabs, EndReason, InternetState, ResidentSession, StaffSessionRow } from '../../contract/internet';
import type { StaffMember } from '../../contract/staff';
import type { Clock } from '../clock';
import type { KioskContext } from '../context';
import { notFound, refused } from '../errors';
import { assertCardUsable, assertNotStaffCard, findPatronByCard, findPatronById, patronDimensions, type Patron } from '../patrons/lookup';
import { recordEvent } from '../store/event-types';
import { getMeta, setMeta } from '../store/meta';
import { sameBoot, type BootProbe } from './boot';
import { limitsFor, type InternetConfig } from './config';
import { CCCD_UNKNOWN } from './cccd';
import { guestCodeCandidates, newGuestCode } from './guest-code';
import { computeAllowance, localTime, MINUTE_MS, openState, weekStart } from './policy';
import * as store from './sessions-store';
import { addressToUrl, decideUrl, type UrlDecision, type UrlPolicy } from './url-policy';
import { createDownloadsDir, deleteDownloadsDir, safeDownloadName, sweepDownloads, wipePlan, type WipePlan } from './wipe';
import { processAlive } from '../system/process-alive';

/** What a guest held back by the queue can do: they have no card to take a ticket with. */
const GUEST_WAITS = 'Mã khách dùng được khi không còn ai chờ; mời bạn chờ một lát hoặc hỏi cán bộ thư viện.';

/** The Electron browsing surface registers itself here; browser mode has none. */
export interface BrowsingSurface {
  sessionStarted(plan: WipePlan): void;
  wipe(plan: WipePlan): Promise<void>;
  /** Runs a command the core has already allowed (a navigation has passed the URL policy). */
  command(request: BrowseRequest & { url?: string }): void;
}

export interface InternetServiceOptions {
  config: InternetConfig;
  /** The clock of the countdown (a scaled one in demo tests). */
  clock: Clock;
  boot: BootProbe;
  policy: UrlPolicy;
}

const EMERGENCY_META = 'internet.emergency_closed';
/** The process running the open session's countdown: a second process (the CLI) must leave it alone. */
const OWNER_META = 'internet.session_owner';

const CHECKPOINT_EVERY_MS = 5_000;

interface Running {
  sessionId: number;
  anchorMono: number;
  usedAtAnchor: number;
  lastCheckpointMono: number;
  warned: Set<number>;
}

export class InternetService {
  private running: Running | undefined;
  private surface: BrowsingSurface | undefined;
  private readonly config: InternetConfig;
  private readonly clock: Clock;

  constructor(
    private readonly ctx: KioskContext,
    private readonly options: InternetServiceOptions,
  ) {
    this.config = options.config;
    this.clock = options.clock;
  }

  get urlPolicy(): UrlPolicy {
    return this.options.policy;
  }

  private get db() {
    return this.ctx.db;
  }

  private iso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  private today(): string {
    return localTime(this.clock.now()).day;
  }

  // ---- start-up: what happened to the session open when the program stopped -------------------

  /** Called once when the kiosk starts: a session of this boot waits to resume; one of an earlier boot ended then. */
  recover(): void {
    const open = store.openSession(this.db);
    if (open && !this.ownedHere() && this.ownerAlive()) return; // another kiosk process is running it
    if (open) {
      const rebooted = !sameBoot({ bootId: open.bootId, uptimeSeconds: open.uptimeS }, this.options.boot);
      const staleDay = open.day !== this.today();
      if (rebooted || staleDay) {
        // Power cut or reboot: the session ended at its last checkpoint, not now.
        this.finish(open, open.usedMs, 'crash', open.checkpointAt, null);
      } else if (open.status === 'active') {
        store.setStatus(this.db, open.id, 'suspended');
      }
    }
    const still = store.openSession(this.db);
    sweepDownloads(this.ctx.dataDir, still?.downloadsDir ?? null);
  }

  private owner(): number | null {
    const raw = getMeta(this.db, OWNER_META);
    return raw ? Number(raw) : null;
  }

  private ownedHere(): boolean {
    return this.owner() === process.pid;
  }

  private ownerAlive(): boolean {
    const pid = this.owner();
    return pid !== null && pid !== process.pid && processAlive(pid);
  }

  attachSurface(surface: BrowsingSurface): void {
    this.surface = surface;
  }

  // ---- the resident ---------------------------------------------------------------------------

  private emergency(): { by: string; at: string } | null {
    const raw = getMeta(this.db, EMERGENCY_META);
    if (!raw) return null;
    return JSON.parse(raw) as { by: string; at: string };
  }

  private usedMs(row: store.SessionRow): number {
    const r = this.running;
    if (r && r.sessionId === row.id) return r.usedAtAnchor + Math.max(0, this.clock.monotonic() - r.anchorMono);
    return row.usedMs;
  }

  private residentSession(row: store.SessionRow): ResidentSession {
    const used = this.usedMs(row);
    return {
      id: row.id,
      guest: row.guestPassId !== null,
      startedAt: row.startedAt,
      allowanceMinutes: Math.round(row.allowanceMs / MINUTE_MS),
      usedSeconds: Math.floor(used / 1000),
      remainingSeconds: Math.max(0, Math.ceil((row.allowanceMs - used) / 1000)),
      limitedBy: row.limitedBy,
      moreTimeRequested: row.moreTimeRequestedAt !== null,
      downloads: this.downloadsOf(row),
    };
  }

  private downloadsOf(row: store.SessionRow): string[] {
    if (!row.downloadsDir) return [];
    try {
      return readdirSync(row.downloadsDir).sort();
    } catch {
      return [];
    }
  }

  state(): InternetState {
    const open = store.openSession(this.db);
    const emergency = this.emergency();
    const hours = openState(this.config, this.clock.now());
    const queue = store.waitingQueue(this.db);
    const head = queue[0];
    const phase: InternetState['phase'] = !this.config.enabled
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
      session: open && open.status === 'active' ? this.residentSession(open) : null,
      queue: { waiting: queue.length, heldForTicket: !open && head?.calledAt ? head.ticket : null },
      warningMinutes: this.config.warningMinutes,
      warningSound: this.config.warningSound,
      queueNoticeMinutes: this.config.queueNoticeMinutes,
      homeLinks: this.config.homeLinks,
      urlPolicyMode: this.options.policy.mode,
    };
  }

  private publish(): void {
    this.ctx.bus.emit('internet.state', this.state());
  }

  signIn(kind: 'card' | 'guest' | 'cccd', text: string, manual: boolean, resolveCccd?: (text: string) => Patron | undefined): { resumed: boolean; row: store.SessionRow } {
    if (!this.config.enabled) throw refused('internet_disabled', 'Máy này không cung cấp dịch vụ Internet. Vui lòng hỏi cán bộ thư viện.');
    const emergency = this.emergency();
    if (emergency) throw refused('internet_closed', 'Dịch vụ Internet đang tạm dừng theo yêu cầu của cán bộ thư viện. Vui lòng hỏi cán bộ khi nào mở lại.');

    let patron: Patron | undefined;
    let pass: store.GuestPassRow | undefined;
    if (kind === 'guest') {
      pass = this.guestPassFor(text);
      if (!pass) throw notFound('guest_unknown', 'Không tìm thấy mã khách này. Hãy kiểm tra lại mã trên phiếu hoặc hỏi cán bộ thư viện.');
    } else if (kind === 'cccd') {
      if (!resolveCccd) throw refused('cccd_unavailable', 'Máy này chưa đọc được căn cước công dân để vào Internet. Hãy quét thẻ thư viện hoặc nhập số thẻ.');
      patron = resolveCccd(text);
      if (!patron) throw notFound('cccd_unknown', CCCD_UNKNOWN);
    } else {
      // A guest code typed without "KHACH-" looks like a card number: a card wins, then the code.
      pass = findPatronByCard(this.db, text) ? undefined : this.guestPassFor(text);
      if (!pass) patron = this.patronByCard(text);
    }
    if (patron) assertCardUsable(patron, this.today());

    const open = store.openSession(this.db);
    const sameResident = (row: store.SessionRow) => (patron ? row.patronId === patron.id : row.guestPassId === pass!.id);
    if (open?.status === 'active') {
      if (sameResident(open)) return { resumed: false, row: open };
      throw refused('pc_busy', 'Máy đang có người dùng. Bạn có thể xếp hàng để được báo khi đến lượt.');
    }
    if (open?.status === 'suspended') {
      if (sameResident(open)) return { resumed: true, row: this.resume(open) };
      // The next resident clears the one left by a crash: it ended at its last checkpoint.
      this.finish(open, open.usedMs, 'crash', open.checkpointAt, null);
    }

    if (pass) {
      if (pass.usedAt) throw refused('guest_used', 'Mã khách này đã được dùng. Mỗi mã chỉ dùng được một lần; hãy xin cán bộ thư viện mã mới.');
      if (pass.validDay !== this.today()) throw refused('guest_expired', 'Mã khách này chỉ có giá trị trong ngày được cấp và đã hết hạn. Hãy xin cán bộ thư viện mã mới.');
    }
    // Guests wait their turn too: the PC held for the head of the queue is not theirs either.
    this.checkQueueTurn(patron?.id ?? null);

    const now = this.clock.now();
    const day = this.today();
    let allowance;
    if (patron) {
      const u = store.usageOf(this.db, patron.id, day, weekStart(day));
      allowance = computeAllowance(this.config, limitsFor(this.config, patron.category), {
        minutesToday: u.msToday / MINUTE_MS,
        minutesThisWeek: u.msWeek / MINUTE_MS,
        sessionsToday: u.sessionsToday,
        extraDayMinutes: u.extraDay,
      }, now);
    } else {
      allowance = computeAllowance(this.config, { guestMinutes: pass!.minutes }, { minutesToday: 0, minutesThisWeek: 0, sessionsToday: 0, extraDayMinutes: 0 }, now);
    }
    if (!allowance.ok) throw refused(allowance.reason, allowance.message, allowance.params);

    const dims = patron ? patronDimensions(patron, now) : { category: 'guest', gender: 'unknown', ageBand: 'unknown' };
    const downloadsDir = createDownloadsDir(this.ctx.dataDir);
    const at = this.iso();
    const method = kind === 'guest' ? 'guest' : kind === 'cccd' ? 'cccd' : manual ? 'manual' : 'card';
    let id = 0;
    try {
      this.db.transaction(() => {
        if (pass && !store.markGuestPassUsed(this.db, pass.id, at)) throw refused('guest_used', 'Mã khách này đã được dùng. Mỗi mã chỉ dùng được một lần; hãy xin cán bộ thư viện mã mới.');
        id = store.insertSession(this.db, {
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
          bootId: this.options.boot.bootId(),
          uptimeS: this.options.boot.uptimeSeconds(),
          downloadsDir,
        });
        if (patron) {
          const mine = store.waitingQueue(this.db).find((q) => q.patronId === patron.id);
          if (mine) store.setQueueStatus(this.db, mine.id, 'served');
          recordEvent(this.db, this.clock, 'patron.signed_in', { patronId: patron.id, service: 'internet', method: method === 'guest' ? 'manual' : method, ...dims });
        }
        setMeta(this.db, OWNER_META, String(process.pid));
        recordEvent(this.db, this.clock, 'internet.session_started', { sessionId: id, patronId: patron?.id ?? null, guest: !patron, allowanceMinutes: Math.round(allowance.minutes * 10) / 10, ...dims });
      })();
    } catch (error) {
      deleteDownloadsDir(this.ctx.dataDir, downloadsDir);
      throw error;
    }
    const row = store.sessionById(this.db, id)!;
    this.startRunning(row);
    this.surface?.sessionStarted(wipePlan(id, downloadsDir));
    this.publish();
    return { resumed: false, row };
  }

  /** The first person waiting has the PC for `queueHoldMinutes` once it is free; then the turn passes. */
  private checkQueueTurn(patronId: number | null): void {
    const holdMs = this.config.queueHoldMinutes * MINUTE_MS;
    for (;;) {
      const head = store.waitingQueue(this.db)[0];
      if (!head || head.patronId === patronId) return;
      if (!head.calledAt) {
        store.callQueueEntry(this.db, head.id, this.iso());
      } else if (this.clock.now() - Date.parse(head.calledAt) > holdMs) {
        store.setQueueStatus(this.db, head.id, 'missed');
        continue;
      }
      if (patronId === null) throw refused('queue_reserved_guest', `Máy đang được giữ cho người xếp hàng số ${head.ticket}. ${GUEST_WAITS}`, { ticket: head.ticket });
      throw refused('queue_reserved', `Máy đang được giữ cho người xếp hàng số ${head.ticket}. Bạn hãy xếp hàng để được dùng máy sau.`, { ticket: head.ticket });
    }
  }

  private startRunning(row: store.SessionRow): void {
    const mono = this.clock.monotonic();
    const remaining = row.allowanceMs - row.usedMs;
    // Warnings already behind us (a short session, a resume) are not played again.
    const warned = new Set(this.config.warningMinutes.filter((m) => remaining <= m * MINUTE_MS && row.usedMs > 0));
    this.running = { sessionId: row.id, anchorMono: mono, usedAtAnchor: row.usedMs, lastCheckpointMono: mono, warned };
  }

  private resume(row: store.SessionRow): store.SessionRow {
    this.db.transaction(() => {
      setMeta(this.db, OWNER_META, String(process.pid));
      store.setStatus(this.db, row.id, 'active');
      store.checkpoint(this.db, row.id, row.usedMs, this.iso(), this.options.boot.bootId(), this.options.boot.uptimeSeconds());
    })();
    const fresh = store.sessionById(this.db, row.id)!;
    this.startRunning(fresh);
    this.surface?.sessionStarted(wipePlan(row.id, row.downloadsDir));
    this.publish();
    return fresh;
  }

  private requireActive(): store.SessionRow {
    const open = store.openSession(this.db);
    if (!open || open.status !== 'active') throw refused('no_session', 'Hiện không có phiên Internet nào đang chạy.');
    return open;
  }

  endByResident(): void {
    this.end(this.requireActive(), 'resident', null);
  }

  requestMoreTime(): void {
    const open = this.requireActive();
    this.db.transaction(() => store.setMoreTimeRequested(this.db, open.id, this.iso()))();
    this.publish();
  }

  // ---- the countdown --------------------------------------------------------------------------

  /** One step of the countdown: warnings, checkpoint, auto-extension and the end at zero. */
  tick(): void {
    const open = store.openSession(this.db);
    if (!open || open.status !== 'active' || !this.ownedHere()) return;
    if (!this.running || this.running.sessionId !== open.id) this.startRunning(open);
    const r = this.running!;
    const used = this.usedMs(open);
    let remaining = open.allowanceMs - used;
    if (remaining <= 0 && this.tryAutoExtend(open, used)) {
      remaining = store.sessionById(this.db, open.id)!.allowanceMs - used;
    }
    if (remaining <= 0) {
      this.end(open, open.limitedBy === 'closing' ? 'closing' : 'time_up', null);
      return;
    }
    for (const minutes of [...this.config.warningMinutes].sort((a, b) => b - a)) {
      if (remaining <= minutes * MINUTE_MS && !r.warned.has(minutes)) {
        r.warned.add(minutes);
        this.ctx.bus.emit('internet.warning', { sessionId: open.id, minutesLeft: minutes, sound: this.config.warningSound });
      }
    }
    const mono = this.clock.monotonic();
    if (mono - r.lastCheckpointMono >= CHECKPOINT_EVERY_MS) {
      r.lastCheckpointMono = mono;
      store.checkpoint(this.db, open.id, used, this.iso(), this.options.boot.bootId(), this.options.boot.uptimeSeconds());
    }
    this.publish();
  }

  /** Extends by itself only when nobody waits and the resident's own limits and closing time allow. */
  private tryAutoExtend(row: store.SessionRow, used: number): boolean {
    const minutes = this.config.autoExtendMinutes;
    if (minutes <= 0 || row.patronId === null || row.limitedBy === 'closing') return false;
    if (store.waitingQueue(this.db).length > 0) return false;
    const patron = findPatronById(this.db, row.patronId);
    if (!patron) return false;
    const u = store.usageOf(this.db, patron.id, row.day, weekStart(row.day), row.id);
    const allowance = computeAllowance(this.config, { ...limitsFor(this.config, patron.category), sessionMinutes: minutes, sessionsPerDay: Number.MAX_SAFE_INTEGER }, {
      minutesToday: (u.msToday + used) / MINUTE_MS,
      minutesThisWeek: (u.msWeek + used) / MINUTE_MS,
      sessionsToday: 0,
      extraDayMinutes: u.extraDay,
    }, this.clock.now());
    if (!allowance.ok) return false;
    const addMs = Math.floor(allowance.minutes * MINUTE_MS) + (used - row.allowanceMs);
    this.db.transaction(() => {
      store.addAllowance(this.db, row.id, addMs, true);
      recordEvent(this.db, this.clock, 'internet.extended', { sessionId: row.id, minutes: Math.round(allowance.minutes), staffId: null, scope: 'session' });
    })();
    this.rearmWarnings(Math.floor(allowance.minutes * MINUTE_MS));
    return true;
  }

  private rearmWarnings(remainingMs: number): void {
    if (!this.running) return;
    for (const m of [...this.running.warned]) if (remainingMs > m * MINUTE_MS) this.running.warned.delete(m);
  }

  // ---- ending ---------------------------------------------------------------------------------

  private end(row: store.SessionRow, reason: EndReason, staff: StaffMember | null): void {
    this.finish(row, this.usedMs(row), reason, this.iso(), staff);
  }

  /** Records the end, clears every trace (downloads now, the browser through the surface), calls the queue. */
  private finish(row: store.SessionRow, usedMs: number, reason: EndReason, endedAt: string, staff: StaffMember | null): void {
    const used = Math.min(usedMs, row.allowanceMs);
    this.db.transaction(() => {
      store.markEnded(this.db, row.id, used, endedAt, reason);
      const fresh = store.sessionById(this.db, row.id)!;
      recordEvent(this.db, this.clock, 'internet.session_ended', {
        sessionId: row.id,
        patronId: row.patronId,
        guest: row.guestPassId !== null,
        minutesUsed: Math.round((used / MINUTE_MS) * 10) / 10,
        reason,
        pagesPrinted: fresh.pagesPrinted,
        category: row.category,
        gender: row.gender,
        ageBand: row.ageBand,
      });
      if (staff) recordEvent(this.db, this.clock, 'staff.action', { staffId: staff.id, action: reason === 'emergency' ? 'internet.emergency_close' : 'internet.end_session', target: `internet_session:${row.id}` });
      const head = store.waitingQueue(this.db)[0];
      if (head) store.callQueueEntry(this.db, head.id, this.iso());
    })();
    if (this.running?.sessionId === row.id) this.running = undefined;
    const plan = wipePlan(row.id, row.downloadsDir);
    deleteDownloadsDir(this.ctx.dataDir, row.downloadsDir);
    void this.surface?.wipe(plan).catch((error: unknown) => this.ctx.log.log('error', 'internet.wipe_failed', { sessionId: row.id, error: String(error).slice(0, 300) }));
    this.ctx.bus.emit('internet.ended', { sessionId: row.id, reason, wipe: [...plan.steps] });
    this.publish();
  }

  // ---- staff ----------------------------------------------------------------------------------

  extend(staff: StaffMember, minutes: number, scope: 'session' | 'day'): { allowanceMinutes: number; addedMinutes: number } {
    const open = store.openSession(this.db);
    if (!open) throw refused('no_session', 'Hiện không có phiên Internet nào để gia hạn.');
    if (scope === 'day' && open.patronId === null) throw refused('guest_no_day', 'Phiên của khách không có hạn mức theo ngày; hãy gia hạn cho phiên này.');
    const hours = openState(this.config, this.clock.now());
    const remaining = open.allowanceMs - this.usedMs(open);
    const untilClose = hours.open ? hours.minutesUntilClose * MINUTE_MS : 0;
    const addMs = Math.min(minutes * MINUTE_MS, untilClose - remaining);
    if (addMs < MINUTE_MS) {
      throw refused('closing_cap', 'Không thể gia hạn vì phiên đã chạy đến giờ đóng cửa của phòng đọc.', { closesAt: hours.open ? hours.closesAt : '' });
    }
    this.db.transaction(() => {
      store.addAllowance(this.db, open.id, addMs, false);
      if (scope === 'day') store.addDayExtra(this.db, open.patronId!, open.day, minutes);
      recordEvent(this.db, this.clock, 'internet.extended', { sessionId: open.id, minutes: Math.round(addMs / MINUTE_MS), staffId: staff.id, scope });
      recordEvent(this.db, this.clock, 'staff.action', { staffId: staff.id, action: `internet.extend_${scope}`, target: `internet_session:${open.id}` });
    })();
    this.rearmWarnings(remaining + addMs);
    this.publish();
    const fresh = store.sessionById(this.db, open.id)!;
    return { allowanceMinutes: Math.round(fresh.allowanceMs / MINUTE_MS), addedMinutes: Math.round(addMs / MINUTE_MS) };
  }

  /** A technician's `kiosk session end`: ends the open session, running or waiting to resume. */
  endByTechnician(): void {
    const open = store.openSession(this.db);
    if (!open) throw refused('no_session', 'Hiện không có phiên Internet nào để kết thúc.');
    this.end(open, 'staff', null);
  }

  endByStaff(staff: StaffMember): void {
    const open = store.openSession(this.db);
    if (!open) throw refused('no_session', 'Hiện không có phiên Internet nào để kết thúc.');
    this.end(open, 'staff', staff);
  }

  message(staff: StaffMember, text: string): void {
    const open = this.requireActive();
    // The text itself is not stored: it is for the resident's screen only.
    this.db.transaction(() => recordEvent(this.db, this.clock, 'staff.action', { staffId: staff.id, action: 'internet.message', target: `internet_session:${open.id}` }))();
    this.ctx.bus.emit('internet.message', { sessionId: open.id, text, at: this.iso() });
  }

  emergencyClose(staff: StaffMember): void {
    this.db.transaction(() => {
      setMeta(this.db, EMERGENCY_META, JSON.stringify({ by: staff.displayName, at: this.iso() }));
      recordEvent(this.db, this.clock, 'staff.action', { staffId: staff.id, action: 'internet.close_all', target: null });
    })();
    const open = store.openSession(this.db);
    if (open) this.end(open, 'emergency', staff);
    else this.publish();
  }

  reopen(staff: StaffMember): void {
    this.db.transaction(() => {
      setMeta(this.db, EMERGENCY_META, '');
      recordEvent(this.db, this.clock, 'staff.action', { staffId: staff.id, action: 'internet.reopen', target: null });
    })();
    this.publish();
  }

  createGuestPasses(staff: StaffMember | null, minutes: number, count: number): store.GuestPassRow[] {
    const max = this.config.guestPass.maxMinutes;
    if (minutes > max) throw refused('guest_too_long', `Mã khách dùng tối đa ${max} phút theo cấu hình của phòng đọc. Hãy chọn số phút nhỏ hơn.`, { max });
    const day = this.today();
    const at = this.iso();
    const codes: string[] = [];
    this.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        let code = newGuestCode();
        while (store.guestPassByCode(this.db, code)) code = newGuestCode();
        store.insertGuestPass(this.db, code, minutes, day, at, staff?.id ?? null);
        codes.push(code);
      }
      if (staff) recordEvent(this.db, this.clock, 'staff.action', { staffId: staff.id, action: 'internet.guest_passes', target: `count:${count}` });
    })();
    return codes.map((code) => store.guestPassByCode(this.db, code)!);
  }

  guestPassesToday(): store.GuestPassRow[] {
    return store.guestPassesOn(this.db, this.today());
  }

  overview(): { current: StaffSessionRow | null; recent: StaffSessionRow[]; queue: { ticket: number; who: string; joinedAt: string }[]; emergencyClosed: { by: string; at: string } | null; todayMinutes: number; todaySessions: number } {
    const open = store.openSession(this.db);
    const recent = store.recentSessions(this.db, 15).filter((r) => r.status === 'ended');
    const totals = store.dayTotals(this.db, this.today());
    const openUsed = open ? this.usedMs(open) - open.usedMs : 0;
    return {
      current: open ? this.staffRow(open) : null,
      recent: recent.map((r) => this.staffRow(r)),
      queue: store.waitingQueue(this.db).map((q) => ({ ticket: q.ticket, who: findPatronById(this.db, q.patronId)?.fullName ?? '', joinedAt: q.joinedAt })),
      emergencyClosed: this.emergency(),
      todayMinutes: Math.round((totals.ms + openUsed) / MINUTE_MS),
      todaySessions: totals.sessions,
    };
  }

  private staffRow(row: store.SessionRow): StaffSessionRow {
    const patron = row.patronId !== null ? findPatronById(this.db, row.patronId) : undefined;
    const pass = row.guestPassId !== null ? store.guestPassById(this.db, row.guestPassId) : undefined;
    const used = this.usedMs(row);
    return {
      id: row.id,
      who: patron?.fullName ?? pass?.code ?? '',
      card: patron?.cardNumber ?? null,
      category: row.category,
      status: row.status,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      endReason: row.endReason,
      minutesUsed: Math.round((used / MINUTE_MS) * 10) / 10,
      minutesLeft: row.status === 'ended' ? null : Math.max(0, Math.round(((row.allowanceMs - used) / MINUTE_MS) * 10) / 10),
      allowanceMinutes: Math.round(row.allowanceMs / MINUTE_MS),
      moreTimeRequested: row.moreTimeRequestedAt !== null,
    };
  }

  /** The one guest pass a typed code stands for (prefix, case and misread characters forgiven). */
  private guestPassFor(text: string): store.GuestPassRow | undefined {
    const found = guestCodeCandidates(text).flatMap((code) => store.guestPassByCode(this.db, code) ?? []);
    return found.length === 1 ? found[0] : undefined;
  }

  /** The patron behind a typed or scanned card number, or the refusal a resident can act on. */
  private patronByCard(card: string): Patron {
    const patron = findPatronByCard(this.db, card);
    if (patron) return patron;
    assertNotStaffCard(this.db, card);
    throw notFound('card_unknown', 'Không tìm thấy thẻ thư viện này. Hãy quét lại thẻ hoặc hỏi cán bộ thư viện.');
  }

  // ---- the queue ------------------------------------------------------------------------------

  joinQueue(card: string): { ticket: number; position: number; estimatedWaitMinutes: number } {
    const patron = this.patronByCard(card);
    assertCardUsable(patron, this.today());
    const open = store.openSession(this.db);
    if (open?.patronId === patron.id) throw refused('already_using', 'Bạn đang dùng máy này rồi.');
    let queue = store.waitingQueue(this.db);
    if (!open && queue.length === 0) throw refused('pc_free', 'Máy đang trống. Bạn hãy quét thẻ ở màn hình Internet để dùng ngay.');
    let mine = queue.find((q) => q.patronId === patron.id);
    if (!mine) {
      mine = this.db.transaction(() => store.joinQueue(this.db, patron.id, this.today(), this.iso()))();
      queue = store.waitingQueue(this.db);
      this.publish();
    }
    const position = queue.findIndex((q) => q.id === mine.id) + 1;
    let waitMs = open ? Math.max(0, open.allowanceMs - this.usedMs(open)) : 0;
    for (const ahead of queue.slice(0, position - 1)) {
      const p = findPatronById(this.db, ahead.patronId);
      waitMs += limitsFor(this.config, p?.category ?? 'default').sessionMinutes * MINUTE_MS;
    }
    return { ticket: mine.ticket, position, estimatedWaitMinutes: Math.ceil(waitMs / MINUTE_MS) };
  }

  leaveQueue(card: string): void {
    const patron = findPatronByCard(this.db, card);
    const mine = patron && store.waitingQueue(this.db).find((q) => q.patronId === patron.id);
    if (!mine) throw notFound('not_queued', 'Thẻ này không có trong hàng chờ.');
    this.db.transaction(() => store.setQueueStatus(this.db, mine.id, 'left'))();
    this.publish();
  }

  /**
   * Staff take someone off the queue (gone home, joined twice with two cards). When the PC is free
   * and that person was being held for, the next one is called at once, as when a session ends.
   */
  removeFromQueue(staff: StaffMember, ticket: number): void {
    const entry = store.waitingQueue(this.db).find((q) => q.ticket === ticket);
    if (!entry) throw notFound('ticket_not_queued', `Số ${ticket} không còn trong hàng chờ.`, { ticket });
    this.db.transaction(() => {
      store.setQueueStatus(this.db, entry.id, 'left');
      recordEvent(this.db, this.clock, 'staff.action', { staffId: staff.id, action: 'internet.queue_remove', target: `internet_queue:${entry.id}` });
      const head = store.waitingQueue(this.db)[0];
      if (head && !head.calledAt && !store.openSession(this.db)) store.callQueueEntry(this.db, head.id, this.iso());
    })();
    this.publish();
  }

  // ---- decisions the browsing surface asks for -------------------------------------------------

  /** A command from the session bar: navigations go through the URL policy first. */
  browse(request: BrowseRequest): { handled: boolean; decision?: UrlDecision } {
    this.requireActive();
    let decision: UrlDecision | undefined;
    if (request.action === 'navigate') {
      decision = this.decideUrl(addressToUrl(request.url ?? ''));
      if (decision.decision === 'block') return { handled: this.surface !== undefined, decision };
    }
    if (!this.surface) return { handled: false, ...(decision ? { decision } : {}) };
    this.surface.command({ ...request, ...(decision?.url ? { url: decision.url } : {}) });
    return { handled: true, ...(decision ? { decision } : {}) };
  }

  publishTabs(tabs: BrowserTabs): void {
    this.ctx.bus.emit('internet.tabs', tabs);
  }

  decideUrl(url: string): UrlDecision {
    return decideUrl(this.options.policy, url);
  }

  permissionAllowed(permission: string): boolean {
    return (this.config.allowedPermissions as readonly string[]).includes(permission);
  }

  /** Where a download may be saved, or why not; only while a session runs and only allowed types. */
  decideDownload(fileName: string, sizeBytes: number): { ok: true; path: string } | { ok: false; message: string } {
    const open = store.openSession(this.db);
    if (!open || open.status !== 'active' || !open.downloadsDir) return { ok: false, message: 'Chỉ tải tệp được khi đang trong phiên Internet.' };
    const name = safeDownloadName(fileName, this.config.downloads.allowedExtensions);
    if (!name.ok) {
      return { ok: false, message: `Máy công cộng không tải loại tệp ".${name.extension || '?'}". Chỉ tải được: ${this.config.downloads.allowedExtensions.join(', ')}.` };
    }
    if (sizeBytes > this.config.downloads.maxMegabytes * 1024 * 1024) {
      return { ok: false, message: `Tệp lớn hơn ${this.config.downloads.maxMegabytes} MB nên không tải được trên máy công cộng.` };
    }
    return { ok: true, path: join(open.downloadsDir, name.name) };
  }

  saveDownload(fileName: string, text: string): string {
    const decision = this.decideDownload(fileName, Buffer.byteLength(text));
    if (!decision.ok) throw refused('download_refused', decision.message);
    writeFileSync(decision.path, text);
    this.publish();
    return basename(decision.path);
  }

  recordPrint(pages: number): void {
    const open = store.openSession(this.db);
    if (!open || pages <= 0) return;
    this.db.transaction(() => {
      store.addPages(this.db, open.id, pages);
      recordEvent(this.db, this.clock, 'print.pages', { pages, service: 'internet' });
    })();
  }
}
