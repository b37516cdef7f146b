// `kiosk db backup FILE`: an online backup to a file the technician names. A file inside the data
// folder stays on the PC with the database itself (like the daily backups), so it may be a plain
// database; a file anywhere else can leave the PC (a USB stick, a network share, a folder someone
// copies), so it is sealed with the passphrase (security/sealed.ts) or not written at all. The
// plain bytes only ever exist in the data folder, and the partial files go whatever happens.
import { existsSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { randomBytes } from 'node:crypto';
import { KioskError } from '../errors';
import { SEALED_SUFFIX, seal } from '../security/sealed';
import { backupDatabase } from '../store/backup';
import { removeWithSideFiles } from '../store/backup-copy';
import type { Db } from '../store/open';

export interface FileBackup {
  file: string;
  bytes: number;
  version: number;
  sealed: boolean;
}

/** Whether `target` (its folder resolved through links) lies inside the data folder. */
export function insideDataFolder(dataDir: string, target: string): boolean {
  const folder = dirname(resolve(target));
  if (!existsSync(folder)) return false;
  const rel = relative(realpathSync(dataDir), realpathSync(folder));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Backs the database up to `target`: plain inside the data folder, sealed (the name then ends in
 * `.sealed`) with `passphrase` anywhere else, and refused outside it without one. A passphrase given
 * for a file inside the folder seals that one too.
 */
export async function backupToFile(db: Db, dataDir: string, target: string, passphrase: string | undefined): Promise<FileBackup> {
  const requested = resolve(target);
  if (!existsSync(dirname(requested))) {
    throw new KioskError('refused', `Không có thư mục ${dirname(requested)}. Hãy tạo thư mục (hoặc cắm USB) rồi chạy lại.`, {
      reason: 'backup_folder_missing',
    });
  }
  const inside = insideDataFolder(dataDir, requested);
  if (!inside && passphrase === undefined) {
    throw new KioskError(
      'refused',
      `Tệp ${requested} nằm ngoài thư mục dữ liệu của kiosk (${dataDir}), nên có thể rời khỏi máy; bản sao có thông tin bạn đọc ra ngoài máy phải được mã hóa. ` +
        'Hãy đặt mật khẩu (ít nhất 10 ký tự, ghi lại ở nơi an toàn) vào biến môi trường KIOSK_PASSPHRASE (ví dụ: read -s KIOSK_PASSPHRASE; export KIOSK_PASSPHRASE) rồi chạy lại; ' +
        `hoặc sao lưu vào trong thư mục dữ liệu, ví dụ ${join(dataDir, 'backups', basename(requested))}.`,
      { reason: 'backup_needs_passphrase' },
    );
  }
  if (passphrase === undefined) {
    const result = await backupDatabase(db, requested);
    return { file: result.file, bytes: result.bytes, version: result.version, sealed: false };
  }
  // Refuses a weak passphrase before the backup is taken.
  seal(Buffer.alloc(0), passphrase);
  const file = requested.endsWith(SEALED_SUFFIX) ? requested : `${requested}${SEALED_SUFFIX}`;
  const work = join(dataDir, `.backup-to-file-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    const result = await backupDatabase(db, work);
    const sealed = seal(await readFile(work), passphrase);
    try {
      writeFileSync(`${file}.partial`, sealed, { mode: 0o600 });
      renameSync(`${file}.partial`, file);
    } catch (error) {
      rmSync(`${file}.partial`, { force: true });
      throw new KioskError(
        'refused',
        `Không ghi được ${file}: ${(error as Error).message}. Hãy kiểm tra nơi ghi (còn chỗ trống, không khóa ghi) rồi thử lại.`,
        { reason: 'export_failed' },
      );
    }
    return { file, bytes: statSync(file).size, version: result.version, sealed: true };
  } finally {
    removeWithSideFiles(work);
  }
}
