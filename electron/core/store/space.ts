// How much room the kiosk has left, when to warn, and what a technician can delete to make room:
// the free space, the threshold (by default a week of use plus one more backup), and the folders
// under the data directory that grow (backups, content packs, logs), largest first.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskContext } from '../context';
import { freeBytes } from './disk';

const MB = 1024 * 1024;

function sizeOf(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const name of readdirSync(path)) total += sizeOf(join(path, name));
  return total;
}

/** One backup is as large as the database; a week of use is 7 × `dailyUseMegabytes`. */
export function lowDiskThreshold(ctx: KioskContext): number {
  const storage = ctx.config.storage;
  if (storage.warnBelowMegabytes !== undefined) return storage.warnBelowMegabytes * MB;
  return sizeOf(ctx.db.name) + 7 * storage.dailyUseMegabytes * MB;
}

export interface SpaceReport {
  freeBytes: number | null;
  thresholdBytes: number;
  /** Whether the threshold is the technician's (storage.warnBelowMegabytes) rather than the default. */
  configured?: boolean;
  low: boolean;
  /** What may be deleted, largest first, in bytes. */
  reclaimable: { what: 'backups' | 'packs' | 'logs'; path: string; bytes: number }[];
}

export function spaceReport(ctx: KioskContext): SpaceReport {
  return { ...spaceReportOf(ctx.dataDir, lowDiskThreshold(ctx)), configured: ctx.config.storage.warnBelowMegabytes !== undefined };
}

/** The same report for a data folder the kiosk could not open (a full disk), against a given threshold. */
export function spaceReportOf(dataDir: string, thresholdBytes: number): SpaceReport {
  const free = freeBytes(dataDir) ?? null;
  const reclaimable = (
    [
      { what: 'backups', path: join(dataDir, 'backups') },
      { what: 'packs', path: join(dataDir, 'eresources', 'packs') },
      { what: 'logs', path: join(dataDir, 'logs') },
    ] as const
  )
    .map((entry) => ({ ...entry, bytes: sizeOf(entry.path) }))
    .sort((a, b) => b.bytes - a.bytes);
  return { freeBytes: free, thresholdBytes, low: free !== null && free < thresholdBytes, reclaimable };
}

const WHAT_VI = { backups: 'bản sao lưu cũ (giữ lại bản mới nhất)', packs: 'gói tài liệu không dùng (Thư viện số)', logs: 'nhật ký cũ' } as const;

/** "what to delete", in Vietnamese, for the self-test and the CLI. */
export function reclaimAdvice(report: SpaceReport): string {
  const parts = report.reclaimable.filter((r) => r.bytes > 0).map((r) => `${WHAT_VI[r.what]}: ${(r.bytes / MB).toFixed(1)} MB trong ${r.path}`);
  return parts.length > 0 ? `Có thể xóa bớt: ${parts.join('; ')}.` : 'Hãy xóa bớt tệp không cần trên ổ đĩa này (ngoài thư mục dữ liệu kiosk).';
}
