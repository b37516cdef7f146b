// Writing zips for generated content (EPUBs, content packs) with yazl, streamed to a file.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export interface ZipItem {
  path: string;
  /** In-memory content, or `file` to stream from disk (big packs). */
  data?: Buffer | Uint8Array | string;
  file?: string;
  /** Stored without compression (EPUB's mimetype must be). */
  store?: boolean;
  /** Unix mode for the entry; 0o120777 makes a symbolic link (for rejection tests). */
  mode?: number;
}

export async function writeZip(target: string, items: ZipItem[]): Promise<void> {
  const zip = new ZipFile();
  const done = pipeline(zip.outputStream, createWriteStream(target));
  for (const item of items) {
    const options = { compress: !item.store, mtime: new Date('2026-01-01T00:00:00Z'), ...(item.mode ? { mode: item.mode } : {}) };
    if (item.file) zip.addFile(item.file, item.path, options);
    else zip.addBuffer(Buffer.from(item.data ?? ''), item.path, options);
  }
  zip.end();
  await done;
}

/** Same as writeZip but into memory (small EPUBs). */
export async function zipToBuffer(items: ZipItem[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const item of items) zip.addBuffer(Buffer.from(item.data ?? ''), item.path, { compress: !item.store, mtime: new Date('2026-01-01T00:00:00Z') });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
