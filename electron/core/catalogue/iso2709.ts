// MARC21 in ISO 2709 (.mrc): reading and writing. Hand-written rather than taken from a MARC
// library because import must name the exact record and byte offset of every fault, never throw
// on arbitrary bytes, and read 200,000 records in seconds; the format is a few dozen lines.
import { isUtf8 } from 'node:buffer';
import { decodeWith, type TextEncoding } from './encoding';
import type { MarcFatal, MarcField, MarcReadResult, MarcRecord, MarcRecordError } from './marc';

const RECORD_END = 0x1d;
const FIELD_END = 0x1e;
const LEADER_LENGTH = 24;

function isDigits(bytes: Uint8Array, from: number, length: number): boolean {
  if (from + length > bytes.length) return false;
  for (let i = from; i < from + length; i++) if (bytes[i]! < 0x30 || bytes[i]! > 0x39) return false;
  return true;
}

function digits(bytes: Uint8Array, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) n = n * 10 + (bytes[i]! - 0x30);
  return n;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Quick check used by format detection: five digits then a leader-like shape. */
export function looksLikeIso2709(bytes: Uint8Array): boolean {
  return bytes.length >= LEADER_LENGTH && isDigits(bytes, 0, 5) && bytes.includes(FIELD_END);
}

/**
 * How the fields of one record are decoded. UTF-8 is the usual case: when the whole record is
 * valid UTF-8, each field is read straight from the buffer (for valid UTF-8, Buffer#toString
 * gives the same text as TextDecoder), which saves a view object and a decoder call per field —
 * a large part of reading 200,000 records. A field starting with a byte order mark keeps the
 * TextDecoder path (which drops the mark); invalid UTF-8 and legacy encodings do too.
 */
function fieldDecoder(bytes: Uint8Array, start: number, end: number, encoding: TextEncoding): (from: number, to: number) => string {
  const slow = (from: number, to: number) => decodeWith(bytes.subarray(from, to), encoding);
  if (encoding !== 'utf-8') return slow;
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer.subarray(start, end))) return slow;
  return (from, to) =>
    bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf ? slow(from, to) : buffer.toString('utf8', from, to).normalize('NFC');
}

function parseRecord(bytes: Uint8Array, start: number, end: number, encoding: TextEncoding, recordNumber: number): MarcRecord | MarcRecordError {
  const fail = (reason: string, message: string): MarcRecordError => ({ recordNumber, reason, message: `Bản ghi số ${recordNumber}: ${message}` });
  const leader = ascii(bytes, start, start + LEADER_LENGTH);
  if (!isDigits(bytes, start + 12, 5))
    return fail('bad_base_address', 'địa chỉ dữ liệu trong đầu biểu (vị trí 12–16) không phải số. Hãy xuất lại bản ghi này.');
  const base = start + digits(bytes, start + 12, 5);
  if (base > end || base < start + LEADER_LENGTH + 1)
    return fail('bad_base_address', 'địa chỉ dữ liệu trong đầu biểu nằm ngoài bản ghi. Hãy xuất lại bản ghi này.');
  const fields: MarcField[] = [];
  const decode = fieldDecoder(bytes, start, end, encoding);
  let entry = start + LEADER_LENGTH;
  while (entry < base - 1) {
    if (bytes[entry] === FIELD_END) break;
    if (entry + 12 > base - 1 || !isDigits(bytes, entry + 3, 9)) {
      return fail('bad_directory', 'danh mục trường bị hỏng. Hãy xuất lại bản ghi này từ phần mềm thư viện.');
    }
    const tag = String.fromCharCode(bytes[entry]!, bytes[entry + 1]!, bytes[entry + 2]!);
    const length = digits(bytes, entry + 3, 4);
    const from = base + digits(bytes, entry + 7, 5);
    const to = from + length;
    if (length === 0 || to > end) return fail('bad_directory', `trường ${tag} trỏ ra ngoài bản ghi. Hãy xuất lại bản ghi này.`);
    // The field's own terminator is not part of its content.
    const contentEnd = bytes[to - 1] === FIELD_END ? to - 1 : to;
    if (tag.charCodeAt(0) === 0x30 && tag.charCodeAt(1) === 0x30 && tag.charCodeAt(2) >= 0x31 && tag.charCodeAt(2) <= 0x39) {
      // 001–009: control fields.
      fields.push({ tag, value: decode(from, contentEnd) });
    } else {
      const ind1 = from < contentEnd ? String.fromCharCode(bytes[from]!) : ' ';
      const ind2 = from + 1 < contentEnd ? String.fromCharCode(bytes[from + 1]!) : ' ';
      // One decode per field, then split on the delimiter: 0x1F is ASCII in UTF-8 and in the
      // legacy encodings alike, so splitting the text equals splitting the bytes (and is faster).
      const parts = from + 2 < contentEnd ? decode(from + 2, contentEnd).split('\x1f') : [];
      const subfields = [];
      for (let p = 1; p < parts.length; p++) {
        const part = parts[p]!;
        if (part.length > 1) subfields.push({ code: part[0]!, value: part.slice(1) });
      }
      fields.push({ tag, ind1, ind2, subfields });
    }
    entry += 12;
  }
  return { leader, fields };
}

export type Iso2709Bound = { recordNumber: number; start: number; end: number };
export type Iso2709Scan = { ok: true; bounds: Iso2709Bound[] } | { ok: false; fatal: MarcFatal };

/** Some exports put a line break between records. */
export function skipBlank(bytes: Uint8Array, offset: number): number {
  while (offset < bytes.length && (bytes[offset] === 0x0a || bytes[offset] === 0x0d || bytes[offset] === 0x20)) offset++;
  return offset;
}

/**
 * The next record's boundaries at `offset` (not blank). `base` is the offset of `bytes` in the
 * whole file and `atEnd` says whether `bytes` reaches the file's end: a record cut by the end of
 * `bytes` is `more` (read on) unless the file ends there (truncated). Shared by the scan of a
 * buffer and the streamed scan of a file (iso2709-file.ts), so both say the same sentences.
 */
export function nextIso2709Bound(
  bytes: Uint8Array,
  offset: number,
  recordNumber: number,
  base = 0,
  atEnd = true,
): { bound: Iso2709Bound } | { fatal: MarcFatal } | { more: true } {
  const where = `Bản ghi số ${recordNumber} (byte ${base + offset})`;
  if (offset + LEADER_LENGTH > bytes.length) {
    if (!atEnd) return { more: true };
    return {
      fatal: {
        reason: 'truncated',
        message: `${where} bị cắt cụt: tệp kết thúc giữa đầu biểu. Tệp có thể chép chưa xong; hãy chép hoặc xuất lại toàn bộ tệp. Chưa có gì được nhập.`,
      },
    };
  }
  if (!isDigits(bytes, offset, 5)) {
    return {
      fatal: {
        reason: 'bad_leader',
        message: `${where}: đầu biểu không bắt đầu bằng độ dài bản ghi (5 chữ số). Đây không phải tệp MARC21 hợp lệ; hãy xuất lại tệp. Chưa có gì được nhập.`,
      },
    };
  }
  const length = digits(bytes, offset, 5);
  if (length < LEADER_LENGTH + 2) {
    return {
      fatal: { reason: 'bad_leader', message: `${where}: độ dài bản ghi ghi trong đầu biểu (${length}) quá nhỏ. Hãy xuất lại tệp. Chưa có gì được nhập.` },
    };
  }
  const end = offset + length;
  if (end > bytes.length) {
    if (!atEnd) return { more: true };
    return {
      fatal: {
        reason: 'truncated',
        message: `${where} bị cắt cụt: đầu biểu ghi ${length} byte nhưng tệp chỉ còn ${bytes.length - offset} byte. Hãy chép hoặc xuất lại toàn bộ tệp. Chưa có gì được nhập.`,
      },
    };
  }
  if (bytes[end - 1] !== RECORD_END) {
    return {
      fatal: {
        reason: 'bad_leader',
        message: `${where}: độ dài bản ghi trong đầu biểu (${length}) không khớp với dấu kết thúc bản ghi. Tệp bị hỏng; hãy xuất lại từ phần mềm thư viện. Chưa có gì được nhập.`,
      },
    };
  }
  return { bound: { recordNumber, start: offset, end } };
}

export const EMPTY_MARC: MarcFatal = { reason: 'empty', message: 'Tệp MARC rỗng, không có bản ghi nào. Hãy xuất lại tệp từ phần mềm thư viện.' };

/**
 * Finds every record's boundaries without decoding anything. Structural damage that loses the
 * boundaries (a truncated record, a leader whose length does not end on a record terminator)
 * makes the whole file unreadable. Never throws.
 */
export function scanIso2709(bytes: Uint8Array): Iso2709Scan {
  const bounds: Iso2709Bound[] = [];
  let offset = skipBlank(bytes, 0);
  if (offset >= bytes.length) return { ok: false, fatal: EMPTY_MARC };
  while (offset < bytes.length) {
    const next = nextIso2709Bound(bytes, offset, bounds.length + 1);
    if ('fatal' in next) return { ok: false, fatal: next.fatal };
    if ('more' in next) break; // not reached: the buffer is the whole file
    bounds.push(next.bound);
    offset = skipBlank(bytes, next.bound.end);
  }
  return { ok: true, bounds };
}

/** Decodes one record found by scanIso2709; damage inside it rejects only this record. */
export function parseIso2709Record(bytes: Uint8Array, bound: Iso2709Bound, encoding: TextEncoding): MarcRecord | MarcRecordError {
  return parseRecord(bytes, bound.start, bound.end - 1, encoding, bound.recordNumber);
}

/** Reads every record (scan, then decode each). Never throws. */
export function readIso2709(bytes: Uint8Array, encoding: TextEncoding = 'utf-8'): MarcReadResult {
  const scan = scanIso2709(bytes);
  if (!scan.ok) return scan;
  const records: { recordNumber: number; record: MarcRecord }[] = [];
  const errors: MarcRecordError[] = [];
  for (const bound of scan.bounds) {
    const parsed = parseIso2709Record(bytes, bound, encoding);
    if ('leader' in parsed) records.push({ recordNumber: bound.recordNumber, record: parsed });
    else errors.push(parsed);
  }
  return { ok: true, records, errors };
}

const encoder = new TextEncoder();

/** Writes records as UTF-8 ISO 2709 (leader/09 = a): test fixtures, benchmarks, demo files. */
export function writeIso2709(records: MarcRecord[]): Buffer {
  const chunks: Buffer[] = [];
  for (const record of records) {
    const data: Uint8Array[] = [];
    let directory = '';
    let position = 0;
    for (const field of record.fields) {
      let body: Uint8Array;
      if (field.value !== undefined) body = encoder.encode(`${field.value}\x1e`);
      else {
        const subs = (field.subfields ?? []).map((s) => `\x1f${s.code}${s.value}`).join('');
        body = encoder.encode(`${field.ind1 ?? ' '}${field.ind2 ?? ' '}${subs}\x1e`);
      }
      directory += `${field.tag}${String(body.length).padStart(4, '0')}${String(position).padStart(5, '0')}`;
      data.push(body);
      position += body.length;
    }
    directory += '\x1e';
    const base = LEADER_LENGTH + directory.length;
    const total = base + position + 1;
    const template = record.leader.padEnd(LEADER_LENGTH, ' ');
    const leader = `${String(total).padStart(5, '0')}${template.slice(5, 9)}a22${String(base).padStart(5, '0')}${template.slice(17, 20)}4500`;
    chunks.push(Buffer.from(leader + directory, 'latin1'), ...data.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength)), Buffer.from([RECORD_END]));
  }
  return Buffer.concat(chunks);
}
