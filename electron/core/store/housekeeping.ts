// The store's own timers, in the data folder's owner only: every few minutes, when the write-ahead
// log has grown past its limit, copy and truncate it on the second core (store/wal.ts); every
// minute, hash the catalogue and patron rows written since (store/row-checks.ts). At start, rows
// are sealed and verified once the kiosk has answered its first request, and the result is kept
// for the self-test.
import { statSync } from 'node:fs';
import type { SelfTestCheck } from '#contract/system';
import type { KioskContext } from '../context';
import { trimLogInBackground } from './background';
import { sealRows, verifyRows, type RowDamage } from './row-checks';
import { WAL_SIZE_LIMIT_BYTES } from './wal';

export const IDLE_TRIM_EVERY_MS = 5 * 60 * 1000;
const SEAL_EVERY_MS = 60 * 1000;
/** The self-test re-reads every row when its last verification is older than this. */
const VERIFY_FRESH_MS = 10 * 60 * 1000;

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

const verified = new WeakMap<KioskContext, { at: number; checked: number; damaged: RowDamage[] }>();

function verify(ctx: KioskContext) {
  sealQuietly(ctx);
  const result = { at: ctx.clock.monotonic(), ...verifyRows(ctx.db) };
  verified.set(ctx, result);
  if (result.damaged.length > 0)
    ctx.log.log('error', 'store.rows_damaged', { damaged: result.damaged.map((d) => `${d.table}:${d.count} (${d.rows.join(',')})`).join('; ') });
  return result;
}

const TABLE_VI = { records: 'danh mục sách', patrons: 'bạn đọc' } as const;

/** The self-test's row check (listed in system/self-test.ts). */
export function rowsProbe(ctx: KioskContext): SelfTestCheck {
  const last = verified.get(ctx);
  const result = last && ctx.clock.monotonic() - last.at < VERIFY_FRESH_MS ? last : verify(ctx);
  if (result.damaged.length === 0) {
    return {
      id: 'rows',
      status: 'ok',
      message: `Nội dung ${result.checked} dòng danh mục sách và bạn đọc khớp với mã kiểm tra.`,
      detail: { checked: result.checked },
    };
  }
  const where = result.damaged.map((d) => `${d.count} dòng ${TABLE_VI[d.table]} (mã ${d.rows.join(', ')})`).join('; ');
  return {
    id: 'rows',
    status: 'error',
    message: `Phát hiện dữ liệu bị hỏng bên trong: ${where}. Ổ đĩa có thể đang hỏng. Hãy sao chép thư mục dữ liệu ra USB, rồi khôi phục bản sao lưu gần nhất (kiosk db restore) hoặc báo kỹ thuật viên.`,
    detail: { checked: result.checked, damaged: result.damaged },
  };
}

export function registerStoreHousekeeping(ctx: KioskContext): void {
  if (ctx.role !== 'owner' || ctx.db.memory) return;
  // Re-reading every catalogue and patron row is the longest start-up step on a large catalogue:
  // it runs after the first reply (the self-test verifies again if asked before it ran).
  ctx.afterStart('store.rowChecks', () => void verify(ctx));
  const trim = setInterval(() => {
    if (walBytes(ctx.db.name) > WAL_SIZE_LIMIT_BYTES) trimLogInBackground(ctx.db, ctx.log);
  }, IDLE_TRIM_EVERY_MS);
  const seal = setInterval(() => void sealStepwise(ctx), SEAL_EVERY_MS);
  trim.unref?.();
  seal.unref?.();
  ctx.onClose(() => {
    clearInterval(trim);
    clearInterval(seal);
    sealQuietly(ctx);
  });
}

/**
 * The timer's seal: one batch at a time, letting requests run in between. A large catalogue import
 * marks hundreds of thousands of rows; hashing them in one go held the serving thread for seconds.
 */
async function sealStepwise(ctx: KioskContext): Promise<void> {
  try {
    while (sealRows(ctx.db, 500, 1) > 0) await new Promise((resolve) => setImmediate(resolve));
  } catch (error) {
    ctx.log.log('warn', 'store.seal_failed', { why: String((error as Error)?.message ?? error).slice(0, 200) });
  }
}

/** A seal that fails (a full disk) is retried at the next tick or start; it never stops the kiosk. */
function sealQuietly(ctx: KioskContext): void {
  try {
    sealRows(ctx.db);
  } catch (error) {
    ctx.log.log('warn', 'store.seal_failed', { why: String((error as Error)?.message ?? error).slice(0, 200) });
  }
}
