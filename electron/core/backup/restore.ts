// `kiosk db restore FILE`: replaces the kiosk database with a backup, only when the kiosk is not
// running and the file is a kiosk database this version can open. The current database (with its
// WAL) is moved aside first, so a restore can itself be undone.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isSealed, unseal } from '../security/sealed';
import { join } from 'node:path';
import { KioskError } from '../errors';
import { DATABASE_FILE, inspectDatabase, openDatabase } from '../store/open';
import { BACKUP_DIR } from './rotation';
import { processAlive } from '../system/process-alive';
import { readOwnerInfo, tryClaimDataDir } from '../store/owner';

export const PID_FILE = 'kiosk.pid';
const REQUIRED_TABLES = ['meta', 'events', 'staff'];

/** Is the process named in <dataDir>/kiosk.pid alive (and not us)? `alive` is injectable for tests. */
export function runningKioskPid(dataDir: string, alive: (pid: number) => boolean = processAlive): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(join(dataDir, PID_FILE), 'utf8').trim(), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  return alive(pid) ? pid : undefined;
}

/** Checks that FILE is an intact kiosk database of a schema this version can open. */
export function checkRestorable(file: string): { version: number } {
  if (!existsSync(file)) throw new KioskError('not_found', `Không tìm thấy tệp ${file}. Hãy kiểm tra đường dẫn tệp sao lưu.`, { reason: 'backup_missing' });
  const { version } = inspectDatabase(file);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (version < 1 || missing.length > 0) {
      throw new KioskError(
        'refused',
        `Tệp ${file} không phải cơ sở dữ liệu kiosk (thiếu ${missing.join(', ') || 'phiên bản lược đồ'}). Hãy chọn một tệp sao lưu kiosk-….sqlite.`,
        { reason: 'not_kiosk' },
      );
    }
  } finally {
    db.close();
  }
  return { version };
}

export interface RestoreResult {
  restoredFrom: string;
  version: number;
  previousKeptIn: string | null;
}

/**
 * A sealed copy (from a USB stick, `….sqlite.sealed`) is opened with the passphrase into the data
 * folder first; a wrong passphrase is refused before anything is touched.
 */
export function restoreDatabase(dataDir: string, file: string, now: number, alive?: (pid: number) => boolean, passphrase?: string): RestoreResult {
  // The folder's lock is held for the whole swap, so no kiosk can start on a half-restored store.
  const lock = tryClaimDataDir(dataDir, { pid: process.pid, startedAt: new Date(now).toISOString(), role: 'cli' });
  if (!lock) {
    const holder = readOwnerInfo(dataDir);
    throw new KioskError(
      'refused',
      `Kiosk đang chạy (tiến trình ${holder?.pid ?? 'khác'}${holder ? `, chạy từ ${holder.startedAt}` : ''}). Hãy tắt kiosk trước rồi chạy lại lệnh khôi phục.`,
      { reason: 'kiosk_running' },
    );
  }
  let opened: string | undefined;
  try {
    if (existsSync(file) && isSealed(readFileSync(file))) {
      if (passphrase === undefined) {
        throw new KioskError('refused', `Tệp ${file} là bản sao đã mã hóa. Hãy nhập mật khẩu đã đặt khi chép bản sao vào USB.`, {
          reason: 'passphrase_needed',
        });
      }
      const plain = unseal(readFileSync(file), passphrase);
      mkdirSync(dataDir, { recursive: true });
      opened = join(dataDir, `${DATABASE_FILE}.unsealed`);
      writeFileSync(opened, plain, { mode: 0o600 });
    }
    return { ...restoreOwned(dataDir, opened ?? file, now, alive), restoredFrom: file };
  } finally {
    if (opened) rmSync(opened, { force: true });
    lock.release();
  }
}

function restoreOwned(dataDir: string, file: string, now: number, alive?: (pid: number) => boolean): RestoreResult {
  const pid = runningKioskPid(dataDir, alive);
  if (pid !== undefined) {
    throw new KioskError('refused', `Kiosk đang chạy (tiến trình ${pid}). Hãy tắt kiosk trước rồi chạy lại lệnh khôi phục.`, { reason: 'kiosk_running' });
  }
  const { version } = checkRestorable(file);
  const target = join(dataDir, DATABASE_FILE);
  mkdirSync(dataDir, { recursive: true });
  let previousKeptIn: string | null = null;
  if (existsSync(target)) {
    previousKeptIn = join(dataDir, BACKUP_DIR, `before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(previousKeptIn, { recursive: true });
    // The WAL and shared-memory files belong to the database: they move with it.
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, join(previousKeptIn, DATABASE_FILE + suffix));
  }
  const partial = `${target}.restoring`;
  try {
    copyFileSync(file, partial);
    renameSync(partial, target);
    // Brings an older but compatible backup up to this version's schema now, not at next start.
    openDatabase(target).close();
  } catch (error) {
    rmSync(partial, { force: true });
    if (previousKeptIn) {
      rmSync(target, { force: true });
      for (const suffix of ['', '-wal', '-shm'])
        if (existsSync(join(previousKeptIn, DATABASE_FILE + suffix))) renameSync(join(previousKeptIn, DATABASE_FILE + suffix), target + suffix);
    }
    throw error;
  }
  return { restoredFrom: file, version, previousKeptIn };
}
