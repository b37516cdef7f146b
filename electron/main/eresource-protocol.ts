// Electron: answers app://kiosk/eresources/file/<id> and /cover/<id> from content packs, with the
// pack CSP and byte ranges, for the app:// protocol handler (`protocol.handle('app', ...)`) to call
// before it serves the renderer's own files.
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { KioskContext } from '../core/context';
import { isEresourcePath, parseRange, resolveEresourceFile } from '../core/eresources/files';

/** The response for a pack file, or undefined when the URL is not an e-resource path. */
export function eresourceResponse(ctx: KioskContext, request: Request): Response | undefined {
  const { pathname } = new URL(request.url);
  if (!isEresourcePath(pathname)) return undefined;
  const served = resolveEresourceFile(ctx, pathname);
  let size: number | undefined;
  try {
    size = served ? statSync(served.path).size : undefined;
  } catch {
    size = undefined;
  }
  if (!served || size === undefined)
    return new Response('Không tìm thấy tài liệu. Hãy quay lại Thư viện số và chọn lại.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const range = parseRange(request.headers.get('range') ?? undefined, size);
  if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  const headers: Record<string, string> = { ...served.headers, 'Content-Type': served.mime, 'Accept-Ranges': 'bytes' };
  const stream = createReadStream(served.path, range ? { start: range.start, end: range.end } : {});
  const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
  if (range) {
    return new Response(body, {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': String(range.end - range.start + 1) },
    });
  }
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(size) } });
}
