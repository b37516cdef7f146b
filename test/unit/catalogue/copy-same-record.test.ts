// The same book from two servers is offered once (copy cataloguing, issue #17): records equal on what
// staff compare, after folding case, punctuation and spacing, merge; diacritics keep two books apart;
// the fuller record is kept whole and every server is named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSameRecords } from '../../../electron/core/catalogue/copy/same-record';
import { recordInput } from './fixtures';

const book = recordInput;

describe('the same record from several servers', () => {
  it('is offered once, the fuller copy kept whole, every server named', () => {
    const merged = mergeSameRecords([
      { source: 'Koha huyện', record: book({ title: 'Kỹ thuật nuôi ong lấy mật /', publisher: 'Nông nghiệp,' }) },
      { source: 'Thư viện tỉnh', record: book({ callNumber: '638.1', physicalDescription: '120 tr. ; 21 cm' }) },
      { source: 'Koha huyện', record: book({ year: 2020 }) },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ source: 'Thư viện tỉnh', alsoFrom: ['Koha huyện'], record: { callNumber: '638.1', title: 'Kỹ thuật nuôi ong lấy mật' } });
    expect(merged[1]).toMatchObject({ source: 'Koha huyện', alsoFrom: [], record: { year: 2020 } });
  });

  it('keeps books whose titles differ only in diacritics apart', () => {
    expect(
      mergeSameRecords([
        { source: 'A', record: book({ title: 'Hoa' }) },
        { source: 'B', record: book({ title: 'Hòa' }) },
      ]),
    ).toHaveLength(2);
  });

  it('never loses a book or a server, and never offers one book twice', () => {
    const field = fc.constantFrom('Hoa', 'Hòa', 'HOA', 'Hoa.', 'Ong', null);
    const candidate = fc.record({
      source: fc.constantFrom('A', 'B', 'C'),
      title: fc.constantFrom('Hoa', 'hoa /', 'Hòa', 'Ong'),
      publisher: field,
      year: fc.constantFrom(2019, 2020, null),
      callNumber: fc.constantFrom('638.1', null),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), (list) => {
        const input = list.map(({ source, ...r }) => ({ source, record: book(r) }));
        const merged = mergeSameRecords(input);
        const keys = merged.map((m) =>
          JSON.stringify([
            m.record.title.toLowerCase().replace(/[^\p{L}]/gu, ''),
            m.record.publisher?.toLowerCase().replace(/[^\p{L}]/gu, '') ?? '',
            m.record.year,
          ]),
        );
        expect(new Set(keys).size).toBe(merged.length);
        expect(merged.length).toBeLessThanOrEqual(input.length);
        // Every server that sent something is named on some offer; no offer names a server twice.
        const named = merged.flatMap((m) => [m.source, ...(m.alsoFrom ?? [])]);
        for (const m of merged) expect(new Set([m.source, ...(m.alsoFrom ?? [])]).size).toBe(1 + (m.alsoFrom ?? []).length);
        expect(new Set(named)).toEqual(new Set(input.map((c) => c.source)));
        // Each offered record is one of the records sent, unchanged.
        for (const m of merged) expect(input.some((c) => c.record === m.record)).toBe(true);
      }),
    );
  });
});
