// Browser mode: serves content-pack files (`/eresources/file/<id>`, `/eresources/cover/<id>`) to the
// viewers with the pack CSP and byte ranges (pdf.js and media seeking read parts of big files).
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KioskContext } from '../core/context';
import { isEresourcePath, parseRange, resolveEresourceFile } from '../core/eresources/files';

export function serveEresourceFile(ctx: KioskContext, req: IncomingMessage, res: ServerResponse): boolean {
  const urlPath = req.url ?? '/';
  if (!isEresourcePath(urlPath)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return true;
  }
  const served = resolveEresourceFile(ctx, urlPath);
  let size: number | undefined;
  try {
    size = served ? statSync(served.path).size : undefined;
  } catch {
    size = undefined;
  }
  if (!served || size === undefined) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Không tìm thấy tài liệu. Hãy quay lại Thư viện số và chọn lại.');
    return true;
  }
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
    return true;
  }
  const headers = { ...served.headers, 'Content-Type': served.mime, 'Accept-Ranges': 'bytes' };
  if (range) {
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': range.end - range.start + 1 });
  } else {
    res.writeHead(200, { ...headers, 'Content-Length': size });
  }
  if (req.method === 'HEAD') res.end();
  else createReadStream(served.path, range ? { start: range.start, end: range.end } : {}).pipe(res);
  return true;
}
