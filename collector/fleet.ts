// Kiosks needing a technician's attention, from what the collector already knows of each terminal
// (enrolment and the time of its last upload): the reason and since when, longest first.
// The kiosks' own health record (backup age, disk, clock, self-test) is not uploaded yet.
import type { TerminalRow } from './store/types';

export const SILENT_AFTER_DAYS = 3;
export const ENROL_WAIT_DAYS = 7;

export type AttentionReason = 'silent' | 'never_uploaded' | 'not_enrolled';

export interface Attention {
  terminal: TerminalRow;
  reason: AttentionReason;
  since: string;
}

export function needingAttention(terminals: TerminalRow[], now: number): Attention[] {
  const older = (iso: string, days: number) => now - Date.parse(iso) > days * 86_400_000;
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
  }
  return out.sort((a, b) => a.since.localeCompare(b.since));
}
