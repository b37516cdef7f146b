// The PCs of the room, as the hub knows them (room_pcs, migration 0095): paired, last seen, revoked.
// A PC is known by the SHA-256 of the certificate the hub signed for it; revoking it is one row
// update, read on every TLS connection and every call, so it takes effect at once.
import { pcInternetReport, type PcInternetReport } from '#contract/room';
import type { Db } from '../store/open';
import { notFound } from '../errors';

export interface RoomPc {
  id: number;
  name: string;
  pairedAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** Its last internet report as stored (0096), without the resident's name. */
  report: PcInternetReport | null;
  reportedAt: string | null;
}

interface PcRow {
  id: number;
  name: string;
  paired_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
  report: string | null;
  reported_at: string | null;
}

/** A stored report that no longer reads as one (an older shape) counts as none. */
function reportOf(text: string | null): PcInternetReport | null {
  if (text === null) return null;
  const parsed = pcInternetReport.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

const toPc = (row: PcRow): RoomPc => ({
  id: row.id,
  name: row.name,
  pairedAt: row.paired_at,
  lastSeenAt: row.last_seen_at,
  revokedAt: row.revoked_at,
  report: reportOf(row.report),
  reportedAt: row.reported_at,
});

export function addPc(db: Db, name: string, fingerprint: string, now: number): number {
  return Number(
    db.prepare('INSERT INTO room_pcs (name, fingerprint, paired_at) VALUES (?, ?, ?)').run(name, fingerprint, new Date(now).toISOString()).lastInsertRowid,
  );
}

/** The paired, not revoked PC holding the certificate with this fingerprint. */
export function activePcByFingerprint(db: Db, fingerprint: string): RoomPc | undefined {
  const row = db.prepare('SELECT * FROM room_pcs WHERE fingerprint = ? AND revoked_at IS NULL').get(fingerprint) as PcRow | undefined;
  return row ? toPc(row) : undefined;
}

/** Whether this certificate belonged to a PC the hub has revoked (it still chains to the room CA). */
export function revokedFingerprint(db: Db, fingerprint: string): boolean {
  return db.prepare('SELECT 1 FROM room_pcs WHERE fingerprint = ? AND revoked_at IS NOT NULL').get(fingerprint) !== undefined;
}

/** Notes the PC was seen; at most once a minute, so a busy kiosk does not write on every call. */
export function touchPc(db: Db, id: number, now: number): void {
  const at = new Date(now).toISOString();
  const before = new Date(now - 60_000).toISOString();
  db.prepare('UPDATE room_pcs SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at <= ?)').run(at, id, before);
}

/** Stores a PC's report for other processes (`kiosk room status`); the resident's name is never written. */
export function saveReport(db: Db, id: number, report: PcInternetReport, now: number): void {
  const stored = report.session ? { ...report, session: { ...report.session, who: '' } } : report;
  db.prepare('UPDATE room_pcs SET report = ?, reported_at = ? WHERE id = ?').run(JSON.stringify(stored), new Date(now).toISOString(), id);
}

export function listPcs(db: Db): RoomPc[] {
  return (db.prepare('SELECT * FROM room_pcs ORDER BY id').all() as PcRow[]).map(toPc);
}

/** Revokes the PC named by its number or its name; revoking twice keeps the first date. */
export function revokePc(db: Db, which: string, now: number): RoomPc {
  const rows = db.prepare('SELECT * FROM room_pcs WHERE CAST(id AS TEXT) = ? OR name = ? ORDER BY id').all(which.trim(), which.trim()) as PcRow[];
  if (rows.length !== 1) {
    throw notFound(
      rows.length === 0 ? 'room_pc_unknown' : 'room_pc_ambiguous',
      rows.length === 0
        ? `Không có máy nào tên hoặc số "${which.slice(0, 60)}" trong phòng. Chạy "kiosk room status" để xem danh sách máy.`
        : `Có nhiều máy tên "${which.slice(0, 60)}". Hãy dùng số của máy (cột đầu trong "kiosk room status").`,
    );
  }
  db.prepare('UPDATE room_pcs SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(new Date(now).toISOString(), rows[0]!.id);
  return toPc(db.prepare('SELECT * FROM room_pcs WHERE id = ?').get(rows[0]!.id) as PcRow);
}
