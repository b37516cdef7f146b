// A name that is also a property of every JavaScript object ("constructor", "__proto__",
// "toString"…) must reach the province's spreadsheet as written. write-excel-file 4.1.1 indexed its
// shared strings in a plain object, so such a cell came out as a function's text or broke the file;
// any kiosk chooses its commune's name, so this is a seam a stranger reaches (patches/).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communesXlsx } from '../../../collector/export';
import { parsePeriod, DAY_INDICATORS } from '#contract/statistics';
import type { CommuneTotals } from '../../../collector/store/types';
import { readSheet } from 'read-excel-file/node';

const PERIOD = parsePeriod('2026')!;
const OBJECT_NAMES = Object.getOwnPropertyNames(Object.prototype);

const commune = (communeName: string, i: number): CommuneTotals => ({
  communeCode: String(10000 + i),
  communeName,
  provinceCode: '01',
  terminals: 1,
  days: 3,
  totals: Object.fromEntries(DAY_INDICATORS.map((k) => [k, i])) as CommuneTotals['totals'],
});

async function namesInSheet(names: string[]): Promise<string[]> {
  // Untrimmed, as a spreadsheet shows them: read-excel-file trims text cells by default, and the
  // letters generated below include U+1680 (Ogham space mark), which trim() removes at either end.
  const rows = await readSheet(await communesXlsx(PERIOD, names.map(commune)), { trim: false });
  return rows.slice(2).map((row) => String(row[2]));
}

describe('commune names in the XLSX export', () => {
  it('keeps names that are also properties of every object', async () => {
    expect(OBJECT_NAMES).toContain('constructor');
    const names = [...OBJECT_NAMES, 'Xã Minh Hòa', 'constructor'];
    expect(await namesInSheet(names)).toEqual(names);
  });

  it('keeps names holding runs the format reads as escaped characters', async () => {
    const names = ['Xã _x0041_', 'Thôn_x000D_Một', '_x005F_', 'Xã Hòa_X0041_'];
    expect(await namesInSheet(names)).toEqual(names);
  });

  it('keeps any name made of letters, spaces and those words', async () => {
    const word = fc.oneof(fc.constantFrom(...OBJECT_NAMES), fc.stringMatching(/^[A-Za-zÀ-ỹ]{1,12}$/));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
          { minLength: 1, maxLength: 8 },
        ),
        async (names) => {
          expect(await namesInSheet(names)).toEqual(names);
        },
      ),
      // U+1680 is in À-ỹ and is whitespace: kept at either end of a name, as written.
      { numRuns: 40, examples: [[['\u1680Xã', 'Minh Hòa\u1680', 'toString \u1680']]] },
    );
  });
});
