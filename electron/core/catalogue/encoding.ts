// Reading import files as text: UTF-8/UTF-16 when they are, otherwise the legacy Vietnamese
// encodings found in commune offices (Windows-1258, TCVN3/ABC), chosen by which decoding reads
// as Vietnamese. A file that reads as neither, or is binary, is refused rather than imported as mojibake.
import iconv from 'iconv-lite';
import { decodeTcvn3, tcvn3FromLatin1 } from './tcvn3';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3';

export type DecodeOutcome =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; reason: 'empty' | 'binary' | 'unknown_encoding'; message: string };

/** Every precomposed letter of Vietnamese that is not ASCII. */
const VIETNAMESE_LETTERS = new Set(
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ'
    .split('')
    .flatMap((c) => [c, c.toUpperCase()]),
);
/** Non-ASCII characters that honest Vietnamese text also contains (typographic punctuation). */
const FRIENDLY = new Set('\u00a0“”‘’–—…«»°•·©®№€'.split(''));

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * How much a text looks like Vietnamese: +1 per Vietnamese letter, -4 per other non-ASCII
 * character (Latin-1 symbols are what a wrong decoding leaves, and so are stray combining
 * marks), and -4 per extra tone mark in a word (a Vietnamese syllable carries at most one).
 */
export function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.normalize('NFC').split(/[^\p{L}\p{M}]+/u)) {
    let tones = 0;
    for (const char of word) {
      const code = char.charCodeAt(0);
      if (code < 0x80) continue;
      if (VIETNAMESE_LETTERS.has(char)) {
        score += 1;
        if (TONE_MARKS.test(char.normalize('NFD'))) tones++;
      } else score -= 4;
    }
    if (tones > 1) score -= 4 * tones;
  }
  for (const char of text) if (char.charCodeAt(0) >= 0x80 && !/[\p{L}\p{M}]/u.test(char) && !FRIENDLY.has(char)) score -= 4;
  return score;
}

/** NUL bytes or many control characters: a picture, a program, an old .xls, not a text export. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, LF, CR, and the MARC separators 0x1D-0x1F are expected in text exports.
    if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13 && (byte < 0x1d || byte > 0x1f)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Reused: constructing a decoder per MARC subfield would dominate reading a large file.
const decoders = { 'utf-8': new TextDecoder('utf-8'), 'utf-16le': new TextDecoder('utf-16le'), 'utf-16be': new TextDecoder('utf-16be') };

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes with a known encoding (used for MARC field bytes once the file's encoding is known). */
export function decodeWith(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-16le':
    case 'utf-16be':
      return decoders[encoding].decode(bytes).normalize('NFC');
    case 'windows-1258':
      // Windows-1258 writes tones as combining marks after the letter; NFC joins them.
      return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1258').normalize('NFC');
    case 'tcvn3':
      return decodeTcvn3(bytes).normalize('NFC');
  }
}

/** Picks the encoding of bytes that are not UTF-8, or undefined when none reads as Vietnamese. */
export function guessLegacyEncoding(bytes: Uint8Array): 'windows-1258' | 'tcvn3' | undefined {
  const cp1258 = vietnameseScore(decodeWith(bytes, 'windows-1258'));
  const tcvn3 = vietnameseScore(decodeWith(bytes, 'tcvn3'));
  const best = Math.max(cp1258, tcvn3);
  if (best <= 0) return undefined;
  return tcvn3 > cp1258 ? 'tcvn3' : 'windows-1258';
}

/** Detects the encoding of a whole text file and decodes it. Never throws. */
export function decodeTextFile(bytes: Uint8Array): DecodeOutcome {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    return { ok: false, reason: 'empty', message: 'Tệp rỗng, không có bản ghi nào. Hãy kiểm tra lại đã chọn đúng tệp xuất từ thư viện tỉnh chưa.' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: decodeWith(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: decodeWith(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) {
    return {
      ok: false,
      reason: 'binary',
      message: 'Tệp này không phải tệp văn bản, MARC hay Excel (.xlsx) mà kiosk đọc được. Hãy xuất lại từ phần mềm thư viện dưới dạng MARC21 (.mrc), MARCXML, CSV (UTF-8) hoặc .xlsx.',
    };
  }
  const asUtf8 = tryUtf8(body);
  if (asUtf8 !== undefined) return { ok: true, text: asUtf8.normalize('NFC'), encoding: 'utf-8' };
  const legacy = guessLegacyEncoding(body);
  if (!legacy) {
    return {
      ok: false,
      reason: 'unknown_encoding',
      message: 'Không nhận ra bảng mã tiếng Việt của tệp (không phải Unicode UTF-8, Windows-1258 hay TCVN3). Hãy mở tệp bằng Excel hoặc Unikey, chuyển sang Unicode rồi lưu lại dạng CSV UTF-8.',
    };
  }
  return { ok: true, text: decodeWith(body, legacy), encoding: legacy };
}

/** A cell that could be TCVN3 shown as Latin-1: no character above U+00FF, some above ASCII. */
export const maybeLegacyCell = (text: string) => /[\u0080-\u00ff]/.test(text) && ![...text].some((c) => c.charCodeAt(0) > 0xff);

/**
 * Spreadsheet cells typed with a TCVN3 font hold Latin-1 look-alikes ("Kü thuËt"). Given the
 * sheet's candidate cells, returns a converter when they read better as TCVN3 than as they are.
 */
export function legacyCellConverter(cells: string[]): ((text: string) => string) | undefined {
  const sample = cells.filter(maybeLegacyCell).join(' ');
  if (sample === '') return undefined;
  const asIs = vietnameseScore(sample);
  const converted = vietnameseScore(tcvn3FromLatin1(sample));
  return converted > asIs && converted > 0 ? (text) => (maybeLegacyCell(text) ? tcvn3FromLatin1(text).normalize('NFC') : text) : undefined;
}
