// Browser mode answers only its own UI. The Origin header alone proves nothing to a local process
// (it can write any header), and a page on another name that resolves to 127.0.0.1 (DNS
// rebinding) would read the static and content-pack files. So:
//  - every request must name the host by its loopback address and port (Host header), and
//  - the WebSocket needs a secret made at each launch: it is printed only in the launch URL
//    (`KIOSK_URL=http://127.0.0.1:P/?k=SECRET`, what Chromium is opened with); the host trades it
//    for an HttpOnly SameSite=Strict cookie on that first page, and the WebSocket handshake must
//    carry the cookie besides an allowed Origin.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const LAUNCH_PARAM = 'k';
export const SESSION_COOKIE = 'kiosk_session';

export function newLaunchSecret(): string {
  return randomBytes(24).toString('base64url');
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The Host header names this host: 127.0.0.1:PORT or its sibling localhost:PORT, nothing else. */
export function hostHeaderAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The secret the request's URL carries (the launch URL), if it is the right one. */
export function carriesLaunchSecret(req: IncomingMessage, secret: string): boolean {
  const query = (req.url ?? '').split('?')[1]?.split('#')[0];
  const given = query ? new URLSearchParams(query).get(LAUNCH_PARAM) : null;
  return given !== null && same(given, secret);
}

export function sessionCookie(secret: string): string {
  return `${SESSION_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}

export function carriesSessionCookie(req: IncomingMessage, secret: string): boolean {
  const cookies = (req.headers.cookie ?? '').split(';').map((part) => part.trim());
  return cookies.some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && same(cookie.slice(SESSION_COOKIE.length + 1), secret));
}
