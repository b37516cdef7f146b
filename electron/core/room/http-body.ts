// Reading a request or response body on the room's HTTPS links with a hard size limit, so a
// stranger (or a broken peer) cannot make either side buffer without end.
import type { IncomingMessage } from 'node:http';

export class BodyTooLarge extends Error {}

export function readBody(message: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(message.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      message.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        message.destroy();
        return;
      }
      chunks.push(chunk);
    });
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
    message.on('aborted', () => reject(new Error('aborted')));
  });
}

/** JSON text, or undefined when it is not JSON (the caller answers with a refusal). */
export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
