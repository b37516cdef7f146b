// Telling a full or failing disk apart from a damaged database. SQLite answers SQLITE_FULL, an
// I/O error or "cannot open" when it cannot write its journal or shared-memory file, and Node
// answers ENOSPC; none of these say anything about the data already on disk. A technician told
// "corrupt" may restore an old backup over good data, so only SQLITE_CORRUPT / SQLITE_NOTADB (or a
// failed quick_check that ran to the end) ever mean damaged.
import { statfsSync } from 'node:fs';
import { KioskError } from '../errors';

export type StorageFailure = 'disk_full' | 'storage_io';

/** The message a resident sees on any screen when the PC has no room left to save. */
export const DISK_FULL_RESIDENT = 'Máy đang hết chỗ lưu, vui lòng báo cán bộ.';

function codeOf(error: unknown): string {
  return String((error as { code?: unknown })?.code ?? '');
}

/** Free bytes for an unprivileged writer where `dir` lives, or undefined when it cannot be read. */
export function freeBytes(dir: string): number | undefined {
  try {
    const fs = statfsSync(dir);
    return fs.bavail * fs.bsize;
  } catch {
    return undefined;
  }
}

/** Below this, an I/O error while writing is the disk being full, not the disk failing. */
const NEARLY_FULL_BYTES = 2 * 1024 * 1024;

/** Whether an error is the storage failing to write or read (as opposed to damaged data). */
export function storageFailureOf(error: unknown, dir?: string): StorageFailure | undefined {
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (/full/i.test(String((error as Error)?.message ?? '')) && code.startsWith('SQLITE_')) return 'disk_full';
  const io = code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO' || code === 'EROFS';
  if (!io) return undefined;
  const free = dir === undefined ? undefined : freeBytes(dir);
  return free !== undefined && free < NEARLY_FULL_BYTES ? 'disk_full' : 'storage_io';
}

export function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}

/** The KioskError for a storage failure; `dir` is the data folder (for the free space it names). */
export function storageError(failure: StorageFailure, dir: string | undefined): KioskError {
  const free = dir === undefined ? undefined : freeBytes(dir);
  const params: Record<string, number> = free === undefined ? {} : { freeMegabytes: Number(mb(free)) };
  if (failure === 'disk_full') {
    return new KioskError(
      'unavailable',
      `${DISK_FULL_RESIDENT} Ổ đĩa chứa dữ liệu kiosk đã đầy${free === undefined ? '' : ` (còn ${mb(free)} MB)`}, nên không ghi hoặc kiểm tra được; dữ liệu đã lưu không bị hỏng. ` +
        'Cán bộ: xóa bớt bản sao lưu cũ, gói tài liệu không dùng hoặc tệp tải về, rồi thử lại (kiosk self-test cho biết cái gì chiếm chỗ).',
      { reason: 'disk_full', params },
    );
  }
  return new KioskError(
    'unavailable',
    'Kiosk không đọc hoặc ghi được ổ đĩa chứa dữ liệu (lỗi vào/ra), nên chưa kiểm tra được; điều này không có nghĩa là dữ liệu bị hỏng. ' +
      'Đừng khôi phục bản sao lưu; hãy kiểm tra ổ đĩa, quyền thư mục dữ liệu, rồi báo kỹ thuật viên.',
    { reason: 'storage_io', params },
  );
}

/** The storage KioskError for `error`, or undefined when it is something else. */
export function asStorageError(error: unknown, dir?: string): KioskError | undefined {
  if (error instanceof KioskError) return undefined;
  const failure = storageFailureOf(error, dir);
  return failure ? storageError(failure, dir) : undefined;
}
