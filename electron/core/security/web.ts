// Web security rules shared by both transports: the UI's Content-Security-Policy and path
// containment for files served to it (browser-mode host and Electron's app:// protocol).
import { join, normalize, sep } from 'node:path';

/**
 * Browser mode serves the same files on the other loopback name too (127.0.0.1 <-> localhost): a
 * separate origin, with its own cookies and storage, for the internet service's placeholder page.
 * Only that sibling may be framed by, or frame, the kiosk screen.
 */
export function loopbackSibling(origin: string): string | undefined {
  const match = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.exec(origin);
  if (!match) return undefined;
  return `http://${match[1] === 'localhost' ? '127.0.0.1' : 'localhost'}${match[2] ?? ''}`;
}

export function contentSecurityPolicy(origin: string): string {
  const ws = origin.replace(/^http/, 'ws');
  const sibling = loopbackSibling(origin);
  return [
    "default-src 'self'",
    `connect-src 'self' ${ws}`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "style-src 'self' 'unsafe-inline' blob:",
    "font-src 'self' data: blob:",
    "script-src 'self'",
    "worker-src 'self' blob:",
    `frame-src 'self' blob:${sibling ? ` ${sibling}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    sibling ? `frame-ancestors 'self' ${origin}` : "frame-ancestors 'none'",
  ].join('; ');
}

/** Resolves a URL path inside `root`, or undefined when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = normalize(join(root, decoded));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return full === normalize(root) || full.startsWith(base) ? full : undefined;
}
