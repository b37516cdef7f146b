// Pass 2 of a pack install (install.ts): stream each declared file of the zip into staging while
// hashing, counting and sniffing it. Runs in a worker thread (extract-worker.ts) or, when none can
// start, in the calling thread; nothing here touches the database.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ZipFile } from 'yauzl';
import { KioskError } from '../errors';
import { declaredFiles, type PackManifest } from './manifest';
import { reject } from './rejections';
import { mimeFits, sniffMime, SNIFF_BYTES } from './sniff';
import { forEachEntry, openEntryStream, openZip } from './zip';

export function isKiosk(error: unknown): error is KioskError {
  return error instanceof KioskError;
}

export function fsFailure(error: unknown): KioskError | undefined {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return reject.diskFull();
  return undefined;
}

export async function openZipOrReject(path: string): Promise<ZipFile> {
  try {
    return await openZip(path);
  } catch (error) {
    throw reject.corruptZip((error as Error).message);
  }
}

export async function runZip<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (isKiosk(error)) throw error;
    throw fsFailure(error) ?? reject.corruptZip((error as Error).message);
  }
}

/** Pass 2: stream each declared file into staging, hashing, counting and sniffing as it goes. */
async function extractVerified(zip: ZipFile, manifest: PackManifest, staging: string, progress: (done: number) => void): Promise<Map<string, string>> {
  const declared = declaredFiles(manifest);
  const mimes = new Map<string, string>();
  let done = 0;
  await forEachEntry(zip, async (info) => {
    const wanted = declared.get(info.name);
    if (!wanted || info.isDirectory) return;
    const target = join(staging, ...info.name.split('/'));
    await mkdir(dirname(target), { recursive: true });
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headBytes = 0;
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        if (bytes > wanted.file.size) {
          callback(reject.sizeMismatch(info.name));
          return;
        }
        hash.update(chunk);
        if (headBytes < SNIFF_BYTES) {
          head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
          headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
        }
        done += chunk.length;
        progress(done);
        callback(null, chunk);
      },
    });
    const source = await openEntryStream(zip, info.entry);
    try {
      await pipeline(source, meter, createWriteStream(target, { flags: 'wx' }));
    } catch (error) {
      throw isKiosk(error) ? error : (fsFailure(error) ?? reject.corruptZip(`không đọc được "${info.name}": ${(error as Error).message}`));
    }
    if (bytes !== wanted.file.size) throw reject.sizeMismatch(info.name);
    if (hash.digest('hex') !== wanted.file.sha256) throw reject.checksumMismatch(info.name);
    const mime = await sniffMime(Buffer.concat(head));
    if (!mimeFits(wanted.format, mime)) throw reject.typeMismatch(info.name, wanted.format === 'cover' ? 'ảnh bìa' : wanted.format.toUpperCase(), mime);
    mimes.set(info.name, mime!);
  });
  return mimes;
}

/** Opens the zip, extracts the verified files into staging, closes it. */
export async function extractPackFiles(
  zipPath: string,
  manifest: PackManifest,
  staging: string,
  progress: (done: number) => void,
): Promise<Map<string, string>> {
  const zip = await openZipOrReject(zipPath);
  try {
    return await runZip(() => extractVerified(zip, manifest, staging, progress));
  } finally {
    zip.close();
  }
}
