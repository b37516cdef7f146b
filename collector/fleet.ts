// Kiosks needing a technician's attention: from what the collector knows of each terminal
// (enrolment, the time of its last upload) and from the health record each upload carries (backup
// age, disk, clock skew, self-test, a disk copy reporting, upload errors). One line per terminal
// and reason, with the instant the reason was first seen; longest first.
import type { KioskHealth } from '#contract/upload';
import type { AttentionRow, HealthRow } from './store/portal-types';
import type { TerminalRow } from './store/types';

export const SILENT_AFTER_DAYS = 3;
export const ENROL_WAIT_DAYS = 7;
/** The kiosk backs up daily: two days without one means the backup is failing. */
export const BACKUP_OLD_HOURS = 48;
export const LOW_DISK_MB = 1024;
/** Beyond this the kiosk's dates (loans due, day figures) drift from the province's. */
export const CLOCK_SKEW_SECONDS = 300;
/** Failed attempts in 24 hours: a few are a flaky line, this many need a look. */
export const UPLOAD_ERRORS_PER_DAY = 3;

export const HEALTH_REASONS = ['old_backup', 'low_disk', 'clock_skew', 'self_test', 'cloned', 'upload_errors'] as const;
export type HealthReason = (typeof HEALTH_REASONS)[number];
export type AttentionReason = 'silent' | 'never_uploaded' | 'not_enrolled' | HealthReason;

/** The reasons a health record gives (the 'cloned' one comes from the copy's own report, not from here). */
export function healthReasons(health: KioskHealth, skewSeconds: number): HealthReason[] {
  const reasons: HealthReason[] = [];
  if (health.backupAgeHours === null || health.backupAgeHours > BACKUP_OLD_HOURS) reasons.push('old_backup');
  if (health.diskLow || (health.freeDiskMb !== null && health.freeDiskMb < LOW_DISK_MB)) reasons.push('low_disk');
  if (Math.abs(skewSeconds) > CLOCK_SKEW_SECONDS) reasons.push('clock_skew');
  if (health.selfTestFailures.length > 0) reasons.push('self_test');
  if (health.uploadErrors.last24h >= UPLOAD_ERRORS_PER_DAY) reasons.push('upload_errors');
  return reasons;
}

export interface Attention {
  terminal: TerminalRow;
  reason: AttentionReason;
  since: string;
  /** The latest health record, for the detail a reason shows. */
  health?: { record: KioskHealth; skewSeconds: number; receivedAt: string };
}

export function needingAttention(
  terminals: TerminalRow[],
  now: number,
  fleet: { records: HealthRow[]; reasons: AttentionRow[] } = { records: [], reasons: [] },
): Attention[] {
  const older = (iso: string, days: number) => now - Date.parse(iso) > days * 86_400_000;
  const healthOf = new Map(
    fleet.records.map((h) => [h.terminalId, { record: JSON.parse(h.record) as KioskHealth, skewSeconds: h.skewSeconds, receivedAt: h.receivedAt }]),
  );
  const out: Attention[] = [];
  for (const t of terminals) {
    if (t.revokedAt) continue;
    if (!t.enrolledAt) {
      if (older(t.createdAt, ENROL_WAIT_DAYS)) out.push({ terminal: t, reason: 'not_enrolled', since: t.createdAt });
    } else if (!t.lastSeenAt) {
      if (older(t.enrolledAt, 1)) out.push({ terminal: t, reason: 'never_uploaded', since: t.enrolledAt });
    } else if (older(t.lastSeenAt, SILENT_AFTER_DAYS)) {
      out.push({ terminal: t, reason: 'silent', since: t.lastSeenAt });
    }
    const health = healthOf.get(t.id);
    for (const r of fleet.reasons) {
      if (r.terminalId !== t.id || !(HEALTH_REASONS as readonly string[]).includes(r.reason)) continue;
      out.push({ terminal: t, reason: r.reason as HealthReason, since: r.since, ...(health ? { health } : {}) });
    }
  }
  return out.sort((a, b) => a.since.localeCompare(b.since) || a.terminal.id.localeCompare(b.terminal.id));
}
