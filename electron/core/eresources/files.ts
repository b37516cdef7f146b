// Which file on disk answers `eresources/file/<id>` and `eresources/cover/<id>`, with the headers it
// must carry. Both transports (browser-mode host, Electron's app:// protocol) serve through this.
// Pack files get a CSP of their own: an HTML pack can load nothing from the network and runs no script.
import type { KioskContext } from '../context';
import { resolveInside } from '../security/web';
import { packsRoot } from './paths';
import { findPack, findResource } from './store';
import { join } from 'node:path';

export interface ServedFile {
  path: string;
  mime: string;
  headers: Record<string, string>;
}

const ROUTE = /^\/?eresources\/(file|cover)\/(\d{1,12})$/;

/** CSP for pack content: nothing from the network, no script, and sandboxed even if opened at top level. */
export const PACK_FILE_CSP = "default-src 'none'; img-src data: blob:; media-src data: blob:; style-src 'unsafe-inline'; font-src data:; sandbox";

export function isEresourcePath(urlPath: string): boolean {
  return ROUTE.test(urlPath.split('?')[0]!);
}

export function resolveEresourceFile(ctx: KioskContext, urlPath: string): ServedFile | undefined {
  const match = ROUTE.exec(urlPath.split('?')[0]!);
  if (!match) return undefined;
  const row = findResource(ctx.db, Number(match[2]));
  if (!row?.pack_id) return undefined;
  const relative = match[1] === 'file' ? row.path : row.cover_path;
  if (!relative) return undefined;
  const pack = findPack(ctx.db, row.pack_id);
  if (!pack) return undefined;
  const folder = join(packsRoot(ctx.dataDir), pack.folder);
  const path = resolveInside(folder, relative);
  if (!path) return undefined;
  const mime = match[1] === 'file' ? (row.mime ?? 'application/octet-stream') : coverMime(relative);
  return {
    path,
    mime: mime === 'text/html' ? 'text/html; charset=utf-8' : mime,
    headers: {
      'Content-Security-Policy': PACK_FILE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // Shown inside the kiosk's viewers, never offered as a download.
      'Content-Disposition': 'inline',
      'Cache-Control': 'private, max-age=3600',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  };
}

function coverMime(path: string): string {
  const ext = path.toLowerCase().split('.').pop();
  return ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : ext === 'gif' ? 'image/gif' : 'image/jpeg';
}

/** Parses a single `Range: bytes=a-b` header against a file size; undefined = serve the whole file. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
