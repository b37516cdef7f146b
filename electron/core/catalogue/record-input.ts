// The one shape every import format is mapped to before it touches the store, and the checks
// that decide whether a record is accepted. Only what cannot be a record is rejected (no title,
// an unusable barcode); what a librarian would not reject a book over (a mistyped ISBN, an odd
// year, an unknown language code, a repeated subject) is kept with a warning, as Koha and
// Evergreen do: a bad ISBN is kept as an invalid ISBN (MARC 020 $z).
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
  /** An ISBN as written that fails its check (MARC 020 $z, "cancelled/invalid"): kept, shown, searchable. */
  invalidIsbn: string | null;
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

/** The record is imported, but staff should look at it (reason + sentence naming the record). */
export type RecordWarning = RecordProblem;

export type Mapped = { ok: true; record: RecordInput; warnings?: RecordWarning[] } | { ok: false; problem: RecordProblem };

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
  const value = ENDS_PLAIN.test(text)
    ? text.trim()
    : text
        .replace(/[\s/:;,=]+$/u, '')
        .replace(/(?<![A-ZÀ-Ỹ])\.$/u, '')
        .trim();
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

const ISBN_LIKE = /[0-9][0-9\s-]{8,16}[0-9Xx]/;

/**
 * Normalises an ISBN as written in catalogues ("978-604-1-23456-7 (bìa mềm)") to its digits.
 * Returns undefined for text that holds no valid ISBN.
 */
export function normaliseIsbn(text: string | null): string | null | undefined {
  const value = clean(text);
  if (value === null) return null;
  const match = ISBN_LIKE.exec(value);
  if (!match) return undefined;
  const digits = match[0].replace(/[\s-]/g, '').toUpperCase();
  return isbnCheck(digits) ? digits : undefined;
}

/**
 * How an invalid ISBN is kept: its digits when it looks like one (so a scan or a typed number
 * finds it, and a re-import matches it), else the text as written, at most 64 characters.
 */
export function invalidIsbnKey(text: string | null): string | null {
  const value = clean(text);
  if (value === null) return null;
  const match = ISBN_LIKE.exec(value);
  return match ? match[0].replace(/[\s-]/g, '').toUpperCase() : value.slice(0, 64);
}

/** The first plausible publication year in text like "c2019.", "[2020]", "2018-2019". */
export function parseYear(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const match = /(1[5-9]\d\d|20\d\d)/.exec(String(text));
  return match ? Number(match[1]) : null;
}

/** Splits "Nguyễn Văn A; Trần Thị B" into names; `unique` drops repeats. */
export function splitList(text: string | null | undefined, unique = true): string[] {
  if (!text) return [];
  const parts = text
    .split(/[;|\n]/)
    .map((part) => stripIsbd(clean(part)))
    .filter((part): part is string => part !== null);
  return unique ? [...new Set(parts)] : parts;
}

/** Final checks shared by every format. `what` names the record in messages ("Bản ghi số 3"). */
export function validateRecord(record: RecordInput, isbnText: string | null, what: string, earlier?: RecordWarning[]): Mapped {
  if (!record.title) {
    return { ok: false, problem: { reason: 'missing_title', message: `${what} không có nhan đề. Hãy bổ sung nhan đề rồi nhập lại.` } };
  }
  if (record.title.length > 1000) {
    return { ok: false, problem: { reason: 'title_too_long', message: `${what} có nhan đề dài hơn 1000 ký tự. Hãy kiểm tra lại cột nhan đề.` } };
  }
  const warnings: RecordWarning[] = [...(earlier ?? [])];
  let isbn = normaliseIsbn(isbnText);
  let invalidIsbn = record.invalidIsbn;
  if (isbn === undefined) {
    isbn = null;
    invalidIsbn = invalidIsbnKey(isbnText);
    warnings.push({
      reason: 'invalid_isbn',
      message: `${what} có ISBN "${String(isbnText).slice(0, 40)}" không hợp lệ (sai số kiểm tra, độ dài hoặc ký tự lạ). Bản ghi vẫn được nhập; ISBN được giữ là ISBN không hợp lệ (020 $z). Hãy sửa khi có sách trong tay.`,
    });
  }
  // A copy whose barcode cannot be used is left out, not the book: the record is still imported.
  const seen = new Set<string>();
  const items = record.items.filter((item) => {
    if (!/^[\p{L}\p{N}._/-]{1,64}$/u.test(item.barcode)) {
      warnings.push({
        reason: 'invalid_barcode',
        message: `${what} có mã vạch "${item.barcode.slice(0, 40)}" không hợp lệ (chỉ gồm chữ, số và - . _ /, tối đa 64 ký tự): bản ghi được nhập, cuốn này chưa được thêm. Hãy dán mã vạch mới cho cuốn sách.`,
      });
      return false;
    }
    if (seen.has(item.barcode)) {
      warnings.push({
        reason: 'duplicate_barcode',
        message: `${what} ghi mã vạch ${item.barcode} hai lần; chỉ thêm một cuốn. Mỗi cuốn sách cần một mã vạch riêng.`,
      });
      return false;
    }
    seen.add(item.barcode);
    return true;
  });
  return { ok: true, record: { ...record, isbn, invalidIsbn, items }, ...(warnings.length ? { warnings } : {}) };
}

/**
 * MARC language codes (MARC Code List for Languages) a commune library meets: Vietnamese, the
 * languages of Vietnam's ethnic groups as MARC groups them, neighbours and major foreign
 * languages. Another well-formed code is kept with a warning; a malformed one becomes 'vie'.
 */
const KNOWN_LANGUAGES = new Set(
  (
    'vie eng fre ger rus chi jpn kor tha lao khm bur ind may spa por ita dut pol cze hun rum bul ukr ara per hin ben tam urd tur swe nor dan fin gre lat heb mon ' +
    'hmn tai mkh map aus sit cmc kar zha mul und zxx sgn'
  ).split(' '),
);

/** The record's language code and, when it is not one the kiosk knows, a warning. */
export function languageCode(text: string | null, what: string, warnings: RecordWarning[]): string {
  // Blank or '|||' (no attempt to code) in 008/35-37: nothing was said.
  if (text === null || /^[|#\s]*$/.test(text)) return 'vie';
  const code = text.toLowerCase();
  if (/^[a-z]{3}$/.test(code) && KNOWN_LANGUAGES.has(code)) return code;
  warnings.push({
    reason: 'unknown_language',
    message: `${what} có mã ngôn ngữ "${text.slice(0, 20)}" không có trong danh mục mã ngôn ngữ MARC${/^[a-z]{3}$/.test(code) ? ' quen thuộc; mã được giữ nguyên' : '; bản ghi được ghi là tiếng Việt (vie)'}. Hãy kiểm tra lại khi có sách trong tay.`,
  });
  return /^[a-z]{3}$/.test(code) ? code : 'vie';
}

/** The year of `text`, and a warning when a year was written but none can be read from it. */
export function yearOf(text: string | null, what: string, warnings: RecordWarning[]): number | null {
  const year = parseYear(text);
  if (year === null && text !== null && /[^\s.?\-[\]u|#]/.test(text)) {
    warnings.push({
      reason: 'odd_year',
      message: `${what}: năm xuất bản "${text.slice(0, 20)}" không đọc được; bản ghi được nhập không có năm. Hãy ghi năm bằng 4 chữ số (ví dụ 2019).`,
    });
  }
  return year;
}

/** Subjects without repeats; a repeated one (e.g. two identical 650 fields) is dropped with a warning. */
export function uniqueSubjects(subjects: string[], what: string, warnings: RecordWarning[]): string[] {
  const unique = [...new Set(subjects)];
  if (unique.length < subjects.length) {
    const repeated = subjects.find((s, i) => subjects.indexOf(s) !== i)!;
    warnings.push({ reason: 'duplicate_subject', message: `${what} ghi chủ đề "${repeated.slice(0, 40)}" hơn một lần; chỉ giữ một lần.` });
  }
  return unique;
}
