import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTextFile, looksBinary } from '../../../electron/core/catalogue/encoding';
import { decodeTcvn3, encodeTcvn3 } from '../../../electron/core/catalogue/tcvn3';
import { cp1258 } from '../../fixtures/catalogue/encodings/cp1258';

const SAMPLE = 'Nhan đề,Tác giả\nKỹ thuật trồng lúa nước,Nguyễn Văn Đức\nTruyện cổ tích Việt Nam,Đặng Thị Hạnh\n';
const VIETNAMESE_LOWER = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ ';

describe('decoding import files', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeTextFile(Buffer.from(SAMPLE, 'utf8'))).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8' });
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]))).toMatchObject({ ok: true, text: SAMPLE });
  });

  it('reads UTF-16 (Excel "Unicode text") by its byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeTextFile(bytes)).toMatchObject({ ok: true, text: SAMPLE, encoding: 'utf-16le' });
  });

  it('detects Windows-1258 and converts it instead of importing mojibake', () => {
    const bytes = cp1258(SAMPLE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeTextFile(bytes)).toMatchObject({ ok: true, text: SAMPLE, encoding: 'windows-1258' });
  });

  it('detects TCVN3 (ABC) and converts it', () => {
    const lower = SAMPLE.toLowerCase();
    const result = decodeTextFile(encodeTcvn3(lower));
    expect(result).toMatchObject({ ok: true, text: lower, encoding: 'tcvn3' });
  });

  it('refuses empty and binary files with a sentence saying what to do', () => {
    expect(decodeTextFile(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const refused = decodeTextFile(png);
    expect(refused).toMatchObject({ ok: false, reason: 'binary' });
    expect(!refused.ok && refused.message).toMatch(/Hãy xuất lại/);
    expect(looksBinary(png)).toBe(true);
  });

  it('never throws on arbitrary bytes, and what it decodes is well-formed text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const result = decodeTextFile(bytes);
        if (result.ok) expect(result.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        else expect(result.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 300 },
    );
  });

  it('TCVN3 round-trips every lower-case Vietnamese letter', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VIETNAMESE_LOWER.split('')), { maxLength: 80 }), (letters) => {
        const text = letters.join('');
        expect(decodeTcvn3(encodeTcvn3(text))).toBe(text);
      }),
    );
  });

  // A word or two can read as Vietnamese in both encodings ("lúa" in TCVN3 is "lóa" in
  // Windows-1258); a catalogue file has far more text than that, so the property uses 4+ words.
  it('detects the encoding of any Vietnamese sentence written in TCVN3 or Windows-1258', () => {
    const words = fc.uniqueArray(
      fc.constantFrom('sách', 'đọc', 'thư viện', 'xã', 'nông nghiệp', 'trồng', 'lúa', 'người', 'những', 'quê hương', 'kỹ thuật', 'ước mơ'),
      { minLength: 4, maxLength: 12 },
    );
    fc.assert(
      fc.property(words, (list) => {
        const text = list.join(' ');
        expect(decodeTextFile(encodeTcvn3(text))).toMatchObject({ ok: true, text, encoding: 'tcvn3' });
        expect(decodeTextFile(cp1258(text))).toMatchObject({ ok: true, text, encoding: 'windows-1258' });
      }),
      { numRuns: 1000 },
    );
  });
});
