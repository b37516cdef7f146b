// Downloading a pack from a URL when the kiosk is online: streamed to a temporary file (never held in
// memory), capped at the room left in the quota, then installed like a pack from a USB stick.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { installPack, type InstallOptions } from './install';
import { stagingRoot } from './paths';
import { reject } from './rejections';
import { usedBytes } from './store';

export async function installPackFromUrl(ctx: KioskContext, url: string, options: InstallOptions = {}) {
  if (!/^https?:\/\//i.test(url)) throw reject.downloadFailed('chỉ hỗ trợ địa chỉ http:// hoặc https://');
  const limit = ctx.config.eresources.quotaMegabytes * 1024 * 1024 - usedBytes(ctx.db);
  const dir = stagingRoot(ctx.dataDir);
  await mkdir(dir, { recursive: true });
  const file = join(dir, `download-${randomBytes(6).toString('hex')}.zip`);
  try {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30 * 60 * 1000) });
    } catch (error) {
      throw reject.downloadFailed((error as Error).message);
    }
    if (!response.ok || !response.body) throw reject.downloadFailed(`máy chủ trả lời ${response.status}`);
    const total = Number(response.headers.get('content-length') ?? 0);
    if (total > limit) throw reject.overQuota(total, limit, ctx.config.eresources.quotaMegabytes * 1024 * 1024);
    let done = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        done += chunk.length;
        if (done > limit) return callback(reject.overQuota(done, limit, ctx.config.eresources.quotaMegabytes * 1024 * 1024));
        options.onProgress?.({ phase: 'checking', bytesDone: done, bytesTotal: total || done });
        callback(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), meter, createWriteStream(file));
    } catch (error) {
      if (error instanceof KioskError) throw error;
      throw reject.downloadFailed((error as Error).message);
    }
    return await installPack(ctx, file, options);
  } finally {
    await rm(file, { force: true });
  }
}
