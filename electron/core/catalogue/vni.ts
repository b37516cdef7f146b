// VNI-Windows (the "VNI-Times" font encoding of Vietnamese offices) to Unicode and back. No npm
// codec covers it (iconv-lite has windows-1258 and VISCII, not VNI), so the table is written out.
// VNI writes a marked letter as its base letter followed by one Latin-1 character standing for
// the marks (a + ù = á, a + â = â, a + á = ấ); ơ ư đ ĩ ỉ ị í ì ỵ have one character of their own
// (ô ö ñ ó æ ò í ì î), and ơ ư take a tone character after them like any base (ô + ù = ớ).
const VOWELS = 'aeiouy';
/** Tone characters after a base letter: acute, grave, hook, tilde, dot below. */
const TONES = ['ù', 'ø', 'û', 'õ', 'ï'];
const TONE_MARKS = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
/** Circumflex with no tone, acute, grave, hook, tilde, dot below. */
const CIRCUMFLEX = ['â', 'á', 'à', 'å', 'ã', 'ä'];
/** Breve with no tone, acute, grave, hook, tilde, dot below. */
const BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (unicode: string, vni: string) => {
    table.set(unicode, vni);
    table.set(unicode.toUpperCase(), vni.toUpperCase());
  };
  for (const vowel of VOWELS) {
    // i has its own characters for four of its tones; y with dot below is î.
    TONES.forEach((tone, i) => {
      const letter = (vowel + TONE_MARKS[i]).normalize('NFC');
      if (vowel === 'i' && i !== 0 && i !== 1) return;
      if (vowel === 'y' && i === 4) return;
      add(letter, vowel === 'i' ? (i === 0 ? 'í' : 'ì') : vowel + tone);
    });
  }
  add('ỉ', 'æ');
  add('ĩ', 'ó');
  add('ị', 'ò');
  add('ỵ', 'î');
  add('đ', 'ñ');
  for (const vowel of 'aeo') {
    CIRCUMFLEX.forEach((mark, i) => add((vowel + '\u0302' + (i ? TONE_MARKS[i - 1] : '')).normalize('NFC'), vowel + mark));
  }
  BREVE.forEach((mark, i) => add(('a\u0306' + (i ? TONE_MARKS[i - 1] : '')).normalize('NFC'), 'a' + mark));
  for (const [vowel, own] of [
    ['o\u031b', 'ô'],
    ['u\u031b', 'ö'],
  ] as const) {
    add(vowel.normalize('NFC'), own);
    TONES.forEach((tone, i) => add((vowel + TONE_MARKS[i]).normalize('NFC'), own + tone));
  }
  return table;
}

const ENCODE = buildTable();
/** VNI spelling (one or two characters) → Unicode letter; decoding tries two characters first. */
const DECODE = new Map<string, string>([...ENCODE].map(([unicode, vni]) => [vni, unicode]));

/** Unicode text → VNI-Windows bytes (tests, fixtures); characters outside Latin-1 become '?'. */
export function encodeVni(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    for (const c of ENCODE.get(char) ?? char) {
      const code = c.charCodeAt(0);
      bytes.push(code < 256 ? code : 0x3f);
    }
  }
  return Uint8Array.from(bytes);
}

/** Reads a string whose characters are VNI codes shown as Latin-1 (a VNI-font spreadsheet cell, or decoded bytes). */
export function vniFromLatin1(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = DECODE.get(text.slice(i, i + 2));
    if (pair !== undefined && i + 1 < text.length) {
      out += pair;
      i++;
      continue;
    }
    out += DECODE.get(text[i]!) ?? text[i]!;
  }
  return out;
}

/** VNI-Windows bytes → Unicode. Bytes 0x80-0x9F are read as Windows-1252 would not matter: VNI letters use none. */
export function decodeVni(bytes: Uint8Array): string {
  let latin1 = '';
  for (let i = 0; i < bytes.length; i++) latin1 += String.fromCharCode(bytes[i]!);
  return vniFromLatin1(latin1);
}
