// A MARC21 (ISO 2709) file of any size, read from disk in chunks and never whole: a provincial
// export can be a gigabyte. Two passes over the file: the first checks its structure (every
// record's length ends on a record terminator), counts the records and tells whether the bytes are
// UTF-8, so a broken file is refused before anything is written and progress has a total; the
// second decodes the records one chunk at a time. Memory holds one chunk (plus one record that
// straddles two chunks), whatever the file's size.
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { TextEncoding } from './encoding';
import { EMPTY_MARC, nextIso2709Bound, parseIso2709Record, skipBlank, type Iso2709Bound } from './iso2709';
import type { MarcFatal, MarcRecord, MarcRecordError } from './marc';

/** Bytes read at a time: large enough that a read costs little, small enough to keep memory flat. */
const CHUNK_BYTES = 4 << 20;

interface Piece {
  /** Bytes holding whole records only (record-aligned, so no character is cut in two). */
  bytes: Buffer;
  bounds: Iso2709Bound[];
}

/** Walks the file's records chunk by chunk; yields record-aligned pieces or ends with a fatal fault. */
function* pieces(path: string, from: number, chunkBytes: number): Generator<Piece, MarcFatal | undefined> {
  const fd = openSync(path, 'r');
  try {
    let carry = Buffer.alloc(0);
    let base = from;
    let position = from;
    let recordNumber = 0;
    let atEnd = false;
    let seen = false;
    while (!atEnd || carry.length > 0) {
      if (!atEnd) {
        // A record longer than what is held (up to 99,999 bytes) is read in full on the next round.
        const chunk = Buffer.allocUnsafe(chunkBytes);
        const read = readSync(fd, chunk, 0, chunkBytes, position);
        position += read;
        atEnd = read === 0;
        carry = carry.length === 0 ? chunk.subarray(0, read) : Buffer.concat([carry, chunk.subarray(0, read)]);
      }
      const bounds: Iso2709Bound[] = [];
      let offset = skipBlank(carry, 0);
      while (offset < carry.length) {
        const next = nextIso2709Bound(carry, offset, recordNumber + 1, base, atEnd);
        if ('fatal' in next) return next.fatal;
        if ('more' in next) break;
        recordNumber++;
        bounds.push(next.bound);
        offset = skipBlank(carry, next.bound.end);
      }
      if (bounds.length > 0) {
        seen = true;
        yield { bytes: carry, bounds };
      }
      if (atEnd && offset >= carry.length) break;
      carry = carry.subarray(offset);
      base += offset;
    }
    return seen ? undefined : EMPTY_MARC;
  } finally {
    closeSync(fd);
  }
}

export type Iso2709FileScan = { ok: true; count: number; utf8: boolean } | { ok: false; fatal: MarcFatal };

/** First pass: structure, record count, and whether every record is valid UTF-8. Never throws on content. */
export function scanIso2709File(path: string, from: number, chunkBytes = CHUNK_BYTES): Iso2709FileScan {
  const walk = pieces(path, from, chunkBytes);
  let count = 0;
  let utf8 = true;
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value ? { ok: false, fatal: step.value } : { ok: true, count, utf8 };
    const { bytes, bounds } = step.value;
    count += bounds.length;
    if (utf8) utf8 = isUtf8(bytes.subarray(bounds[0]!.start, bounds.at(-1)!.end));
  }
}

/** Second pass: every record decoded, in order (the file was scanned first, so no fatal fault is expected). */
export function* readIso2709File(
  path: string,
  from: number,
  encoding: TextEncoding,
  chunkBytes = CHUNK_BYTES,
): Generator<{ recordNumber: number; parsed: MarcRecord | MarcRecordError }> {
  const walk = pieces(path, from, chunkBytes);
  for (;;) {
    const step = walk.next();
    if (step.done) {
      // The file changed between the two passes (still being copied?): stop rather than import half.
      if (step.value) throw new Error(`the import file changed while it was read: ${step.value.message}`);
      return;
    }
    for (const bound of step.value.bounds) yield { recordNumber: bound.recordNumber, parsed: parseIso2709Record(step.value.bytes, bound, encoding) };
  }
}
