// Reading an upload or enrolment body: bounded before and after gzip, so neither a large body nor
// a small gzip bomb can fill memory; every failure is a clear refusal that stores nothing.
import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { MAX_UPLOAD_BYTES } from '#contract/upload';
import { HttpError } from './errors';

/** Decompressed bodies are bounded too, so a small gzip bomb cannot fill memory. */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;

const tooLarge = () => new HttpError(413, 'too_large', `Gói số liệu quá lớn (tối đa ${MAX_UPLOAD_BYTES} byte). Hãy gửi ít ngày hơn mỗi lần.`);

export async function readKioskBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  let raw = Buffer.concat(chunks);
  const encoding = req.headers['content-encoding'];
  if (encoding === 'gzip') {
    try {
      raw = gunzipSync(raw, { maxOutputLength: MAX_INFLATED_BYTES });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new HttpError(413, 'too_large', 'Gói số liệu giải nén quá lớn.');
      throw new HttpError(400, 'bad_gzip', 'Gói số liệu nén gzip bị hỏng hoặc không đầy đủ. Kiosk sẽ gửi lại.');
    }
  } else if (encoding && encoding !== 'identity') {
    throw new HttpError(415, 'bad_encoding', 'Chỉ nhận gói số liệu nén gzip hoặc không nén.');
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad_json', 'Gói số liệu không phải JSON hợp lệ.');
  }
}
