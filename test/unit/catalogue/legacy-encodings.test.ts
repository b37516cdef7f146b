// VNI-Windows and VISCII beside TCVN3 and Windows-1258 (issue #17): each table round-trips every
// Vietnamese letter; fixtures of real text saved in each encoding are detected with their
// confidence and read back exactly; an ambiguous file is refused naming what was tried and how
// to choose; a named encoding is obeyed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeTextFile,
  decodeWith,
  guessLegacyEncoding,
  legacyCellConverter,
  MIN_CONFIDENCE,
  type LegacyEncoding,
} from '../../../electron/core/catalogue/encoding';
import { readImportFile } from '../../../electron/core/catalogue/read-file';
import { decodeTcvn3, encodeTcvn3 } from '../../../electron/core/catalogue/tcvn3';
import { decodeVni, encodeVni, vniFromLatin1 } from '../../../electron/core/catalogue/vni';
import { cp1258 } from '../../fixtures/catalogue/encodings/cp1258';

const FIXTURES = join(__dirname, '../../fixtures/catalogue/encodings');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const SOURCE = fixture('utf-8.csv').toString('utf8');

const LOWER = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const LETTERS = [...LOWER, ...LOWER.toUpperCase()];
const text = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet, ' ', ',', '.', '0', '9'), { maxLength: 120 }).map((chars) => chars.join(''));

/** TCVN3's .VnTime font has no accented capitals (they came from the capitals font): they are saved lower-case. */
const asTcvn3Saves = (value: string) => [...value].map((c) => (/[ĂÂÊÔƠƯĐ]/.test(c) || c.normalize('NFD').length === 1 ? c : c.toLowerCase())).join('');

const ENCODE: Record<LegacyEncoding, (value: string) => Uint8Array> = {
  'windows-1258': cp1258,
  tcvn3: encodeTcvn3,
  vni: encodeVni,
  viscii: (value) => iconv.encode(value, 'viscii'),
};

describe('each table round-trips every Vietnamese letter (property)', () => {
  it('VNI-Windows, capitals included', () => {
    fc.assert(
      fc.property(text(LETTERS), (value) => {
        expect(decodeVni(encodeVni(value))).toBe(value);
      }),
    );
  });
  it('VNI-Windows: a cell typed in a VNI font reads the same as the bytes', () => {
    fc.assert(
      fc.property(text(LETTERS), (value) => {
        expect(vniFromLatin1(Buffer.from(encodeVni(value)).toString('latin1'))).toBe(value);
      }),
    );
  });
  it('VISCII, capitals included', () => {
    fc.assert(
      fc.property(text(LETTERS), (value) => {
        expect(decodeWith(iconv.encode(value, 'viscii'), 'viscii')).toBe(value);
      }),
    );
  });
  it('TCVN3, lower case and its own capitals', () => {
    fc.assert(
      fc.property(text(LETTERS), (value) => {
        expect(decodeTcvn3(encodeTcvn3(value)).normalize('NFC')).toBe(asTcvn3Saves(value));
      }),
    );
  });
  it('Windows-1258, capitals included', () => {
    fc.assert(
      fc.property(text(LETTERS), (value) => {
        expect(decodeWith(cp1258(value), 'windows-1258')).toBe(value);
      }),
    );
  });
});

describe('fixtures of real Vietnamese text in each encoding', () => {
  const cases: [LegacyEncoding, string][] = [
    ['windows-1258', 'windows-1258.csv'],
    ['tcvn3', 'tcvn3.csv'],
    ['vni', 'vni.csv'],
    ['viscii', 'viscii.csv'],
  ];
  for (const [encoding, file] of cases) {
    it(`${encoding}: detected with its confidence and read back exactly`, async () => {
      const bytes = fixture(file);
      const expected = encoding === 'tcvn3' ? asTcvn3Saves(SOURCE) : SOURCE;
      const guess = guessLegacyEncoding(bytes);
      expect(guess).toMatchObject({ ok: true, encoding });
      expect(guess.ok && guess.confidence).toBeGreaterThanOrEqual(0.9);
      expect(decodeTextFile(bytes)).toEqual({ ok: true, text: expected, encoding, confidence: guess.ok ? guess.confidence : -1 });
      const read = await readImportFile(bytes);
      expect(read).toMatchObject({ ok: true, format: 'csv', encoding, count: 10 });
      const titles = read.ok ? [...read.units].map((u) => (u.mapped.ok ? u.mapped.record.title : '')) : [];
      expect(titles[0]).toBe('Dế Mèn phiêu lưu ký');
      expect(titles[1]).toBe('Truyện Kiều');
    });
  }

  it('a sheet typed in a VNI font is converted cell by cell', () => {
    const cells = ['Kyõ thuaät troàng luùa', 'Nguyeãn Vaên Ñöùc', '2019'];
    const legacy = legacyCellConverter(cells);
    expect(legacy?.encoding).toBe('vni');
    expect(cells.map(legacy!.convert)).toEqual(['Kỹ thuật trồng lúa', 'Nguyễn Văn Đức', '2019']);
  });
});

describe('detecting, and refusing when unsure', () => {
  const WORDS = ['sách', 'đọc', 'thư viện', 'xã', 'nông nghiệp', 'trồng', 'lúa', 'người', 'những', 'quê hương', 'kỹ thuật', 'ước mơ', 'Việt Nam', 'Đức'];
  const ENCODINGS: LegacyEncoding[] = ['windows-1258', 'tcvn3', 'vni', 'viscii'];

  // A catalogue file has many words; 5+ words of ordinary Vietnamese decide among all four tables.
  it('detects any Vietnamese sentence of 5+ words in each of the four encodings (property)', () => {
    const words = fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 5, maxLength: 12 });
    fc.assert(
      fc.property(words, fc.constantFrom(...ENCODINGS), (list, encoding) => {
        const value = list.join(' ');
        const result = decodeTextFile(ENCODE[encoding](value));
        expect(result).toMatchObject({ ok: true, encoding, text: encoding === 'tcvn3' ? asTcvn3Saves(value) : value });
        expect(result.ok && result.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
      }),
      { numRuns: 500 },
    );
  });

  // Four words can be too few: when a single word tells two tables apart, the best reading leads by
  // less than MIN_CONFIDENCE (VISCII "sách xã trồng lúa" also reads as VNI "sách xã tr°ng lúa") and
  // the file is refused. Scores add up word by word, whatever the order, so every set of four is tried.
  it('reads every sentence of 4 of those words right in each encoding, or refuses it as ambiguous; never misreads it', () => {
    const fours = WORDS.flatMap((a, i) =>
      WORDS.slice(i + 1).flatMap((b, j) => WORDS.slice(i + j + 2).flatMap((c, k) => WORDS.slice(i + j + k + 3).map((d) => [a, b, c, d]))),
    );
    expect(fours).toHaveLength(1001);
    const refused: string[] = [];
    for (const list of fours) {
      for (const encoding of ENCODINGS) {
        const value = list.join(' ');
        const result = decodeTextFile(ENCODE[encoding](value));
        if (!result.ok) {
          expect(result.reason, `${encoding}: ${value}`).toBe('ambiguous_encoding');
          refused.push(`${encoding}: ${value}`);
          continue;
        }
        expect(result, value).toMatchObject({ encoding, text: encoding === 'tcvn3' ? asTcvn3Saves(value) : value });
        expect(result.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
      }
    }
    expect(refused.length, refused.join('\n')).toBeLessThan(fours.length * ENCODINGS.length * 0.01);
  });

  it('refuses a file that reads about as well in two encodings, naming the encodings tried and how to choose', () => {
    // Bytes that read as Vietnamese letters both in VISCII and in Windows-1258 (a short, odd file).
    const ambiguous = Buffer.from([0x6c, 0xe0, 0x20, 0x6d, 0xe1, 0x20, 0x6b, 0xed]);
    const result = decodeTextFile(ambiguous);
    expect(result).toMatchObject({ ok: false, reason: 'ambiguous_encoding' });
    const message = result.ok ? '' : result.message;
    expect(message).toMatch(/Không chắc bảng mã của tệp: đọc được như .+ hoặc .+/);
    expect(message).toContain('đã thử Unicode UTF-8, Windows-1258, TCVN3 (ABC), VNI-Windows, VISCII');
    expect(message).toContain('--encoding windows-1258|tcvn3|vni|viscii');
    expect(message).toContain('"Bảng mã"');
    // Named by staff, it is read as they say.
    expect(decodeTextFile(ambiguous, 'viscii')).toMatchObject({ ok: true, encoding: 'viscii', confidence: 1 });
  });

  it('refuses a file that reads as Vietnamese in none, naming what was tried', () => {
    const result = decodeTextFile(Buffer.from([0x41, 0x80, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x42, 0x0a]));
    expect(result).toMatchObject({ ok: false, reason: 'unknown_encoding' });
    expect(!result.ok && result.message).toContain('đã thử Unicode UTF-8, Windows-1258, TCVN3 (ABC), VNI-Windows, VISCII');
  });
});
