// TCVN3 (the "ABC" font encoding of Vietnamese offices) to Unicode. No npm codec covers it
// (iconv-lite has windows-1258 but not TCVN3), so the 134-letter table is written out here.
// Capital accented letters share the lower-case codes (they came from a capitals-only font),
// so only Ă Â Ê Ô Ơ Ư Đ decode to capitals.
const TABLE: Record<number, string> = {
  0xa1: 'Ă',
  0xa2: 'Â',
  0xa3: 'Ê',
  0xa4: 'Ô',
  0xa5: 'Ơ',
  0xa6: 'Ư',
  0xa7: 'Đ',
  0xa8: 'ă',
  0xa9: 'â',
  0xaa: 'ê',
  0xab: 'ô',
  0xac: 'ơ',
  0xad: 'ư',
  0xae: 'đ',
  0xb5: 'à',
  0xb6: 'ả',
  0xb7: 'ã',
  0xb8: 'á',
  0xb9: 'ạ',
  0xbb: 'ằ',
  0xbc: 'ẳ',
  0xbd: 'ẵ',
  0xbe: 'ắ',
  0xc6: 'ặ',
  0xc7: 'ầ',
  0xc8: 'ẩ',
  0xc9: 'ẫ',
  0xca: 'ấ',
  0xcb: 'ậ',
  0xcc: 'è',
  0xce: 'ẻ',
  0xcf: 'ẽ',
  0xd0: 'é',
  0xd1: 'ẹ',
  0xd2: 'ề',
  0xd3: 'ể',
  0xd4: 'ễ',
  0xd5: 'ế',
  0xd6: 'ệ',
  0xd7: 'ì',
  0xd8: 'ỉ',
  0xdc: 'ĩ',
  0xdd: 'í',
  0xde: 'ị',
  0xdf: 'ò',
  0xe1: 'ỏ',
  0xe2: 'õ',
  0xe3: 'ó',
  0xe4: 'ọ',
  0xe5: 'ồ',
  0xe6: 'ổ',
  0xe7: 'ỗ',
  0xe8: 'ố',
  0xe9: 'ộ',
  0xea: 'ờ',
  0xeb: 'ở',
  0xec: 'ỡ',
  0xed: 'ớ',
  0xee: 'ợ',
  0xef: 'ù',
  0xf1: 'ủ',
  0xf2: 'ũ',
  0xf3: 'ú',
  0xf4: 'ụ',
  0xf5: 'ừ',
  0xf6: 'ử',
  0xf7: 'ữ',
  0xf8: 'ứ',
  0xf9: 'ự',
  0xfa: 'ỳ',
  0xfb: 'ỷ',
  0xfc: 'ỹ',
  0xfd: 'ý',
  0xfe: 'ỵ',
};

const DECODE: string[] = Array.from({ length: 256 }, (_, byte) => TABLE[byte] ?? String.fromCharCode(byte));
const ENCODE = new Map<string, number>(Object.entries(TABLE).map(([byte, char]) => [char, Number(byte)]));

/** Decodes TCVN3 bytes; bytes outside the table keep their Latin-1 meaning. */
export function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += DECODE[bytes[i]!]!;
  return out;
}

/** Reads a string whose characters are TCVN3 codes shown as Latin-1 (a legacy-font spreadsheet cell). */
export function tcvn3FromLatin1(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    out += code < 256 ? DECODE[code]! : char;
  }
  return out;
}

/** Encodes Unicode text as TCVN3 (tests and fixtures); capitals without their own code are lower-cased. */
export function encodeTcvn3(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const direct = ENCODE.get(char) ?? ENCODE.get(char.toLowerCase());
    if (direct !== undefined) bytes.push(direct);
    else if (char.charCodeAt(0) < 128) bytes.push(char.charCodeAt(0));
    else bytes.push(0x3f);
  }
  return Uint8Array.from(bytes);
}
