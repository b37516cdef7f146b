// The one shape every import format is mapped to before it touches the store, and the checks
// that decide whether a record is accepted (title present, ISBN well-formed, sane year).
export interface ItemInput {
  barcode: string;
  location: string | null;
}

export interface RecordInput {
  controlNumber: string | null;
  title: string;
  authors: string[];
  subjects: string[];
  publisher: string | null;
  year: number | null;
  isbn: string | null;
  callNumber: string | null;
  language: string;
  summary: string | null;
  materialType: string;
  edition: string | null;
  physicalDescription: string | null;
  items: ItemInput[];
}

/** A record that could not be read, with where it was and why, in a full Vietnamese sentence. */
export interface RecordProblem {
  reason: string;
  message: string;
}

export type Mapped = { ok: true; record: RecordInput } | { ok: false; problem: RecordProblem };

/** Whitespace that `clean` rewrites: any but a single space, or two in a row. */
const NEEDS_COLLAPSE = /[^\S ]|\s\s/;

/** Trims and collapses whitespace; empty becomes null. */
export function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  // Most values hold no whitespace to collapse: testing is cheaper than replacing (same result).
  const value = (NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
  return value === '' ? null : value;
}

const ENDS_PLAIN = /[^\s/:;,=.]$/u;

/** Strips the ISBD punctuation MARC cataloguers leave at the end of subfields (" /", " :", "."). */
export function stripIsbd(text: string | null): string | null {
  if (text === null) return null;
  // Most values end in a letter or digit: then both replacements are no-ops (same result, no regex).
  const value = ENDS_PLAIN.test(text) ? text.trim() : text.replace(/[\s/:;,=]+$/u, '').replace(/(?<![A-ZÀ-Ỹ])\.$/u, '').trim();
  return value === '' ? null : value;
}

function isbnCheck(digits: string): boolean {
  if (digits.length === 13) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
    return sum % 10 === 0;
  }
  if (digits.length === 10) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (digits[i] === 'X' ? 10 : Number(digits[i])) * (10 - i);
    return sum % 11 === 0;
  }
  return false;
}

/**
 * Normalises an ISBN as written in catalogues ("978-604-1-23456-7 (bìa mềm)") to its digits.
 * Returns undefined for text that holds no valid ISBN.
 */
export function normaliseIsbn(text: string | null): string | null | undefined {
  const value = clean(text);
  if (value === null) return null;
  const match = /[0-9][0-9\s-]{8,16}[0-9Xx]/.exec(value);
  if (!match) return undefined;
  const digits = match[0].replace(/[\s-]/g, '').toUpperCase();
  return isbnCheck(digits) ? digits : undefined;
}

/** The first plausible publication year in text like "c2019.", "[2020]", "2018-2019". */
export function parseYear(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const match = /(1[5-9]\d\d|20\d\d)/.exec(String(text));
  return match ? Number(match[1]) : null;
}

/** Splits "Nguyễn Văn A; Trần Thị B" into names. */
export function splitList(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...new Set(text.split(/[;|\n]/).map((part) => stripIsbd(clean(part))).filter((part): part is string => part !== null))];
}

/** Final checks shared by every format. `what` names the record in messages ("Bản ghi số 3"). */
export function validateRecord(record: RecordInput, isbnText: string | null, what: string): Mapped {
  if (!record.title) {
    return { ok: false, problem: { reason: 'missing_title', message: `${what} không có nhan đề. Hãy bổ sung nhan đề rồi nhập lại.` } };
  }
  if (record.title.length > 1000) {
    return { ok: false, problem: { reason: 'title_too_long', message: `${what} có nhan đề dài hơn 1000 ký tự. Hãy kiểm tra lại cột nhan đề.` } };
  }
  const isbn = normaliseIsbn(isbnText);
  if (isbn === undefined) {
    return {
      ok: false,
      problem: { reason: 'invalid_isbn', message: `${what} có ISBN "${String(isbnText).slice(0, 40)}" không hợp lệ (sai số kiểm tra). Hãy sửa hoặc để trống ISBN rồi nhập lại.` },
    };
  }
  const seen = new Set<string>();
  for (const item of record.items) {
    if (!/^[\p{L}\p{N}._/-]{1,64}$/u.test(item.barcode)) {
      return {
        ok: false,
        problem: { reason: 'invalid_barcode', message: `${what} có mã vạch "${item.barcode.slice(0, 40)}" không hợp lệ (chỉ gồm chữ, số và - . _ /, tối đa 64 ký tự).` },
      };
    }
    if (seen.has(item.barcode)) {
      return { ok: false, problem: { reason: 'duplicate_barcode', message: `${what} ghi mã vạch ${item.barcode} hai lần. Mỗi cuốn sách cần một mã vạch riêng.` } };
    }
    seen.add(item.barcode);
  }
  return { ok: true, record: { ...record, isbn } };
}
