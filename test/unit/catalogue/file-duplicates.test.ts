// Duplicates within one import file (issue #17: any size a province exports, flat in memory): the
// numbers seen so far move from a Map to a temporary SQLite database past a threshold, and the
// verdicts are the same either way, unit by unit, for any file (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rejectDuplicatesInFile } from '../../../electron/core/catalogue/file-duplicates';
import type { ReadUnit } from '../../../electron/core/catalogue/read-file';
import { WrittenIsbns } from '../../../electron/core/catalogue/store-records';
import { recordInput } from './fixtures';

function unit(at: number, controlNumber: string | null, barcodes: string[]): ReadUnit {
  const record = recordInput({ controlNumber, title: `Sách ${at}`, items: barcodes.map((barcode) => ({ barcode, location: null })) });
  return { at, unit: 'record', mapped: { ok: true, record } };
}

/** What became of each unit: kept, or the sentence it was rejected with. */
function verdicts(units: ReadUnit[], spillAfter?: number): string[] {
  return [...rejectDuplicatesInFile(units, { after: spillAfter })].map((u) => (u.mapped.ok ? 'kept' : u.mapped.problem.message));
}

describe('duplicates within one file', () => {
  it('rejects a repeated control number or barcode, naming the earlier record, in memory and spilled to disk', () => {
    const file = () => [
      unit(1, 'VN001', ['TV000001', 'TV000002']),
      unit(2, 'VN002', ['TV000003']),
      unit(3, 'VN001', ['TV000009']),
      unit(4, 'VN004', ['TV000002']),
      // Rejected units leave nothing behind: VN004 and TV000009 are still free.
      unit(5, 'VN004', ['TV000009']),
      unit(6, null, ['TV000003']),
    ];
    const expected = [
      'kept',
      'kept',
      'Bản ghi số 3 trùng số kiểm soát VN001 với bản ghi số 1 trong cùng tệp. Hãy giữ một bản rồi nhập lại.',
      'Bản ghi số 4 dùng lại mã vạch TV000002 đã có ở bản ghi số 1 trong cùng tệp. Mỗi cuốn sách cần một mã vạch riêng.',
      'kept',
      'Bản ghi số 6 dùng lại mã vạch TV000003 đã có ở bản ghi số 2 trong cùng tệp. Mỗi cuốn sách cần một mã vạch riêng.',
    ];
    expect(verdicts(file())).toEqual(expected);
    expect(verdicts(file(), 0)).toEqual(expected);
    expect(verdicts(file(), 2)).toEqual(expected);
  });

  it('gives the same verdicts whether the numbers stay in memory or spill to disk, for any file', () => {
    // Few distinct numbers, so repeats are common; a control number and a barcode may be the same text.
    const number = fc.constantFrom('A1', 'A2', 'A3', 'B1', 'B2', 'TV1', 'TV2', 'TV3', 'TV4', 'TV5');
    const record = fc.record({ control: fc.option(number, { nil: null }), barcodes: fc.array(number, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.integer({ min: 0, max: 12 }), (records, spillAfter) => {
        const file = () => records.map((r, i) => unit(i + 1, r.control, r.barcodes));
        expect(verdicts(file(), spillAfter)).toEqual(verdicts(file(), Number.POSITIVE_INFINITY));
      }),
      { numRuns: 150 },
    );
  });

  it('closes its spill database when the reader stops early', () => {
    const units = Array.from({ length: 50 }, (_, i) => unit(i + 1, `VN${i}`, [`TV${i}`]));
    const reading = rejectDuplicatesInFile(units, { after: 3 });
    for (let i = 0; i < 10; i++) reading.next();
    // A refused import stops reading: return() runs the generator's finally, which closes the database.
    expect(reading.return(undefined)).toEqual({ done: true, value: undefined });
  });
});

describe('the ISBNs an import into an empty catalogue has written', () => {
  it('lets a new ISBN skip the lookup while few are kept, and looks every ISBN up past that', () => {
    const written = new WrittenIsbns();
    written.add('9786040000001');
    expect([written.mayHave('9786040000001'), written.mayHave('9786040000002')]).toEqual([true, false]);
    for (let i = 0; i < WrittenIsbns.ISBNS_KEPT; i++) written.add(`isbn-${i}`);
    // Too many to keep: none is skipped any more, so none is missed.
    expect([written.mayHave('9786040000001'), written.mayHave('9786040000002')]).toEqual([true, true]);
  });
});
