// Reading import files as text: UTF-8/UTF-16 when they are, otherwise the legacy Vietnamese
// encodings found in commune offices (Windows-1258, TCVN3/ABC, VNI-Windows, VISCII), chosen by
// which decoding reads as Vietnamese, with a stated confidence. A file that reads as none, reads
// about as well in two of them, or is binary, is refused rather than imported as mojibake; staff
// then name the encoding (`--encoding`, or the choice on the import screen).
import iconv from 'iconv-lite';
import { decodeMarc8 } from './marc8';
import { decodeTcvn3, tcvn3FromLatin1 } from './tcvn3';
import { decodeVni, vniFromLatin1 } from './vni';

export const LEGACY_ENCODINGS = ['windows-1258', 'tcvn3', 'vni', 'viscii'] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];
/** 'marc-8': MARC 21 records whose leader/09 is blank (marc8.ts); only ever chosen per record. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'marc-8' | LegacyEncoding;

/** How staff and messages name each encoding. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'Unicode UTF-8',
  'utf-16le': 'Unicode UTF-16',
  'utf-16be': 'Unicode UTF-16',
  'marc-8': 'MARC-8',
  'windows-1258': 'Windows-1258',
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI-Windows',
  viscii: 'VISCII',
};

export type DecodeOutcome =
  | { ok: true; text: string; encoding: TextEncoding; confidence?: number }
  | { ok: false; reason: 'empty' | 'binary' | 'unknown_encoding' | 'ambiguous_encoding'; message: string };

/** Every precomposed letter of Vietnamese that is not ASCII. */
const VIETNAMESE_LETTERS = new Set('àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ'.split('').flatMap((c) => [c, c.toUpperCase()]));
/** Non-ASCII characters that honest Vietnamese text also contains (typographic punctuation). */
const FRIENDLY = new Set('\u00a0“”‘’–—…«»°•·©®№€'.split(''));

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** Vowel groups a Vietnamese syllable can have (tone removed; after qu/gi the u/i belong to the onset). */
const NUCLEI =
  'a ă â e ê i o ô ơ u ư y ai ao au âu ay ây eo êu ia iê iu oa oă oai oao oay oe oi ôi ơi oo ua uâ uây ue uê ui uô uôi uơ uy uya uyê uyu ưa ưi ươ ươi ươu ưu yê yêu iêu';
const SYLLABLE = new RegExp(
  `^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(${NUCLEI.split(' ')
    .sort((a, b) => b.length - a.length)
    .join('|')})(ch|ng|nh|[cmnpt])?$`,
  'u',
);
/** A syllable ending in a stop (c, ch, p, t) takes only the acute or the dot below, or none. */
const STOP = /(?:c|ch|p|t)$/;

/**
 * Very common syllables of catalogue text (function words, places, farming, reading). A wrong
 * table can still spell valid but unusual syllables ("sách xã" in TCVN3 read as VISCII is "sịch
 * xở"); common ones tip a short file towards the right reading.
 */
const COMMON = new Set(
  (
    'của và các có được trong là cho những với không người một này đã để năm khi đến ra về theo từ công nhiều như nhà cũng việc thì tại phải lại sẽ đó ' +
    'nước trên sau hơn vào nhất làm mình đi con học thể sự cần trước đồng đang hiện hàng tình bị gia phát chỉ vì thành ông bà anh chị em tôi ta chúng họ ' +
    'xã huyện tỉnh thôn bản làng quê hương sách đọc viết thư viện truyện thơ văn tác giả xuất kỹ thuật nông nghiệp trồng lúa nuôi chăn cây rau gà bò ' +
    'lợn cá sức khỏe trẻ mẹ sinh giáo dục lịch sử địa lý việt nam hà nội đức thị hồng minh thanh hoa đẹp mới cũ lớn nhỏ tốt hay ngày tháng đêm giờ mùa ' +
    'xuân hạ thu đông đất trời núi sông biển rừng đường cách mạng chiến tranh hòa bình dân tộc kinh tế xây dựng phòng chống bệnh thiên tai bão lũ hướng ' +
    'dẫn cẩm nang sổ tay phiêu lưu ký mèn dế tuổi yêu thương đình bạn bè ước mơ điều biết nói nghe thấy muốn sống cuộc đời lao động kiến thức khoa ' +
    'tiếng chữ cô thầy bác chú cháu cổ tích nguyễn trần lê phạm hoàng vũ võ đặng bùi đỗ hồ ngô dương lý'
  ).split(' '),
);

/** Is `word` (lower case, NFC) one Vietnamese syllable with its tone where a tone may be? */
function isSyllable(word: string): boolean {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS) ?? [];
  if (tones.length > 1) return false;
  const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  if (!SYLLABLE.test(bare)) return false;
  return !(tones.length === 1 && STOP.test(bare) && tones[0] !== '\u0301' && tones[0] !== '\u0323');
}

/**
 * How much a text looks like Vietnamese, word by word. A word with letters beyond ASCII scores +2
 * when it is a Vietnamese syllable (a known vowel group, one tone, a tone a final stop allows)
 * and -4 otherwise, as does a word whose case changes inside it ("xuÊt": TCVN3 read as another
 * table); every non-ASCII character that is not a Vietnamese letter costs 4 more (Latin-1 symbols
 * and stray combining marks are what a wrong decoding leaves). A wrong table mostly yields
 * non-syllables, so the right encoding stands far ahead: that margin is the confidence.
 */
export function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.normalize('NFC').split(/[^\p{L}\p{M}]+/u)) {
    let foreign = 0;
    let vietnamese = 0;
    for (const char of word) {
      if (char.charCodeAt(0) < 0x80) continue;
      if (VIETNAMESE_LETTERS.has(char)) vietnamese++;
      else foreign++;
    }
    if (foreign + vietnamese === 0) continue;
    score -= 4 * foreign;
    if (foreign > 0) continue;
    const mixedCase = /\p{Ll}\p{Lu}/u.test(word);
    const lower = word.toLowerCase();
    score += !mixedCase && isSyllable(lower) ? (COMMON.has(lower) ? 4 : 2) : -4;
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
    case 'vni':
      return decodeVni(bytes).normalize('NFC');
    case 'viscii':
      return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'viscii').normalize('NFC');
    case 'marc-8':
      return decodeMarc8(bytes);
  }
}

/** What detection found: the encoding, how sure it is (0–1), and how each candidate read. */
export type LegacyGuess =
  | { ok: true; encoding: LegacyEncoding; confidence: number; scores: Record<LegacyEncoding, number> }
  | { ok: false; reason: 'unknown_encoding' | 'ambiguous_encoding'; candidates: LegacyEncoding[]; scores: Record<LegacyEncoding, number> };

/** Detection reads this much of a file: enough text to decide, and a 1 GB file is not decoded four times. */
const SAMPLE_BYTES = 1 << 20;
/**
 * Below this confidence the file is refused as ambiguous. Confidence is how far the best reading
 * is ahead of the next, as a share of the best; real files read as Vietnamese in one encoding
 * and as mojibake (negative) in the others, so they are far above it (fixtures: 1.0).
 */
export const MIN_CONFIDENCE = 0.3;

/** Picks the legacy encoding of bytes that are not UTF-8, with its confidence, or says why not. */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyGuess {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const scores = Object.fromEntries(LEGACY_ENCODINGS.map((encoding) => [encoding, vietnameseScore(decodeWith(sample, encoding))])) as Record<
    LegacyEncoding,
    number
  >;
  const ranked = [...LEGACY_ENCODINGS].sort((a, b) => scores[b] - scores[a]);
  const [best, second] = [scores[ranked[0]!], Math.max(0, scores[ranked[1]!])];
  if (best <= 0) return { ok: false, reason: 'unknown_encoding', candidates: [], scores };
  const confidence = Math.round(((best - second) / best) * 100) / 100;
  if (confidence < MIN_CONFIDENCE) {
    return { ok: false, reason: 'ambiguous_encoding', candidates: ranked.filter((e) => scores[e] > 0 && scores[e] >= best * (1 - MIN_CONFIDENCE)), scores };
  }
  return { ok: true, encoding: ranked[0]!, confidence, scores };
}

/** The refusal of a file whose encoding was not found: which were tried, and how staff choose one. */
export function encodingRefusal(guess: Extract<LegacyGuess, { ok: false }>): { ok: false; reason: 'unknown_encoding' | 'ambiguous_encoding'; message: string } {
  const tried = LEGACY_ENCODINGS.map((e) => ENCODING_NAMES[e]).join(', ');
  const choose = `Hãy chọn bảng mã ở mục "Bảng mã" trên màn hình Nhập vốn sách, hoặc chạy lệnh kiosk catalogue import TỆP --encoding ${LEGACY_ENCODINGS.join('|')}. Chưa có gì được nhập.`;
  if (guess.reason === 'ambiguous_encoding') {
    return {
      ok: false,
      reason: 'ambiguous_encoding',
      message: `Không chắc bảng mã của tệp: đọc được như ${guess.candidates.map((e) => ENCODING_NAMES[e]).join(' hoặc ')} (đã thử Unicode UTF-8, ${tried}). ${choose}`,
    };
  }
  return {
    ok: false,
    reason: 'unknown_encoding',
    message: `Không nhận ra bảng mã tiếng Việt của tệp (đã thử Unicode UTF-8, ${tried}). Hãy mở tệp bằng Excel hoặc Unikey, chuyển sang Unicode rồi lưu lại dạng CSV UTF-8; hoặc nếu biết bảng mã: ${choose}`,
  };
}

/** Detects the encoding of a whole text file and decodes it. Never throws. */
export function decodeTextFile(bytes: Uint8Array, chosen?: TextEncoding): DecodeOutcome {
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
      message:
        'Tệp này không phải tệp văn bản, MARC hay Excel (.xlsx) mà kiosk đọc được. Hãy xuất lại từ phần mềm thư viện dưới dạng MARC21 (.mrc), MARCXML, CSV (UTF-8) hoặc .xlsx.',
    };
  }
  // Named by staff: read as they say (after the byte-order marks, which cannot be wrong).
  if (chosen) return { ok: true, text: decodeWith(body, chosen), encoding: chosen, confidence: 1 };
  const asUtf8 = tryUtf8(body);
  if (asUtf8 !== undefined) return { ok: true, text: asUtf8.normalize('NFC'), encoding: 'utf-8' };
  const legacy = guessLegacyEncoding(body);
  if (!legacy.ok) return encodingRefusal(legacy);
  return { ok: true, text: decodeWith(body, legacy.encoding), encoding: legacy.encoding, confidence: legacy.confidence };
}

/** A cell that could be TCVN3 shown as Latin-1: no character above U+00FF, some above ASCII. */
export const maybeLegacyCell = (text: string) => /[\u0080-\u00ff]/.test(text) && ![...text].some((c) => c.charCodeAt(0) > 0xff);

/**
 * Spreadsheet cells typed with a TCVN3 or VNI font hold Latin-1 look-alikes ("Kü thuËt",
 * "Kyõ thuaät"). Given the sheet's candidate cells, returns the font's encoding and a converter
 * when they read better that way than as they are.
 */
export function legacyCellConverter(cells: string[]): { encoding: 'tcvn3' | 'vni'; convert: (text: string) => string } | undefined {
  const sample = cells.filter(maybeLegacyCell).join(' ');
  if (sample === '') return undefined;
  const asIs = vietnameseScore(sample);
  const readers = { tcvn3: tcvn3FromLatin1, vni: vniFromLatin1 };
  const [encoding, score] = (['tcvn3', 'vni'] as const).map((e) => [e, vietnameseScore(readers[e](sample))] as const).sort((a, b) => b[1] - a[1])[0]!;
  if (score <= asIs || score <= 0) return undefined;
  const read = readers[encoding];
  return { encoding, convert: (text) => (maybeLegacyCell(text) ? read(text).normalize('NFC') : text) };
}
