// Import files arriving from the staff screen in chunks (one WebSocket message is limited to
// 1 MB). Each chunk is appended to a file in the data folder's `catalogue-uploads/`, so a file of
// any size (a provincial export can be a gigabyte) never sits in memory; the import then streams
// it from there. One upload belongs to one staff member; its file is removed after the import,
// after ten idle minutes, and (leftovers of a stopped kiosk) at the owner's next start. A catalogue
// export holds no personal data.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_CHUNK_BYTES } from '#contract/catalogue';
import type { KioskContext } from '../context';
import { KioskError, notFound, refused } from '../errors';

export interface Upload {
  staffId: number;
  fileName: string;
  size: number;
  target: 'catalogue' | 'rotation';
  /** Where the chunks are appended. */
  path: string;
  chunks: number;
  received: number;
  lastUsed: number;
}

const IDLE_MS = 10 * 60 * 1000;
const MAX_OPEN = 3;
/** Free space left beside an upload: the import itself needs room (the catalogue grows by about 2.5 times a MARC file). */
const SPARE_BYTES = 256 * 1024 * 1024;
const byKiosk = new WeakMap<KioskContext, Map<string, Upload>>();

const uploadsFolder = (ctx: KioskContext) => join(ctx.dataDir, 'catalogue-uploads');

/** At the owner's start: files of uploads a stopped kiosk left behind. */
export function removeLeftoverUploads(ctx: KioskContext): void {
  if (ctx.role === 'owner') rmSync(uploadsFolder(ctx), { recursive: true, force: true });
}

function uploads(ctx: KioskContext): Map<string, Upload> {
  let map = byKiosk.get(ctx);
  if (!map) byKiosk.set(ctx, (map = new Map()));
  const now = ctx.clock.monotonic();
  for (const [id, upload] of map) if (now - upload.lastUsed > IDLE_MS) drop(map, id);
  return map;
}

function drop(map: Map<string, Upload>, id: string): void {
  const upload = map.get(id);
  map.delete(id);
  if (upload) rmSync(upload.path, { force: true });
}

export function beginUpload(ctx: KioskContext, staffId: number, fileName: string, size: number, target: Upload['target']): string {
  const map = uploads(ctx);
  if (map.size >= MAX_OPEN) throw refused('too_many_uploads', 'Đang có quá nhiều lượt nhập tệp dở dang. Hãy đợi 10 phút hoặc khởi động lại kiosk rồi thử lại.');
  const folder = uploadsFolder(ctx);
  mkdirSync(folder, { recursive: true });
  const { bavail, bsize } = statfsSync(folder);
  const free = bavail * bsize;
  if (size + SPARE_BYTES > free) {
    const gb = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
    throw refused(
      'upload_no_space',
      `Máy không đủ chỗ trống để nhập tệp ${gb(size)} GB (còn trống ${gb(free)} GB, cần thêm chỗ cho vốn sách). Hãy xóa bớt tệp không cần trên máy rồi nhập lại, hoặc báo kỹ thuật viên.`,
      { needGb: gb(size), freeGb: gb(free) },
    );
  }
  const id = randomBytes(12).toString('base64url');
  const path = join(folder, `${id}.part`);
  writeFileSync(path, new Uint8Array(0));
  map.set(id, { staffId, fileName, size, target, path, chunks: 0, received: 0, lastUsed: ctx.clock.monotonic() });
  return id;
}

function find(ctx: KioskContext, staffId: number, id: string): Upload {
  const upload = uploads(ctx).get(id);
  if (!upload || upload.staffId !== staffId)
    throw notFound('upload_not_found', 'Không tìm thấy lượt tải tệp này (có thể đã quá 10 phút). Hãy chọn lại tệp và nhập lại.');
  upload.lastUsed = ctx.clock.monotonic();
  return upload;
}

export function addChunk(ctx: KioskContext, staffId: number, id: string, index: number, base64: string): number {
  const upload = find(ctx, staffId, id);
  if (index !== upload.chunks) throw new KioskError('conflict', 'Các phần của tệp đến sai thứ tự. Hãy chọn lại tệp và nhập lại.', { reason: 'chunk_order' });
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > IMPORT_CHUNK_BYTES || upload.received + bytes.length > upload.size) {
    drop(uploads(ctx), id);
    throw refused('upload_too_big', 'Tệp gửi lên lớn hơn kích thước đã báo. Hãy chọn lại tệp và nhập lại.');
  }
  appendFileSync(upload.path, bytes);
  upload.chunks++;
  upload.received += bytes.length;
  return upload.received;
}

/**
 * Hands over a complete upload: its file, which the caller streams and must remove with
 * `release()` when the import is over (whatever its outcome).
 */
export function takeUpload(ctx: KioskContext, staffId: number, id: string): Upload & { release(): void } {
  const upload = find(ctx, staffId, id);
  if (upload.received !== upload.size) {
    throw refused('upload_incomplete', `Tệp mới tải lên được ${upload.received}/${upload.size} byte. Hãy chọn lại tệp và nhập lại.`);
  }
  uploads(ctx).delete(id);
  return { ...upload, release: () => rmSync(upload.path, { force: true }) };
}
