// The daily online backup: checked every hour with the kiosk's clock, taken through SQLite's
// backup API while the kiosk keeps serving, then old backups beyond the newest N are removed.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry } from '#contract/technician';
import type { KioskContext } from '../context';
import { backupDatabase } from '../store/backup';
import { BACKUP_DIR, backupFileName, backupTime, backupsToDelete, isBackupDue, sortBackups, strayBackupFiles } from './rotation';

export const CHECK_EVERY_MS = 60 * 60 * 1000;

export function backupDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR);
}

function names(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function listBackups(dataDir: string): BackupEntry[] {
  const dir = backupDir(dataDir);
  return sortBackups(names(dir)).map((name) => ({
    name,
    bytes: statSync(join(dir, name)).size,
    at: new Date(backupTime(name)!).toISOString(),
  }));
}

/** Partial files of backups this process is writing now, so the retention leaves them alone. */
const underWay = new Set<string>();

export async function takeBackup(ctx: KioskContext, keep: number): Promise<BackupEntry> {
  const dir = backupDir(ctx.dataDir);
  const name = backupFileName(ctx.clock.now());
  const partial = `${name}.partial`;
  underWay.add(partial);
  let result;
  try {
    result = await backupDatabase(ctx.db, join(dir, name));
  } finally {
    underWay.delete(partial);
  }
  for (const old of backupsToDelete(names(dir), keep)) rmSync(join(dir, old), { force: true });
  for (const stray of strayBackupFiles(names(dir), underWay)) rmSync(join(dir, stray), { force: true });
  ctx.log.log('info', 'backup.taken', { bytes: result.bytes, version: result.version });
  return { name, bytes: result.bytes, at: new Date(backupTime(name)!).toISOString() };
}

/** Takes the backup when one is due; errors are logged, never thrown into a timer. */
export async function backupIfDue(ctx: KioskContext, keep: number): Promise<BackupEntry | undefined> {
  if (!isBackupDue(names(backupDir(ctx.dataDir)), ctx.clock.now())) return undefined;
  try {
    return await takeBackup(ctx, keep);
  } catch (error) {
    ctx.log.log('error', 'backup.failed', { error: (error as Error).message.slice(0, 300) });
    return undefined;
  }
}

/** The scheduled backup still running per kiosk: closing waits for it, so no file is left half-written. */
const inFlight = new WeakMap<KioskContext, Promise<unknown>>();

/** Resolves when the backup the schedule started (if any) has finished. */
export async function backupSettled(ctx: KioskContext): Promise<void> {
  await inFlight.get(ctx);
}

/** Schedules the check; returns the stop function, which waits for a backup under way. `setTimer` is injectable for tests. */
export function scheduleDailyBackup(ctx: KioskContext, keep: number, setTimer: typeof setInterval = setInterval): () => Promise<void> {
  const check = () => {
    const previous = inFlight.get(ctx) ?? Promise.resolve();
    inFlight.set(
      ctx,
      previous.then(() => backupIfDue(ctx, keep)),
    );
  };
  check();
  const timer = setTimer(check, CHECK_EVERY_MS);
  if (typeof timer === 'object' && timer && 'unref' in timer) timer.unref();
  return async () => {
    clearInterval(timer);
    await backupSettled(ctx);
  };
}
