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
import { refused } from '../errors';
import { decodeWith, guessLegacyEncoding, encodingRefusal, type TextEncoding } from './encoding';
import type { ReadOutcome, ReadUnit } from './read-file';
import { csvDelimiter, isEmptyRow, mapTableRow, parseCsv, tableHeader, tableRow, type TableColumns } from './tabular';

/** A segment is cut at the first record end past this many bytes… */
export const SEGMENT_BYTES = 4 << 20;
/** …or past this many lines (a file of blank lines makes a record of each). */
const SEGMENT_LINES = 64 * 1024;
/** A record longer than this is a quote never closed, or a file without line breaks: refused, not read whole. */
export const LONGEST_RECORD_BYTES = 64 << 20;

export interface CsvSegment {
  start: number;
  end: number;
}

const LF = 0x0a;
const QUOTE = 0x22;

/** Reads `length` bytes at `position` (a file, or bytes in tests); fewer only at the end. */
export type ReadAt = (position: number, length: number) => Uint8Array;
/** Where the CSV's bytes come from: opened once per pass, closed after it. */
export interface CsvSource {
  size: number;
  open(): { readAt: ReadAt; close(): void };
}

type Segments = { ok: true; segments: CsvSegment[]; utf8: boolean } | { ok: false; reason: 'bad_csv'; message: string };

/**
 * Cuts `size` bytes from `from` into segments that each end after a newline outside quotes, at the
 * first such newline past `segmentBytes` or SEGMENT_LINES lines, and says whether all of it is
 * valid UTF-8. (Line numbers are csv-parse's own, carried from segment to segment by the reader;
 * the line feeds counted here only cut segments and name where a refused file went wrong.)
 */
export function csvSegments(readAt: ReadAt, size: number, from = 0, segmentBytes = SEGMENT_BYTES, longestRecord = LONGEST_RECORD_BYTES): Segments {
  const segments: CsvSegment[] = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  let inQuotes = false;
  let quoteLine = 0;
  let lines = 0;
  let segmentStart = from;
  let segmentLines = 0;
  for (let position = from; position < size;) {
    const block = readAt(position, Math.min(SEGMENT_BYTES, size - position));
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
      if (byte === LF) {
        lines++;
        if (inQuotes) continue;
        const end = position + i + 1;
        if (end - segmentStart >= segmentBytes || lines - segmentLines >= SEGMENT_LINES) {
          segments.push({ start: segmentStart, end });
          segmentStart = end;
          segmentLines = lines;
        }
        continue;
      }
      if (byte === QUOTE) {
        inQuotes = !inQuotes;
        if (inQuotes) quoteLine = lines + 1;
      }
    }
    position += block.length;
    if (position - segmentStart > longestRecord) {
      const where = inQuotes ? `: dấu ngoặc kép mở ở dòng ${quoteLine} không đóng` : `: không có dấu xuống dòng sau dòng ${segmentLines}`;
      return {
        ok: false,
        reason: 'bad_csv',
        message: `Tệp CSV có một bản ghi dài hơn ${longestRecord / 2 ** 20} MB${where}. Hãy mở bằng Excel, lưu lại dạng "CSV UTF-8" rồi nhập lại. Chưa có gì được nhập.`,
      };
    }
  }
  if (valid) {
    try {
      utf8.decode();
    } catch {
      valid = false;
    }
  }
  if (segmentStart < size) segments.push({ start: segmentStart, end: size });
  return { ok: true, segments, utf8: valid };
}

const refusal = (reason: string, message: string): ReadOutcome => ({ ok: false, reason, message });
/**
 * The file is not what the first pass read (still being copied, replaced, the stick pulled out):
 * the import stops whole. Screens say it with the reader's "stopped midway" sentence.
 */
const fileChanged = () =>
  refused(
    'reader_stopped',
    'Tệp đã thay đổi trong lúc nhập (có thể đang được chép vào, hoặc USB bị rút ra). Chưa có gì được nhập. Hãy chờ chép xong, cắm lại USB rồi nhập lại.',
  );
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads a CSV of any size: `chosen` is the encoding staff named, else UTF-8 when the whole file
 * is, else the legacy encoding its first megabyte reads as. The first pass runs now; the rows are
 * yielded lazily by a second pass that opens the source again only when they are read.
 */
export function readCsvSegments(source: CsvSource, chosen?: TextEncoding, segmentBytes = SEGMENT_BYTES): ReadOutcome {
  const first = source.open();
  try {
    const head = first.readAt(0, Math.min(source.size, 1 << 20));
    // A UTF-8 byte-order mark is not part of the text, whatever the encoding turns out to be.
    const from = UTF8_BOM.every((b, i) => head[i] === b) ? 3 : 0;
    const cut = csvSegments(first.readAt, source.size, from, segmentBytes);
    if (!cut.ok) return cut;
    const { segments } = cut;
    let encoding: TextEncoding = chosen ?? 'utf-8';
    let confidence: number | undefined;
    if (!chosen && !cut.utf8) {
      const legacy = guessLegacyEncoding(head.subarray(from));
      if (!legacy.ok) return encodingRefusal(legacy);
      encoding = legacy.encoding;
      confidence = legacy.confidence;
    }
    const textOf = (readAt: ReadAt, segment: CsvSegment) => decodeWith(readAt(segment.start, segment.end - segment.start), encoding);
    const delimiter = segments.length ? csvDelimiter(textOf(first.readAt, segments[0]!)) : ',';

    // First pass: every segment parses, the header is found, the rows are counted, and each
    // segment's first line number is the line after its predecessor's last record, as csv-parse
    // counted them (a line break inside a quoted cell counts as the whole file's reading counts it).
    let header: TableColumns | undefined;
    let count = 0;
    const lineOffsets: number[] = [];
    let lineOffset = 0;
    for (const segment of segments) {
      lineOffsets.push(lineOffset);
      const parsed = parseCsv(textOf(first.readAt, segment), delimiter, lineOffset);
      if (!parsed.ok) return parsed;
      lineOffset = parsed.records.at(-1)?.info.lines ?? lineOffset;
      for (const { record, info } of parsed.records) {
        if (!header) {
          if (isEmptyRow(record)) continue;
          const found = tableHeader(record);
          if (!found.ok) return found;
          header = found.columns;
        } else if (tableRow(header, record, info.lines)) count++;
      }
    }
    if (!header) return refusal('empty', 'Bảng tính rỗng, không có dòng nào. Hãy kiểm tra lại đã chọn đúng tệp chưa.');
    if (count === 0) return refusal('empty', 'Bảng tính chỉ có dòng tiêu đề, không có sách nào. Hãy thêm sách vào các dòng bên dưới rồi nhập lại.');

    const columns = header;
    function* units(): Generator<ReadUnit> {
      const second = source.open();
      try {
        let seenHeader = false;
        let yielded = 0;
        for (const [k, segment] of segments.entries()) {
          const parsed = parseCsv(textOf(second.readAt, segment), delimiter, lineOffsets[k]);
          // The file changed between the passes (still being copied, replaced on the stick): stop
          // the import whole rather than import part of it.
          if (!parsed.ok) throw fileChanged();
          for (const { record, info } of parsed.records) {
            if (!seenHeader) {
              seenHeader = !isEmptyRow(record);
              continue;
            }
            const row = tableRow(columns, record, info.lines);
            if (row) {
              yielded++;
              yield { at: row.line, unit: 'line', mapped: mapTableRow(row), row };
            }
          }
        }
        if (yielded !== count) throw fileChanged();
      } finally {
        second.close();
      }
    }
    return { ok: true, format: 'csv', encoding, ...(confidence !== undefined ? { confidence } : {}), count, units: units() };
  } finally {
    first.close();
  }
}

/** A CSV file on disk as a source: each pass opens it, checks it is the file first seen, and reads it whole-heartedly (short reads retried). */
export function csvFileSource(path: string): CsvSource {
  const seen = fstatOf(path);
  return {
    size: seen.size,
    open() {
      const fd = openSync(path, 'r');
      const now = fstatSync(fd);
      if (now.size !== seen.size || now.mtimeMs !== seen.mtimeMs) {
        closeSync(fd);
        throw fileChanged();
      }
      return {
        readAt(position, length) {
          const buffer = Buffer.allocUnsafe(length);
          let got = 0;
          while (got < length) {
            const n = readSync(fd, buffer, got, length - got, position + got);
            if (n === 0) break;
            got += n;
          }
          return buffer.subarray(0, got);
        },
        close: () => closeSync(fd),
      };
    },
  };
}

function fstatOf(path: string) {
  const fd = openSync(path, 'r');
  try {
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Bytes in hand as a source (tests, and the same code path as a file). */
export function csvBytesSource(bytes: Uint8Array): CsvSource {
  return { size: bytes.length, open: () => ({ readAt: (position, length) => bytes.subarray(position, position + length), close: () => undefined }) };
}

export const readCsvFile = (path: string, chosen?: TextEncoding): ReadOutcome => readCsvSegments(csvFileSource(path), chosen);
