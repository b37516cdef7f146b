// One JSON request over HTTPS on the room's links (kiosk → hub), with a timeout and a size limit
// on the answer. TLS settings (CA, client certificate, the hub's name) come from the caller.
import { request, type RequestOptions } from 'node:https';
import { BodyTooLarge, parseJson, readBody } from './http-body';

export interface JsonAnswer {
  status: number;
  json: unknown;
}

/**
 * The request failed after it had been handed to a connection the hub had accepted (TLS done): the
 * hub may have carried it out and only its answer was lost, so the caller must not say nothing changed.
 */
export class AnswerLost extends Error {
  constructor(cause: Error) {
    super(cause.message, { cause });
  }
}

export function postJson(options: RequestOptions, body: unknown, limit: number, timeoutMs: number): Promise<JsonAnswer> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    // Written out ('finish') means it went over a connection whose handshake the hub completed (an
    // HTTPS request is held until then): from there on a failure leaves the outcome unknown.
    let sent = false;
    const req = request(
      { ...options, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }, timeout: timeoutMs },
      (res) => {
        readBody(res, limit).then(
          (bytes) => resolve({ status: res.statusCode ?? 0, json: parseJson(bytes) }),
          (error: unknown) => reject(error instanceof BodyTooLarge ? new Error('answer too large') : error),
        );
      },
    );
    req.on('finish', () => (sent = true));
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => reject(sent ? new AnswerLost(error) : error));
    req.end(text);
  });
}

/** `host[:port]` as a technician types it (an IPv6 address in brackets), with the port to use when none is given. */
export function parseHubAddress(address: string, defaultPort: number): { host: string; port: number } | undefined {
  let url: URL;
  try {
    url = new URL(`https://${address.trim()}`);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash || !url.hostname) return undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: url.port ? Number(url.port) : defaultPort };
}
