// The store's own timer, in the data folder's owner only: every few minutes, when the write-ahead
// log has grown past its limit, copy and truncate it on the second core (store/wal.ts). Small
// writes between bulk ones add up, and a bulk write's own background run may have been cut short.
import { statSync } from 'node:fs';
import type { KioskContext } from '../context';
import { trimLogInBackground } from './background';
import { WAL_SIZE_LIMIT_BYTES } from './wal';

export const IDLE_TRIM_EVERY_MS = 5 * 60 * 1000;

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

export function registerStoreHousekeeping(ctx: KioskContext): void {
  if (ctx.role !== 'owner' || ctx.db.memory) return;
  const timer = setInterval(() => {
    if (walBytes(ctx.db.name) > WAL_SIZE_LIMIT_BYTES) trimLogInBackground(ctx.db, ctx.log);
  }, IDLE_TRIM_EVERY_MS);
  timer.unref?.();
  ctx.onClose(() => clearInterval(timer));
}
