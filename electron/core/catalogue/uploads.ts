// Import files arriving from the staff screen in chunks (one WebSocket message is limited to
// 1 MB). Held in memory only, per kiosk, for one staff member, and dropped after the import or
// after ten idle minutes: an import file never lands on disk.
import { randomBytes } from 'node:crypto';
import { IMPORT_CHUNK_BYTES } from '../../contract/catalogue';
import type { KioskContext } from '../context';
import { KioskError, notFound, refused } from '../errors';

export interface Upload {
  staffId: number;
  fileName: string;
  size: number;
  target: 'catalogue' | 'rotation';
  chunks: Buffer[];
  received: number;
  lastUsed: number;
}

const IDLE_MS = 10 * 60 * 1000;
const MAX_OPEN = 3;
const byKiosk = new WeakMap<KioskContext, Map<string, Upload>>();

function uploads(ctx: KioskContext): Map<string, Upload> {
  let map = byKiosk.get(ctx);
  if (!map) byKiosk.set(ctx, (map = new Map()));
  const now = ctx.clock.monotonic();
  for (const [id, upload] of map) if (now - upload.lastUsed > IDLE_MS) map.delete(id);
  return map;
}

export function beginUpload(ctx: KioskContext, staffId: number, fileName: string, size: number, target: Upload['target']): string {
  const map = uploads(ctx);
  if (map.size >= MAX_OPEN) throw refused('too_many_uploads', 'Đang có quá nhiều lượt nhập tệp dở dang. Hãy đợi 10 phút hoặc khởi động lại kiosk rồi thử lại.');
  const id = randomBytes(12).toString('base64url');
  map.set(id, { staffId, fileName, size, target, chunks: [], received: 0, lastUsed: ctx.clock.monotonic() });
  return id;
}

function find(ctx: KioskContext, staffId: number, id: string): Upload {
  const upload = uploads(ctx).get(id);
  if (!upload || upload.staffId !== staffId) throw notFound('upload_not_found', 'Không tìm thấy lượt tải tệp này (có thể đã quá 10 phút). Hãy chọn lại tệp và nhập lại.');
  upload.lastUsed = ctx.clock.monotonic();
  return upload;
}

export function addChunk(ctx: KioskContext, staffId: number, id: string, index: number, base64: string): number {
  const upload = find(ctx, staffId, id);
  if (index !== upload.chunks.length) throw new KioskError('conflict', 'Các phần của tệp đến sai thứ tự. Hãy chọn lại tệp và nhập lại.', { reason: 'chunk_order' });
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > IMPORT_CHUNK_BYTES || upload.received + bytes.length > upload.size) {
    uploads(ctx).delete(id);
    throw refused('upload_too_big', 'Tệp gửi lên lớn hơn kích thước đã báo. Hãy chọn lại tệp và nhập lại.');
  }
  upload.chunks.push(bytes);
  upload.received += bytes.length;
  return upload.received;
}

/** Takes the whole file out of memory once every byte has arrived. */
export function takeUpload(ctx: KioskContext, staffId: number, id: string): Upload & { bytes: Buffer } {
  const upload = find(ctx, staffId, id);
  if (upload.received !== upload.size) {
    throw refused('upload_incomplete', `Tệp mới tải lên được ${upload.received}/${upload.size} byte. Hãy chọn lại tệp và nhập lại.`);
  }
  uploads(ctx).delete(id);
  return { ...upload, bytes: Buffer.concat(upload.chunks) };
}
