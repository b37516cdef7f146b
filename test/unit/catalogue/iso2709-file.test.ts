// The streamed MARC21 reader (iso2709-file.ts) must read a file on disk exactly as the in-memory
// reader reads the same bytes, wherever its chunks happen to cut the records, and refuse a broken
// file with the same sentence. Property-based: random records, random chunk sizes, random damage.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIso2709Record, scanIso2709, writeIso2709 } from '../../../electron/core/catalogue/iso2709';
import { readIso2709File, scanIso2709File } from '../../../electron/core/catalogue/iso2709-file';
import { readImportFile, readImportSource } from '../../../electron/core/catalogue/read-file';
import type { MarcRecord } from '../../../electron/core/catalogue/marc';
import { tempDir } from '../../support/temp-dir';
import { mrcOf, sampleRecords } from './fixtures';

const dir = tempDir('kiosk-iso2709-file-');
afterAll(() => dir.remove());
let files = 0;
const onDisk = (bytes: Uint8Array) => {
  const path = join(dir.path, `f${files++}.mrc`);
  writeFileSync(path, bytes);
  return path;
};

const text = fc
  .string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạềếểễệ0123456789 .,'.split('')), minLength: 1, maxLength: 60 })
  .filter((s) => s.trim() !== '');
const marcRecord: fc.Arbitrary<MarcRecord> = fc.record({
  leader: fc.constant('00000nam a2200000 a 4500'),
  fields: fc.array(
    fc.record({
      tag: fc.constantFrom('100', '245', '260', '650', '852'),
      ind1: fc.constant(' '),
      ind2: fc.constant(' '),
      subfields: fc.array(fc.record({ code: fc.constantFrom('a', 'b', 'p'), value: text }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

/** What the in-memory reader makes of `bytes`: the fatal fault, or every record (or its error) in order. */
function inMemory(bytes: Uint8Array) {
  const scan = scanIso2709(bytes);
  if (!scan.ok) return { fatal: scan.fatal };
  return { records: scan.bounds.map((bound) => ({ recordNumber: bound.recordNumber, parsed: parseIso2709Record(bytes, bound, 'utf-8') })) };
}

function streamed(path: string, chunkBytes: number) {
  const scan = scanIso2709File(path, 0, chunkBytes);
  if (!scan.ok) return { fatal: scan.fatal };
  const records = [...readIso2709File(path, 0, 'utf-8', chunkBytes)];
  expect(records.length).toBe(scan.count);
  return { records };
}

describe('the streamed MARC21 reader', () => {
  it('reads what the in-memory reader reads, whatever the chunk size (records cut across chunks, line breaks between records)', () => {
    fc.assert(
      fc.property(fc.array(marcRecord, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 700 }), fc.boolean(), (records, chunkBytes, breaks) => {
        const parts = records.map((r) => writeIso2709([r]));
        const bytes = Buffer.concat(breaks ? parts.flatMap((p) => [p, Buffer.from('\r\n')]) : parts);
        expect(streamed(onDisk(bytes), chunkBytes)).toEqual(inMemory(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a damaged or cut file with the in-memory reader’s sentence (byte offsets of the whole file)', () => {
    const file = mrcOf(sampleRecords(12, 3));
    fc.assert(
      fc.property(
        fc.nat(file.length - 1),
        fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
        fc.integer({ min: 16, max: 5000 }),
        (at, value, chunkBytes) => {
          // Either one byte changed, or the file cut there.
          const bytes = value === undefined ? file.subarray(0, at) : Buffer.from(file);
          if (value !== undefined) bytes[at] = value;
          expect(streamed(onDisk(bytes), chunkBytes)).toEqual(inMemory(bytes));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same import units from a path as from the bytes', async () => {
    const bytes = mrcOf(sampleRecords(40, 4));
    const path = onDisk(bytes);
    const [fromBytes, fromPath] = [await readImportFile(bytes), await readImportSource({ path })];
    if (!fromBytes.ok || !fromPath.ok) throw new Error('both should read');
    expect({ ...fromPath, units: [...fromPath.units] }).toEqual({ ...fromBytes, units: [...fromBytes.units] });
  });
});
