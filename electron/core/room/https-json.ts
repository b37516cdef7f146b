// One JSON request over HTTPS on the room's links (kiosk → hub), with a timeout and a size limit
// on the answer. TLS settings (CA, client certificate, the hub's name) come from the caller.
import { request, type RequestOptions } from 'node:https';
import { BodyTooLarge, parseJson, readBody } from './http-body';

export interface JsonAnswer {
  status: number;
  json: unknown;
}

export function postJson(options: RequestOptions, body: unknown, limit: number, timeoutMs: number): Promise<JsonAnswer> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { ...options, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }, timeout: timeoutMs },
      (res) => {
        readBody(res, limit).then(
          (bytes) => resolve({ status: res.statusCode ?? 0, json: parseJson(bytes) }),
          (error: unknown) => reject(error instanceof BodyTooLarge ? new Error('answer too large') : error),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
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
