// Streaming zip reading over yauzl: walk the central directory entry by entry and open one entry's
// data as a stream, so a pack of any size is never held in memory. Entry names are decoded and
// checked by us (decodeStrings: false) so an unsafe path becomes a clear rejection, not a crash.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Readable } from 'node:stream';

export interface ZipEntryInfo {
  /** The name as written in the zip (UTF-8), directories ending with '/'. */
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  isDirectory: boolean;
  isSymlink: boolean;
  entry: Entry;
}

export class CorruptZipError extends Error {}

export function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (error, zip) => {
      if (error || !zip) reject(new CorruptZipError(error?.message ?? 'no zip'));
      else resolve(zip);
    });
  });
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export function describeEntry(entry: Entry): ZipEntryInfo {
  const raw = entry.fileName as unknown as Buffer | string;
  const name = typeof raw === 'string' ? raw : raw.toString('utf8');
  // Unix-made zips keep the file mode in the high 16 bits of the external attributes.
  const mode = (entry.externalFileAttributes >>> 16) & 0xffff;
  const madeByUnix = entry.versionMadeBy >> 8 === 3;
  return {
    name,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    isDirectory: name.endsWith('/'),
    isSymlink: madeByUnix && (mode & S_IFMT) === S_IFLNK,
    entry,
  };
}

/** Calls `visit` for each entry in central-directory order; `visit` may read the entry before returning. */
export async function forEachEntry(zip: ZipFile, visit: (info: ZipEntryInfo) => Promise<void>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      // yauzl's own errors (bad signatures, truncated data) mean a damaged zip; ours pass through.
      reject(error instanceof Error && error.constructor !== Error ? error : new CorruptZipError(String((error as Error)?.message ?? error)));
    };
    zip.on('error', fail);
    zip.on('end', () => !failed && resolve());
    zip.on('entry', (entry: Entry) => {
      visit(describeEntry(entry)).then(
        () => !failed && zip.readEntry(),
        (error: unknown) => fail(error),
      );
    });
    zip.readEntry();
  });
}

export function openEntryStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(new CorruptZipError(error?.message ?? 'no stream'));
      else resolve(stream);
    });
  });
}

/** Reads one small entry fully (the manifest), refusing more than `limit` bytes. */
export async function readEntryText(zip: ZipFile, entry: Entry, limit: number): Promise<string | undefined> {
  if (entry.uncompressedSize > limit) return undefined;
  const stream = await openEntryStream(zip, entry);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > limit) {
        stream.destroy();
        return undefined;
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw new CorruptZipError((error as Error).message);
  }
  return Buffer.concat(chunks).toString('utf8');
}
