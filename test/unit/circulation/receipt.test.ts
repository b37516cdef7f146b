// The receipt formatter and card masking: every line appears, no full card number ever does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReceipt, maskCard } from '../../../electron/core/circulation/receipt';
import { itemBarcode } from '#contract/circulation';
import { cardNumber } from '#contract/patrons';

const card = fc.stringMatching(/^[A-Z]{2}\d{6}$/);
const line = fc.record({
  item: fc.stringMatching(/^TV\d{6}$/),
  title: fc.string({ minLength: 1, maxLength: 120 }).filter((s) => s.trim().length > 0 && !s.includes('\n')),
  dueDate: fc.option(fc.constantFrom('2026-12-07', '2027-01-31'), { nil: null }),
  reserved: fc.boolean(),
});
const RESERVED = 'Có người đặt: đưa cho cán bộ, đừng để lên giá';

describe('receipts', () => {
  it('list every item with its due date, under the library name, and never show the whole card number', () => {
    fc.assert(
      fc.property(card, fc.array(line, { minLength: 1, maxLength: 10 }), fc.constantFrom('checkout', 'return'), (number, lines, kind) => {
        const text = formatReceipt({
          libraryName: 'Thư viện xã Minh Hòa',
          kind: kind as 'checkout' | 'return',
          at: Date.parse('2026-12-01T08:00:00+07:00'),
          card: number,
          lines,
        });
        expect(text.split('\n')[0]).toBe('Thư viện xã Minh Hòa');
        expect(text).not.toContain(number);
        expect(text).toContain(`Thẻ: ${maskCard(number)}`);
        for (const l of lines) {
          expect(text).toContain(`Mã ${l.item}`);
          if (l.dueDate) expect(text).toContain(`hạn trả ${l.dueDate.split('-').reverse().join('/')}`);
        }
        expect(text).toContain(`Tổng cộng: ${lines.length} cuốn`);
        // A reserved copy's line is followed by the note to hand it to staff; no other line is.
        const rows = text.split('\n');
        expect(rows.filter((r) => r.includes(RESERVED))).toHaveLength(lines.filter((l) => l.reserved).length);
        lines.forEach((l, i) => {
          const at = rows.findIndex((r) => r.startsWith(`${i + 1}. `));
          expect(rows[at + 2]?.includes(RESERVED) ?? false).toBe(l.reserved);
        });
      }),
    );
  });

  it('masks a card keeping only its first and last two characters', () => {
    expect(maskCard('BD000123')).toBe('BD****23');
    fc.assert(
      fc.property(fc.string({ minLength: 5, maxLength: 32 }), (text) => {
        const masked = maskCard(text);
        expect(masked).toHaveLength(text.length);
        expect(masked.slice(2, -2)).toMatch(/^\*+$/);
      }),
    );
  });
});

describe('card and barcode input', () => {
  it('accepts what a scanner or a person types, normalised to upper case, and rejects anything else', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9-]{3,32}$/), fc.constantFrom('', ' ', '  '), (raw, pad) => {
        expect(cardNumber.parse(`${pad}${raw}${pad}`)).toBe(raw.toUpperCase());
        expect(itemBarcode.parse(raw)).toBe(raw.toUpperCase());
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((s) => !/^[A-Za-z0-9-]{3,32}$/.test(s.trim())),
        (raw) => {
          expect(cardNumber.safeParse(raw).success).toBe(false);
          expect(itemBarcode.safeParse(raw).success).toBe(false);
        },
      ),
    );
  });
});
