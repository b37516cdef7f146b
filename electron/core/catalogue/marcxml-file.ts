// A MARCXML file of any size, read from disk in chunks and never whole, as iso2709-file.ts does for
// MARC21: a province's Koha exports MARCXML as readily as MARC21. Two passes: the first checks that
// the file is UTF-8 and well-formed XML and counts its records, so a broken file is refused before
// anything is written and progress has a total; the second parses it again and hands the records
// on as each closes. Memory holds one chunk and the records it completes.
//
// Only UTF-8 is read this way (MARCXML is UTF-8 by its schema; a file in a legacy encoding is read
// whole, within read-file.ts's limit): the decoder carries a character cut between two chunks over
// to the next, which a legacy table with combining tone marks could not do safely.
import { closeSync, openSync, readSync } from 'node:fs';
import type { MarcFatal } from './marc';
import { feedMarcXml, marcXmlFatal, marcXmlParser, type MarcXmlUnit } from './marcxml';

/** Bytes read at a time: large enough that a read costs little, small enough to keep memory flat. */
const CHUNK_BYTES = 4 << 20;

/** The file's bytes from `from`, one chunk at a time (the buffer is reused: decode before the next). */
function* chunksOf(path: string, from: number, chunkBytes: number): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    for (let position = from; ;) {
      const read = readSync(fd, chunk, 0, chunkBytes, position);
      if (read === 0) return;
      position += read;
      yield chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** Hands the file's text chunk by chunk; false when it is not UTF-8. */
function eachText(path: string, from: number, chunkBytes: number, take: (text: string) => void): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (const bytes of chunksOf(path, from, chunkBytes)) take(decoder.decode(bytes, { stream: true }));
    take(decoder.decode());
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

export type MarcXmlScan = { ok: true; count: number } | { ok: false; fatal: MarcFatal } | { ok: false; notUtf8: true };

/** The first pass: UTF-8, well-formed, and how many records (read or refused one by one). */
export function scanMarcXmlFile(path: string, from: number, chunkBytes = CHUNK_BYTES): MarcXmlScan {
  let count = 0;
  const progress = marcXmlParser(() => count++);
  const utf8 = eachText(path, from, chunkBytes, (text) => {
    // Past a fault the rest says nothing new, but the file is still read to tell UTF-8 from not.
    if (progress.failure === undefined) feedMarcXml(progress, text);
  });
  if (!utf8) return { ok: false, notUtf8: true };
  feedMarcXml(progress, null);
  const fatal = marcXmlFatal(progress);
  return fatal ? { ok: false, fatal } : { ok: true, count };
}

/** The second pass: the records in file order, each as its </record> closes. */
export function* readMarcXmlFile(path: string, from: number, chunkBytes = CHUNK_BYTES): Generator<MarcXmlUnit> {
  const decoder = new TextDecoder('utf-8');
  const done: MarcXmlUnit[] = [];
  const progress = marcXmlParser((unit) => done.push(unit));
  for (const bytes of chunksOf(path, from, chunkBytes)) {
    feedMarcXml(progress, decoder.decode(bytes, { stream: true }));
    yield* done.splice(0);
  }
  feedMarcXml(progress, decoder.decode());
  feedMarcXml(progress, null);
  yield* done.splice(0);
}
