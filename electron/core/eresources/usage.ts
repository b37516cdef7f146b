// Disk usage of the digital library: what installed packs take, the configured quota, and what the
// disk itself has free (null when the platform cannot tell).
import { statfs } from 'node:fs/promises';
import type { KioskContext } from '../context';
import { usedBytes } from './store';

export async function diskUsageOf(ctx: KioskContext): Promise<{ usedBytes: number; quotaBytes: number; freeBytes: number | null }> {
  let freeBytes: number | null = null;
  try {
    const fs = await statfs(ctx.dataDir);
    freeBytes = fs.bavail * fs.bsize;
  } catch {
    freeBytes = null;
  }
  return { usedBytes: usedBytes(ctx.db), quotaBytes: ctx.config.eresources.quotaMegabytes * 1024 * 1024, freeBytes };
}
