// A CSV export of any size read from disk a few megabytes at a time (issue #17: "any size a province
// exports"), so memory stays flat: the file is cut into segments that end where a record ends (a
// newline outside quotes), each segment is decoded and parsed on its own, and the rows are mapped
// with the header found in the first. The first pass checks every segment parses (a broken file is
// refused before anything is imported, as for a small one) and counts the rows; the second yields
// them. csv-parse has no synchronous incremental API, and the import reads its units from a
// synchronous iterator, hence the segments rather than its stream.
//
// Cutting on bytes is safe for the encodings read here: the newline (0x0A) and the quote (0x22) are
// the same single bytes in UTF-8 and in every legacy Vietnamese encoding (TCVN3, VNI, VISCII,
// Windows-1258), and never part of another character. UTF-16 files are read whole instead.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeWith, guessLegacyEncoding, encodingRefusal, type TextEncoding } from './encoding';
import type { ReadOutcome, ReadUnit } from './read-file';
import { csvDelimiter, isEmptyRow, mapTableRow, parseCsv, tableHeader, tableRow, type Column } from './tabular';

/** Bytes read, decoded and parsed at a time. */
export const SEGMENT_BYTES = 4 << 20;

export interface CsvSegment {
  start: number;
  end: number;
  /** Lines before the segment, so rows keep the line numbers of the whole file. */
  lineOffset: number;
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;

/** Reads `length` bytes at `position` (a file, or bytes in tests). */
export type ReadAt = (position: number, length: number) => Uint8Array;

/**
 * Cuts `size` bytes into segments of about `segmentBytes` that each end after a newline outside
 * quotes (a record longer than that stays whole in a longer segment), and says whether all of it
 * is valid UTF-8.
 */
export function csvSegments(readAt: ReadAt, size: number, segmentBytes = SEGMENT_BYTES): { segments: CsvSegment[]; utf8: boolean } {
  const segments: CsvSegment[] = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  let inQuotes = false;
  let lines = 0;
  let segmentStart = 0;
  let segmentLines = 0;
  let lastBoundary = -1;
  let linesAtBoundary = 0;
  for (let position = 0; position < size;) {
    const block = readAt(position, Math.min(segmentBytes, size - position));
    if (block.length === 0) break;
    if (valid) {
      try {
        utf8.decode(block, { stream: true });
      } catch {
        valid = false;
      }
    }
    for (let i = 0; i < block.length; i++) {
      const byte = block[i]!;
      if (byte === QUOTE) inQuotes = !inQuotes;
      else if (byte === NEWLINE) {
        lines++;
        if (!inQuotes) {
          lastBoundary = position + i;
          linesAtBoundary = lines;
        }
      }
    }
    position += block.length;
    if (position - segmentStart >= segmentBytes && lastBoundary >= segmentStart) {
      segments.push({ start: segmentStart, end: lastBoundary + 1, lineOffset: segmentLines });
      segmentStart = lastBoundary + 1;
      segmentLines = linesAtBoundary;
    }
  }
  if (valid) {
    try {
      utf8.decode();
    } catch {
      valid = false;
    }
  }
  if (segmentStart < size) segments.push({ start: segmentStart, end: size, lineOffset: segmentLines });
  return { segments, utf8: valid };
}

const refusal = (reason: string, message: string): ReadOutcome => ({ ok: false, reason, message });

/**
 * Reads a CSV file of any size: `chosen` is the encoding staff named, else UTF-8 when the whole file
 * is, else the legacy encoding its first megabyte reads as. Rows are yielded lazily.
 */
export function readCsvSegments(readAt: ReadAt, size: number, chosen?: TextEncoding, segmentBytes = SEGMENT_BYTES): ReadOutcome {
  const { segments, utf8 } = csvSegments(readAt, size, segmentBytes);
  let encoding: TextEncoding = chosen ?? 'utf-8';
  let confidence: number | undefined;
  if (!chosen && !utf8) {
    const legacy = guessLegacyEncoding(readAt(0, Math.min(size, 1 << 20)));
    if (!legacy.ok) return encodingRefusal(legacy);
    encoding = legacy.encoding;
    confidence = legacy.confidence;
  }
  const textOf = (segment: CsvSegment) => decodeWith(readAt(segment.start, segment.end - segment.start), encoding);
  const delimiter = segments.length ? csvDelimiter(textOf(segments[0]!)) : ',';

  // First pass: every segment parses, the header is found, the rows are counted.
  let header: (Column | undefined)[] | undefined;
  let count = 0;
  for (const segment of segments) {
    const parsed = parseCsv(textOf(segment), delimiter, segment.lineOffset);
    if (!parsed.ok) return parsed;
    for (const { record, info } of parsed.records) {
      if (!header) {
        if (isEmptyRow(record)) continue;
        const found = tableHeader(record);
        if (!found.ok) return found;
        header = found.byPosition;
      } else if (tableRow(header, record, info.lines)) count++;
    }
  }
  if (!header) return refusal('empty', 'Bảng tính rỗng, không có dòng nào. Hãy kiểm tra lại đã chọn đúng tệp chưa.');
  if (count === 0) return refusal('empty', 'Bảng tính chỉ có dòng tiêu đề, không có sách nào. Hãy thêm sách vào các dòng bên dưới rồi nhập lại.');

  const columns = header;
  function* units(): Generator<ReadUnit> {
    let seenHeader = false;
    for (const segment of segments) {
      const parsed = parseCsv(textOf(segment), delimiter, segment.lineOffset);
      if (!parsed.ok) return;
      for (const { record, info } of parsed.records) {
        if (!seenHeader) {
          seenHeader = !isEmptyRow(record);
          continue;
        }
        const row = tableRow(columns, record, info.lines);
        if (row) yield { at: row.line, unit: 'line', mapped: mapTableRow(row), row };
      }
    }
  }
  return { ok: true, format: 'csv', encoding, ...(confidence !== undefined ? { confidence } : {}), count, units: units() };
}

/** `readCsvSegments` over a file on disk; the file stays open until its rows have been read. */
export function readCsvFile(path: string, chosen?: TextEncoding): ReadOutcome {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const readAt: ReadAt = (position, length) => {
    const buffer = Buffer.allocUnsafe(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, position));
  };
  let outcome: ReadOutcome;
  try {
    outcome = readCsvSegments(readAt, size, chosen);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (!outcome.ok) {
    closeSync(fd);
    return outcome;
  }
  const rows = outcome.units;
  function* closing(): Generator<ReadUnit> {
    try {
      yield* rows;
    } finally {
      closeSync(fd);
    }
  }
  return { ...outcome, units: closing() };
}
