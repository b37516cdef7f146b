// Turning the bytes of an import file into numbered units (a MARC record or a spreadsheet row),
// each either mapped to a RecordInput or rejected with its reason. The format is recognised from
// the content, not the file name, so a misnamed export still reads. Fatal problems refuse the file.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { decodeTextFile, encodingRefusal, guessLegacyEncoding, looksBinary, type TextEncoding } from './encoding';
import { looksLikeIso2709, parseIso2709Record, scanIso2709 } from './iso2709';
import { readIso2709File, scanIso2709File } from './iso2709-file';
import { mapMarcRecord } from './marc-map';
import { looksLikeMarcXml, readMarcXml } from './marcxml';
import { readMarcXmlFile, scanMarcXmlFile } from './marcxml-file';
import type { MarcReadResult } from './marc';
import type { Mapped } from './record-input';
import type { IndexColumns } from './search-index';
import { mapTableRow, readCsv, readXlsx, type TableResult, type TableRow } from './tabular';
import { readCsvFile } from './csv-file';

export type ImportFormat = 'marc21' | 'marcxml' | 'csv' | 'xlsx';

export interface ReadUnit {
  at: number;
  unit: 'record' | 'line';
  mapped: Mapped;
  /** The spreadsheet row, for rotation manifests that carry batch columns. */
  row?: TableRow;
  /** The record's search index columns, computed ahead by the reader thread (parallel-read.ts). */
  index?: IndexColumns;
}

export type ReadOutcome =
  /** `units` is read lazily for MARC21 (one record decoded at a time keeps memory flat). */
  | { ok: true; format: ImportFormat; encoding: TextEncoding; confidence?: number; count: number; units: Iterable<ReadUnit>; rows?: TableRow[] }
  | { ok: false; reason: string; message: string };

/**
 * Where an import comes from: its bytes (small files, tests) or a file on disk (the CLI, a file
 * staff uploaded, any size). A MARC21 file on disk is streamed (iso2709-file.ts), and so is a
 * UTF-8 MARCXML file (marcxml-file.ts); spreadsheets and legacy-encoded MARCXML are read whole, so
 * they have a ceiling (WHOLE_FILE_LIMIT_BYTES).
 */
export type ImportSource = Uint8Array | { path: string };

/**
 * The largest CSV, .xlsx or legacy-encoded MARCXML file read: those are parsed whole, so this keeps
 * a small PC from running out of memory. A province's large export is MARC21 or MARCXML in UTF-8,
 * which are streamed and have no limit.
 */
export const WHOLE_FILE_LIMIT_BYTES = 256 * 1024 * 1024;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle2 = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

function fromMarc(result: MarcReadResult, format: ImportFormat, encoding: TextEncoding, confidence?: number): ReadOutcome {
  if (!result.ok) return { ok: false, reason: result.fatal.reason, message: result.fatal.message };
  const units: ReadUnit[] = result.records.map(({ recordNumber, record }) => ({
    at: recordNumber,
    unit: 'record',
    mapped: mapMarcRecord(record, recordNumber),
  }));
  for (const error of result.errors)
    units.push({ at: error.recordNumber, unit: 'record', mapped: { ok: false, problem: { reason: error.reason, message: error.message } } });
  units.sort((a, b) => a.at - b.at);
  return { ok: true, format, encoding, ...(confidence !== undefined ? { confidence } : {}), count: units.length, units };
}

function fromTable(table: TableResult, format: ImportFormat, encoding: TextEncoding, confidence?: number): ReadOutcome {
  if (!table.ok) return { ok: false, reason: table.reason, message: table.message };
  if (table.rows.length === 0) {
    return { ok: false, reason: 'empty', message: 'Bảng tính chỉ có dòng tiêu đề, không có sách nào. Hãy thêm sách vào các dòng bên dưới rồi nhập lại.' };
  }
  const units: ReadUnit[] = table.rows.map((row) => ({ at: row.line, unit: 'line', mapped: mapTableRow(row), row }));
  return { ok: true, format, encoding, ...(confidence !== undefined ? { confidence } : {}), count: units.length, units, rows: table.rows };
}

/**
 * Reads any supported import file. Never throws: every problem is a refusal with a sentence.
 * `chosen`: the encoding staff named for a file detection found ambiguous (text and MARC files).
 */
export async function readImportFile(bytes: Uint8Array, chosen?: TextEncoding): Promise<ReadOutcome> {
  if (isZip(bytes)) {
    const table = await readXlsx(bytes);
    return fromTable(table, 'xlsx', table.encoding ?? 'utf-8');
  }
  if (isOle2(bytes)) {
    return {
      ok: false,
      reason: 'old_excel',
      message: 'Đây là tệp Excel đời cũ (.xls). Hãy mở bằng Excel và lưu lại dạng .xlsx hoặc "CSV UTF-8" rồi nhập lại. Chưa có gì được nhập.',
    };
  }
  const trimmed = bytes.subarray(bytes.findIndex((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) >>> 0);
  if (looksLikeIso2709(trimmed) && !looksBinary(trimmed)) {
    // Leader/09 = 'a' declares UTF-8: trust it (a record cut mid-character is then reported as
    // truncated, not as an unknown encoding). Otherwise look at the bytes.
    let encoding: TextEncoding = chosen ?? 'utf-8';
    let confidence: number | undefined;
    if (trimmed[9] !== 0x61 && !chosen) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(trimmed);
      } catch {
        const legacy = guessLegacyEncoding(trimmed);
        if (!legacy.ok) return encodingRefusal(legacy);
        encoding = legacy.encoding;
        confidence = legacy.confidence;
      }
    }
    const scan = scanIso2709(trimmed);
    if (!scan.ok) return { ok: false, reason: scan.fatal.reason, message: scan.fatal.message };
    function* units(): Generator<ReadUnit> {
      for (const bound of scan.ok ? scan.bounds : []) {
        const parsed = parseIso2709Record(trimmed, bound, encoding);
        yield 'leader' in parsed
          ? { at: bound.recordNumber, unit: 'record', mapped: mapMarcRecord(parsed, bound.recordNumber) }
          : { at: bound.recordNumber, unit: 'record', mapped: { ok: false, problem: { reason: parsed.reason, message: parsed.message } } };
      }
    }
    return { ok: true, format: 'marc21', encoding, ...(confidence !== undefined ? { confidence } : {}), count: scan.bounds.length, units: units() };
  }
  const decoded = decodeTextFile(bytes, chosen);
  if (!decoded.ok) return decoded;
  if (looksLikeMarcXml(decoded.text)) return fromMarc(readMarcXml(decoded.text), 'marcxml', decoded.encoding, decoded.confidence);
  if (decoded.text.includes('\x1d') && decoded.text.includes('\x1e')) {
    return {
      ok: false,
      reason: 'bad_leader',
      message: 'Tệp có dạng MARC21 nhưng đầu biểu bản ghi đầu tiên không hợp lệ. Hãy xuất lại tệp từ phần mềm thư viện. Chưa có gì được nhập.',
    };
  }
  return fromTable(readCsv(decoded.text), 'csv', decoded.encoding, decoded.confidence);
}

const isBlank = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** The first bytes of a file: enough to recognise its format and guess a legacy encoding. */
function head(path: string): { bytes: Buffer; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(Math.min(size, 2 << 20));
    return { bytes: bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0)), size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an import from its bytes or from a file of any size. A MARC21 or UTF-8 MARCXML file on disk
 * is scanned once (structure, count, encoding) and then decoded lazily, chunk by chunk; other
 * formats are read whole up to WHOLE_FILE_LIMIT_BYTES. Never throws on content: every problem is a refusal.
 */
export async function readImportSource(source: ImportSource, chosen?: TextEncoding, wholeFileLimit = WHOLE_FILE_LIMIT_BYTES): Promise<ReadOutcome> {
  if (source instanceof Uint8Array) return readImportFile(source, chosen);
  const { bytes, size } = head(source.path);
  const from = Math.max(
    0,
    bytes.findIndex((b) => !isBlank(b)),
  );
  const start = bytes.subarray(from);
  if (!isZip(bytes) && !isOle2(bytes) && looksLikeIso2709(start) && !looksBinary(start)) {
    const scan = scanIso2709File(source.path, from);
    if (!scan.ok) return { ok: false, reason: scan.fatal.reason, message: scan.fatal.message };
    let encoding: TextEncoding = chosen ?? 'utf-8';
    let confidence: number | undefined;
    // As for bytes (readImportFile): leader/09 = 'a' declares UTF-8; otherwise the bytes tell.
    if (!chosen && start[9] !== 0x61 && !scan.utf8) {
      const legacy = guessLegacyEncoding(start);
      if (!legacy.ok) return encodingRefusal(legacy);
      encoding = legacy.encoding;
      confidence = legacy.confidence;
    }
    const path = source.path;
    function* units(): Generator<ReadUnit> {
      for (const { recordNumber, parsed } of readIso2709File(path, from, encoding)) {
        yield 'leader' in parsed
          ? { at: recordNumber, unit: 'record', mapped: mapMarcRecord(parsed, recordNumber) }
          : { at: recordNumber, unit: 'record', mapped: { ok: false, problem: { reason: parsed.reason, message: parsed.message } } };
      }
    }
    return { ok: true, format: 'marc21', encoding, ...(confidence !== undefined ? { confidence } : {}), count: scan.count, units: units() };
  }
  // MARCXML in UTF-8 (as its schema wants) is streamed too; in a legacy encoding it is read whole below.
  if (!isZip(bytes) && !isOle2(bytes) && (chosen === undefined || chosen === 'utf-8') && looksLikeMarcXml(bytes.toString('utf8'))) {
    const scan = scanMarcXmlFile(source.path, 0);
    if (scan.ok) {
      const path = source.path;
      function* units(): Generator<ReadUnit> {
        for (const unit of readMarcXmlFile(path, 0)) {
          yield 'record' in unit
            ? { at: unit.recordNumber, unit: 'record', mapped: mapMarcRecord(unit.record, unit.recordNumber) }
            : { at: unit.recordNumber, unit: 'record', mapped: { ok: false, problem: { reason: unit.reason, message: unit.message } } };
        }
      }
      return { ok: true, format: 'marcxml', encoding: 'utf-8', count: scan.count, units: units() };
    }
    if ('fatal' in scan) return { ok: false, reason: scan.fatal.reason, message: scan.fatal.message };
  }
  if (size > wholeFileLimit) {
    // A large CSV export is read in segments (csv-file.ts); a large spreadsheet, UTF-16 text or
    // legacy-encoded MARCXML still has the ceiling below.
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (!isZip(bytes) && !isOle2(bytes) && !utf16 && !looksBinary(bytes) && !looksLikeMarcXml(bytes.toString('latin1')))
      return readCsvFile(source.path, chosen);
    const mib = Math.round(size / 2 ** 20);
    return {
      ok: false,
      reason: 'too_large_for_format',
      message: `Tệp này (${mib} MB) là tệp Excel, văn bản UTF-16 hoặc MARCXML mã cũ: các dạng này chỉ nhập được tới ${Math.round(wholeFileLimit / 2 ** 20)} MB. Hãy xuất lại từ phần mềm thư viện dạng MARC21 (ISO 2709), MARCXML (UTF-8) hoặc CSV, tệp lớn mấy cũng nhập được, hoặc chia tệp thành nhiều phần. Chưa có gì được nhập.`,
    };
  }
  return readImportFile(readFileSync(source.path), chosen);
}
