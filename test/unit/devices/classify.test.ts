// Scan classification: the demo patterns, ISBN check digits, guest passes, CCCD shape; exact on generated codes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScan, compilePattern, defaultPatterns } from '../../../native/scan/classify';
import { ean13CheckDigit, isbn10CheckChar, isIsbn13 } from '../../../native/scan/isbn';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const GUEST_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

describe('classifyScan', () => {
  it('recognises the demo library, staff and item codes', () => {
    expect(classifyScan('BD000123')).toBe('card');
    expect(classifyScan('NV0001')).toBe('card');
    expect(classifyScan('KT0002')).toBe('card');
    expect(classifyScan('TV000045')).toBe('item');
    expect(classifyScan('BD12345')).toBe('unknown');
    expect(classifyScan('TV0000456')).toBe('unknown');
  });

  it('checks the ISBN check digit', () => {
    expect(classifyScan('9786041234567')).toBe('isbn');
    expect(classifyScan('9786041234568')).toBe('unknown');
    expect(classifyScan('978-604-1-23456-7')).toBe('isbn');
    expect(classifyScan('0306406152')).toBe('isbn');
    expect(classifyScan('080442957X')).toBe('isbn');
    // An EAN-13 that is not a book (890 = Vietnam products) is not an ISBN.
    expect(classifyScan('8934567890121')).toBe('unknown');
  });

  it('knows guest passes and refuses look-alike letters', () => {
    expect(classifyScan('KHACH-7K3M9QXZ')).toBe('guest');
    expect(classifyScan('KHACH-7K3M9QX0')).toBe('unknown');
    expect(classifyScan('KHACH-7K3M9QXI')).toBe('unknown');
  });

  it('recognises a CCCD QR and strips scanner whitespace', () => {
    expect(classifyScan('001099012345|123456789|Nguyễn Văn An|01021999|Nam|Thôn 1|15062021\r\n')).toBe('cccd');
    expect(classifyScan('  BD000123\n')).toBe('card');
    expect(classifyScan('')).toBe('unknown');
  });

  it('uses configured patterns', () => {
    const patterns = { card: /^LIB-\d{4}$/, item: /^\d{8}$/ };
    expect(classifyScan('LIB-0042', patterns)).toBe('card');
    expect(classifyScan('12345678', patterns)).toBe('item');
    expect(classifyScan('BD000123', patterns)).toBe('unknown');
  });

  it('reports a bad configured pattern instead of throwing', () => {
    expect(compilePattern('^(BD').ok).toBe(false);
    expect(compilePattern('^BD\\d+$').ok).toBe(true);
  });

  it('classifies every generated valid ISBN-13 as isbn and every wrong check digit as not', () => {
    fc.assert(
      fc.property(fc.constantFrom('978', '979'), digits(9), fc.integer({ min: 1, max: 9 }), (prefix, body, shift) => {
        const first12 = prefix + body;
        const check = ean13CheckDigit(first12);
        expect(classifyScan(first12 + check)).toBe('isbn');
        expect(classifyScan(first12 + ((check + shift) % 10))).toBe('unknown');
      }),
    );
  });

  it('classifies every generated ISBN-10 exactly', () => {
    fc.assert(
      fc.property(digits(9), (body) => {
        expect(classifyScan(body + isbn10CheckChar(body))).toBe('isbn');
      }),
    );
  });

  it('classifies every generated card, staff card, item and guest pass exactly', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          digits(6).map((d) => ({ text: `BD${d}`, kind: 'card' })),
          digits(4).map((d) => ({ text: `NV${d}`, kind: 'card' })),
          digits(4).map((d) => ({ text: `KT${d}`, kind: 'card' })),
          digits(6).map((d) => ({ text: `TV${d}`, kind: 'item' })),
          fc.array(fc.constantFrom(...GUEST_ALPHABET), { minLength: 8, maxLength: 8 }).map((c) => ({ text: `KHACH-${c.join('')}`, kind: 'guest' })),
        ),
        ({ text, kind }) => {
          expect(classifyScan(text, defaultPatterns)).toBe(kind);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(['card', 'item', 'isbn', 'cccd', 'guest', 'unknown']).toContain(classifyScan(text));
      }),
    );
  });

  it('agrees with isIsbn13 on arbitrary 13-digit strings', () => {
    fc.assert(
      fc.property(digits(13), (text) => {
        expect(classifyScan(text) === 'isbn').toBe(isIsbn13(text));
      }),
    );
  });
});
