// The sentences and HTTP answers of the room's two ports when they say no.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { BodyTooLarge, parseJson, readBody } from './http-body';
import type { roomRefusal } from '#contract/room';
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

/** What a resident reads at a room kiosk when the hub does not answer (the address goes to the log, not the screen). */
export const hubUnreachable = () =>
  new KioskError(
    'unavailable',
    'Không kết nối được máy trung tâm của phòng đọc nên máy này chưa mượn trả được; chưa có gì thay đổi. Hãy thử lại sau ít phút hoặc mượn trả ở máy trung tâm; nếu vẫn không được, báo cán bộ thư viện.',
    { reason: 'room_hub_unreachable' },
  );

/**
 * The hub took the request but its answer never came (a link that drops or stalls): what was asked may
 * have been done. Scanning again is safe (a copy already lent to that resident is answered with the
 * loan; a copy already returned is said to be back); anything else is to be looked at first.
 */
export const hubAnswerLost = () =>
  new KioskError(
    'unavailable',
    'Máy trung tâm không trả lời kịp, nên máy này chưa biết việc vừa rồi đã được ghi hay chưa. Quét lại sách thì không mượn hay trả một cuốn hai lần; việc khác, vui lòng xem lại trước khi làm lại. Nếu vẫn không được, báo cán bộ thư viện.',
    { reason: 'room_hub_no_answer' },
  );

/** What the technician reads when pairing cannot reach the hub. */
export const hubNotAnswering = (where: string) =>
  new KioskError(
    'unavailable',
    `Không kết nối được máy trung tâm ở địa chỉ ${where}. Hãy kiểm tra máy trung tâm đang bật, đã chạy "kiosk room hub" và khởi động lại, cùng mạng LAN, và cổng ghép máy đúng; rồi thử lại.`,
    { reason: 'room_hub_unreachable' },
  );

export const pcRevoked = () =>
  new KioskError('unauthorized', 'Máy này đã bị gỡ khỏi phòng đọc trên máy trung tâm. Hãy báo kỹ thuật viên để ghép lại máy.', { reason: 'room_pc_revoked' });

/**
 * The body of a POST to `path`, parsed by `schema`; or undefined once the refusal is sent (404 for
 * another path, 405 for another verb, 413 past `limit`, 400 when it is not the schema's JSON).
 */
function refuse(res: ServerResponse, status: number, reason: string, message: string, close: boolean): undefined {
  sendRefusal(res, status, reason, message, close);
  return undefined;
}

export async function acceptJson<T extends z.ZodType>(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  limit: number,
  schema: T,
  close: boolean,
): Promise<z.output<T> | undefined> {
  if ((req.url ?? '').split('?')[0] !== path) return refuse(res, 404, 'not_found', NOT_HERE, close);
  if (req.method !== 'POST') return refuse(res, 405, 'method', NOT_HERE, close);
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuse(res, 413, 'too_large', TOO_LARGE, true);
    throw error;
  }
  const parsed = schema.safeParse(parseJson(body));
  if (!parsed.success) return refuse(res, 400, 'invalid_request', BAD_REQUEST, close);
  return parsed.data;
}
