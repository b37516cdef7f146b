// The sentences and HTTP answers of the room's two ports when they say no.
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { roomRefusal } from '../../contract/room';
import { KioskError } from '../errors';

export function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

export function sendRefusal(res: ServerResponse, status: number, reason: string, message: string, close = false): void {
  const body: z.infer<typeof roomRefusal> = { ok: false, reason, message };
  sendJson(res, status, body, close);
}

export const BAD_REQUEST = 'Yêu cầu gửi tới máy trung tâm không đúng định dạng nên không được thực hiện. Hãy cập nhật phần mềm kiosk trên máy trạm.';
export const TOO_LARGE = 'Yêu cầu gửi tới máy trung tâm quá lớn nên không được thực hiện.';
export const NOT_HERE = 'Máy trung tâm không có địa chỉ này.';

export const hubUnreachable = (where: string) =>
  new KioskError(
    'unavailable',
    `Không kết nối được máy trung tâm của phòng đọc (${where}). Hãy kiểm tra máy trung tâm đang bật và cùng mạng LAN, rồi thử lại; nếu vẫn không được, báo cán bộ thư viện.`,
    { reason: 'room_hub_unreachable' },
  );

export const pcRevoked = () =>
  new KioskError('unauthorized', 'Máy này đã bị gỡ khỏi phòng đọc trên máy trung tâm. Hãy báo kỹ thuật viên để ghép lại máy.', { reason: 'room_pc_revoked' });
