// CCCD QR parser: the standard layout and its known variants, structural checks of the 12-digit
// number, typed errors; fast-check: never throws, and generated valid QRs parse to what was put in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCccdText, maskIdNumber } from '../../../native/cccd/mask';
import { parseCccdQr } from '../../../native/cccd/parse';
import { PROVINCE_CODES } from '../../../native/cccd/provinces';

const VALID = '001099012345|123456789|Nguyễn Văn An|01021999|Nam|Thôn 1, xã Minh Hòa, huyện Gia Lâm, Hà Nội|15062021';

describe('parseCccdQr', () => {
  it('parses the standard seven fields', () => {
    expect(parseCccdQr(VALID)).toEqual({
      ok: true,
      value: {
        idNumber: '001099012345',
        oldId: '123456789',
        fullName: 'Nguyễn Văn An',
        birthDate: '1999-02-01',
        gender: 'male',
        address: 'Thôn 1, xã Minh Hòa, huyện Gia Lâm, Hà Nội',
        issueDate: '2021-06-15',
      },
    });
  });

  it('tolerates an empty old ID, extra trailing fields, a missing old-ID field and scanner line ends', () => {
    expect(parseCccdQr('038301001234||Lê Thị Hoa|05072001|Nữ|Thanh Hóa|20012022')).toMatchObject({
      ok: true,
      value: { oldId: null, gender: 'female', birthDate: '2001-07-05' },
    });
    expect(parseCccdQr(`${VALID}|extra|`)).toMatchObject({ ok: true, value: { issueDate: '2021-06-15' } });
    expect(parseCccdQr('001099012345|Nguyễn Văn An|01021999|Nam|Hà Nội|15062021')).toMatchObject({
      ok: true,
      value: { oldId: null, fullName: 'Nguyễn Văn An' },
    });
    expect(parseCccdQr(`${VALID}\r\n`)).toMatchObject({ ok: true });
    expect(parseCccdQr('001099012345|123456789|Nguyễn Văn An|01021999|Nam|Hà Nội')).toMatchObject({ ok: true, value: { issueDate: null } });
  });

  it('accepts decomposed (NFD) Vietnamese from some scanners', () => {
    expect(parseCccdQr('038301001234||Lê Thị Hoa|05072001|Nữ|Thanh Hóa|20012022'.normalize('NFD'))).toMatchObject({
      ok: true,
      value: { fullName: 'Lê Thị Hoa', gender: 'female' },
    });
  });

  it('reports an unknown province, and a century/gender digit that contradicts the fields', () => {
    const codes = (text: string) => (parseCccdQr(text) as { ok: false; errors: { code: string }[] }).errors.map((e) => e.code);
    expect(codes('003099012345||A|01021999|Nam|X|15062021')).toEqual(['province_code']);
    expect(codes('001199012345||A|01021999|Nam|X|15062021')).toEqual(['century_gender']);
    expect(codes('001299012345||A|01021999|Nam|X|15062021')).toEqual(['birth_year_mismatch']);
    expect(codes('001098012345||A|01021999|Nam|X|15062021')).toEqual(['birth_year_mismatch']);
    expect(codes('001099012345||A|31021999|Nam|X|15062021')).toEqual(['birth_date']);
    expect(codes('001099012345||A|01021999|Khác|X|15062021')).toEqual(['gender']);
    expect(codes('001099012345||A|01021999|Nam|X|15061990')).toEqual(['issue_date']);
    expect(codes('001099012345|12345|A|01021999|Nam|X|15062021')).toEqual(['old_id_format']);
    expect(codes('BD000123')).toEqual(['not_cccd']);
  });

  it('says what to do in Vietnamese', () => {
    const result = parseCccdQr('BD000123');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/Hãy quét mã QR/);
  });

  it('never throws on arbitrary text, including `|`-heavy text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.array(fc.string({ maxLength: 15 }), { maxLength: 10 }).map((f) => `001099012345|${f.join('|')}`),
        ),
        (text) => {
          const result = parseCccdQr(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });

  it('parses every generated valid QR back to its fields', () => {
    const date = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCE_CODES),
        date,
        fc.constantFrom('male', 'female'),
        fc.stringMatching(/^\d{6}$/),
        (province, birth, gender, tail) => {
          const year = birth.getUTCFullYear();
          const digit = (year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
          const id = `${province}${digit}${String(year % 100).padStart(2, '0')}${tail}`;
          const dd = String(birth.getUTCDate()).padStart(2, '0');
          const mm = String(birth.getUTCMonth() + 1).padStart(2, '0');
          const text = `${id}||Trần Thị Bình|${dd}${mm}${year}|${gender === 'male' ? 'Nam' : 'Nữ'}|Xã Minh Hòa|`;
          expect(parseCccdQr(text)).toEqual({
            ok: true,
            value: { idNumber: id, oldId: null, fullName: 'Trần Thị Bình', birthDate: `${year}-${mm}-${dd}`, gender, address: 'Xã Minh Hòa', issueDate: null },
          });
        },
      ),
    );
  });
});

describe('masking', () => {
  it('keeps only the province code and last two digits', () => {
    expect(maskIdNumber('001099012345')).toBe('001*******45');
    expect(maskCccdText(VALID)).toBe('001*******45|…');
    expect(maskCccdText(VALID)).not.toContain('Nguyễn');
  });
});
