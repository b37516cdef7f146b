// MARC-8, the character set of MARC 21 records whose leader/09 is blank: ASCII plus ANSEL
// (Extended Latin) in 0xA1–0xFE. Older union catalogues and some Z39.50 servers still send it, and
// Vietnamese comes through it as combining marks written *before* their letter ("e" with 0xE3 0xE1
// in front is "ề"), with ơ/ư/Ơ/Ư and đ/Đ as letters of their own.
//
// Written here rather than taken from npm: the one package (marc8, last published 2015) pulls in
// the unmaintained `unorm` and an 830 KB table for East Asian sets no commune catalogue uses. This
// covers the default sets; a record that switches to another set (escape sequences for Greek,
// Cyrillic, Arabic, Hebrew or CJK) is refused with Marc8Unsupported, so its server's other records
// are still offered. The tests check every byte against YAZ's converter (yaz-iconv).

export class Marc8Unsupported extends Error {}

/** ANSEL spacing characters, 0xA1–0xC8 (gaps are unassigned). */
const SPACING: Record<number, string> = {
  0xa1: 'Ł',
  0xa2: 'Ø',
  0xa3: 'Đ',
  0xa4: 'Þ',
  0xa5: 'Æ',
  0xa6: 'Œ',
  0xa7: '\u02b9', // soft sign
  0xa8: '·',
  0xa9: '♭',
  0xaa: '®',
  0xab: '±',
  0xac: 'Ơ',
  0xad: 'Ư',
  0xae: '\u02bc', // alif
  0xb0: '\u02bb', // ayn
  0xb1: 'ł',
  0xb2: 'ø',
  0xb3: 'đ',
  0xb4: 'þ',
  0xb5: 'æ',
  0xb6: 'œ',
  0xb7: '\u02ba', // hard sign
  0xb8: 'ı',
  0xb9: '£',
  0xba: 'ð',
  0xbc: 'ơ',
  0xbd: 'ư',
  0xc0: '°',
  0xc1: 'ℓ',
  0xc2: '℗',
  0xc3: '©',
  0xc4: '♯',
  0xc5: '¿',
  0xc6: '¡',
  0xc7: 'ß',
  0xc8: '€',
};

/**
 * ANSEL combining marks, 0xE0–0xFE, each written before the letter it sits on. The two-letter
 * ligature and double tilde (0xEB…0xEC, 0xFA…0xFB) become the single double-width marks U+0361 and
 * U+0360 after the first letter; their closing halves carry nothing more.
 */
const COMBINING: Record<number, string> = {
  0xe0: '\u0309', // hook above (Vietnamese hỏi)
  0xe1: '\u0300', // grave (huyền)
  0xe2: '\u0301', // acute (sắc)
  0xe3: '\u0302', // circumflex
  0xe4: '\u0303', // tilde (ngã)
  0xe5: '\u0304',
  0xe6: '\u0306', // breve (ă)
  0xe7: '\u0307',
  0xe8: '\u0308',
  0xe9: '\u030c',
  0xea: '\u030a',
  0xeb: '\u0361',
  0xec: '',
  0xed: '\u0315',
  0xee: '\u030b',
  0xef: '\u0310',
  0xf0: '\u0327',
  0xf1: '\u0328',
  0xf2: '\u0323', // dot below (nặng)
  0xf3: '\u0324',
  0xf4: '\u0325',
  0xf5: '\u0333',
  0xf6: '\u0332',
  0xf7: '\u0326',
  0xf8: '\u031c',
  0xf9: '\u032e',
  0xfa: '\u0360',
  0xfb: '',
  0xfe: '\u0313',
};

const ESC = 0x1b;

/**
 * The escape sequences that select the sets this decoder reads (ASCII and ANSEL, as G0 or G1):
 * ESC s (ASCII), ESC ( B, ESC , B, ESC ) E, ESC - E. Returns the sequence's length, or 0.
 */
function defaultSetEscape(bytes: Uint8Array, at: number): number {
  const next = bytes[at + 1];
  if (next === 0x73) return 2; // ESC s
  const final = bytes[at + 2];
  if ((next === 0x28 || next === 0x2c) && final === 0x42) return 3;
  if ((next === 0x29 || next === 0x2d) && final === 0x45) return 3;
  return 0;
}

/** MARC-8 bytes (default sets) as NFC text; an unassigned byte reads as U+FFFD for staff to see. */
export function decodeMarc8(bytes: Uint8Array): string {
  let out = '';
  let marks = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === ESC) {
      const length = defaultSetEscape(bytes, i);
      if (!length) throw new Marc8Unsupported('Biểu ghi dùng một bộ chữ MARC-8 khác ngoài chữ Latinh (Hy Lạp, Kirin, Ả Rập, Hê-brơ hoặc chữ Hán).');
      i += length - 1;
      continue;
    }
    if (b >= 0xe0 && b <= 0xfe && b in COMBINING) {
      marks += COMBINING[b]!;
      continue;
    }
    const char = b < 0x80 ? String.fromCharCode(b) : (SPACING[b] ?? '\ufffd');
    // Marks precede their letter in MARC-8 and follow it in Unicode; a control byte never takes them.
    out += b < 0x20 ? marks + char : char + marks;
    marks = '';
  }
  return (out + marks).normalize('NFC');
}

/** Whether a record's leader says MARC-8 (leader/09 blank rather than "a" for Unicode). */
export const leaderSaysMarc8 = (record: Uint8Array): boolean => record.length > 9 && record[9] === 0x20;
