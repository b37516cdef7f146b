// SQL of internet sessions, guest passes, day extensions and the queue: small functions, database first.
import type { Db } from '../store/open';

export interface SessionRow {
  id: number;
  patronId: number | null;
  guestPassId: number | null;
  signInMethod: 'card' | 'cccd' | 'guest' | 'manual';
  category: string;
  gender: string;
  ageBand: string;
  day: string;
  startedAt: string;
  allowanceMs: number;
  limitedBy: 'session' | 'day' | 'week' | 'closing' | 'guest';
  usedMs: number;
  checkpointAt: string;
  bootId: string;
  uptimeS: number;
  status: 'active' | 'suspended' | 'ended';
  endedAt: string | null;
  endReason: 'time_up' | 'resident' | 'staff' | 'closing' | 'crash' | 'power_cut' | 'emergency' | 'inactive' | null;
  pagesPrinted: number;
  downloadsDir: string | null;
  moreTimeRequestedAt: string | null;
  autoExtended: number;
}

const COLUMNS = `id, patron_id AS patronId, guest_pass_id AS guestPassId, sign_in_method AS signInMethod, category, gender,
  age_band AS ageBand, day, started_at AS startedAt, allowance_ms AS allowanceMs, limited_by AS limitedBy, used_ms AS usedMs,
  checkpoint_at AS checkpointAt, boot_id AS bootId, uptime_s AS uptimeS, status, ended_at AS endedAt, end_reason AS endReason,
  pages_printed AS pagesPrinted, downloads_dir AS downloadsDir, more_time_requested_at AS moreTimeRequestedAt, auto_extended AS autoExtended`;

export function openSession(db: Db): SessionRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM internet_sessions WHERE status <> 'ended'`).get() as SessionRow | undefined;
}

export function sessionById(db: Db, id: number): SessionRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM internet_sessions WHERE id = ?`).get(id) as SessionRow | undefined;
}

export function recentSessions(db: Db, limit: number): SessionRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM internet_sessions ORDER BY id DESC LIMIT ?`).all(limit) as SessionRow[];
}

export type NewSession = Omit<SessionRow, 'id' | 'status' | 'endedAt' | 'endReason' | 'pagesPrinted' | 'moreTimeRequestedAt' | 'autoExtended'>;

export function insertSession(db: Db, s: NewSession): number {
  const info = db
    .prepare(
      `INSERT INTO internet_sessions (patron_id, guest_pass_id, sign_in_method, category, gender, age_band, day, started_at, allowance_ms,
        limited_by, used_ms, checkpoint_at, boot_id, uptime_s, status, downloads_dir)
       VALUES (@patronId, @guestPassId, @signInMethod, @category, @gender, @ageBand, @day, @startedAt, @allowanceMs,
        @limitedBy, @usedMs, @checkpointAt, @bootId, @uptimeS, 'active', @downloadsDir)`,
    )
    .run(s);
  return Number(info.lastInsertRowid);
}

export function checkpoint(db: Db, id: number, usedMs: number, at: string, bootId: string, uptimeS: number): void {
  db.prepare('UPDATE internet_sessions SET used_ms = ?, checkpoint_at = ?, boot_id = ?, uptime_s = ? WHERE id = ?').run(
    Math.round(usedMs),
    at,
    bootId,
    uptimeS,
    id,
  );
}

export function setStatus(db: Db, id: number, status: 'active' | 'suspended'): void {
  db.prepare('UPDATE internet_sessions SET status = ? WHERE id = ?').run(status, id);
}

export function markEnded(db: Db, id: number, usedMs: number, endedAt: string, reason: NonNullable<SessionRow['endReason']>): void {
  db.prepare(`UPDATE internet_sessions SET status = 'ended', used_ms = ?, ended_at = ?, end_reason = ? WHERE id = ?`).run(
    Math.round(usedMs),
    endedAt,
    reason,
    id,
  );
}

export function addAllowance(db: Db, id: number, ms: number, auto: boolean): void {
  db.prepare('UPDATE internet_sessions SET allowance_ms = allowance_ms + ?, auto_extended = auto_extended + ?, more_time_requested_at = NULL WHERE id = ?').run(
    Math.round(ms),
    auto ? 1 : 0,
    id,
  );
}

export function setMoreTimeRequested(db: Db, id: number, at: string | null): void {
  db.prepare('UPDATE internet_sessions SET more_time_requested_at = ? WHERE id = ?').run(at, id);
}

export function addPages(db: Db, id: number, pages: number): void {
  db.prepare('UPDATE internet_sessions SET pages_printed = pages_printed + ? WHERE id = ?').run(pages, id);
}

/** Minutes and sessions of one resident: today, this week (from `weekFrom`), excluding `exceptId`. */
export function usageOf(
  db: Db,
  patronId: number,
  day: string,
  weekFrom: string,
  exceptId = -1,
): { msToday: number; msWeek: number; sessionsToday: number; extraDay: number } {
  const today = db
    .prepare('SELECT COALESCE(SUM(used_ms), 0) AS ms, COUNT(*) AS n FROM internet_sessions WHERE patron_id = ? AND day = ? AND id <> ?')
    .get(patronId, day, exceptId) as { ms: number; n: number };
  const week = db
    .prepare('SELECT COALESCE(SUM(used_ms), 0) AS ms FROM internet_sessions WHERE patron_id = ? AND day >= ? AND day <= ? AND id <> ?')
    .get(patronId, weekFrom, day, exceptId) as { ms: number };
  const extra = db.prepare('SELECT minutes FROM internet_day_extra WHERE patron_id = ? AND day = ?').get(patronId, day) as { minutes: number } | undefined;
  return { msToday: today.ms, msWeek: week.ms, sessionsToday: today.n, extraDay: extra?.minutes ?? 0 };
}

export function addDayExtra(db: Db, patronId: number, day: string, minutes: number): void {
  db.prepare(
    'INSERT INTO internet_day_extra (patron_id, day, minutes) VALUES (?, ?, ?) ON CONFLICT (patron_id, day) DO UPDATE SET minutes = minutes + excluded.minutes',
  ).run(patronId, day, minutes);
}

export function dayTotals(db: Db, day: string): { ms: number; sessions: number } {
  const row = db.prepare('SELECT COALESCE(SUM(used_ms), 0) AS ms, COUNT(*) AS sessions FROM internet_sessions WHERE day = ?').get(day) as {
    ms: number;
    sessions: number;
  };
  return row;
}

export interface GuestPassRow {
  id: number;
  code: string;
  minutes: number;
  validDay: string;
  usedAt: string | null;
}

export function insertGuestPass(db: Db, code: string, minutes: number, validDay: string, createdAt: string, staffId: number | null): void {
  db.prepare('INSERT INTO internet_guest_passes (code, minutes, valid_day, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(
    code,
    minutes,
    validDay,
    createdAt,
    staffId,
  );
}

export function guestPassByCode(db: Db, code: string): GuestPassRow | undefined {
  return db.prepare('SELECT id, code, minutes, valid_day AS validDay, used_at AS usedAt FROM internet_guest_passes WHERE code = ?').get(code) as
    GuestPassRow | undefined;
}

export function guestPassById(db: Db, id: number): GuestPassRow | undefined {
  return db.prepare('SELECT id, code, minutes, valid_day AS validDay, used_at AS usedAt FROM internet_guest_passes WHERE id = ?').get(id) as
    GuestPassRow | undefined;
}

export function guestPassesOn(db: Db, day: string): GuestPassRow[] {
  return db
    .prepare('SELECT id, code, minutes, valid_day AS validDay, used_at AS usedAt FROM internet_guest_passes WHERE valid_day = ? ORDER BY id')
    .all(day) as GuestPassRow[];
}

export function markGuestPassUsed(db: Db, id: number, at: string): boolean {
  return db.prepare('UPDATE internet_guest_passes SET used_at = ? WHERE id = ? AND used_at IS NULL').run(at, id).changes === 1;
}

export interface QueueRow {
  id: number;
  patronId: number;
  ticket: number;
  joinedAt: string;
  calledAt: string | null;
}

export function waitingQueue(db: Db): QueueRow[] {
  return db
    .prepare(`SELECT id, patron_id AS patronId, ticket, joined_at AS joinedAt, called_at AS calledAt FROM internet_queue WHERE status = 'waiting' ORDER BY id`)
    .all() as QueueRow[];
}

export function joinQueue(db: Db, patronId: number, day: string, at: string): QueueRow {
  const next = (db.prepare('SELECT COALESCE(MAX(ticket), 0) + 1 AS t FROM internet_queue WHERE day = ?').get(day) as { t: number }).t;
  const info = db.prepare(`INSERT INTO internet_queue (patron_id, ticket, day, joined_at, status) VALUES (?, ?, ?, ?, 'waiting')`).run(patronId, next, day, at);
  return { id: Number(info.lastInsertRowid), patronId, ticket: next, joinedAt: at, calledAt: null };
}

export function setQueueStatus(db: Db, id: number, status: 'served' | 'left' | 'missed'): void {
  db.prepare('UPDATE internet_queue SET status = ? WHERE id = ?').run(status, id);
}

export function callQueueEntry(db: Db, id: number, at: string): void {
  db.prepare('UPDATE internet_queue SET called_at = ? WHERE id = ? AND called_at IS NULL').run(at, id);
}
