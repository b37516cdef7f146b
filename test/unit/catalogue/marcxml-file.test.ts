// The streamed MARCXML reader (marcxml-file.ts) must read a UTF-8 file on disk exactly as the
// in-memory reader reads the same text, wherever its chunks cut an element or a character, and
// refuse a broken file with the same sentence; a file that is not UTF-8 is left to the whole-file
// path. Property-based: random records, random chunk sizes, random damage.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readMarcXml } from '../../../electron/core/catalogue/marcxml';
import { readMarcXmlFile, scanMarcXmlFile } from '../../../electron/core/catalogue/marcxml-file';
import { readImportFile, readImportSource, type ReadOutcome } from '../../../electron/core/catalogue/read-file';
import { tempDir } from '../../support/temp-dir';
import { marcXmlOf, sampleRecords } from './fixtures';

const dir = tempDir('kiosk-marcxml-file-');
afterAll(() => dir.remove());
let files = 0;
const onDisk = (bytes: Uint8Array | string) => {
  const path = join(dir.path, `f${files++}.xml`);
  writeFileSync(path, bytes);
  return path;
};

/** What the in-memory reader makes of the text: the fatal fault, or every record and record error in order. */
function inMemory(text: string) {
  const read = readMarcXml(text);
  if (!read.ok) return { fatal: read.fatal };
  return { units: [...read.records, ...read.errors].sort((a, b) => a.recordNumber - b.recordNumber) };
}

function streamed(path: string, chunkBytes: number) {
  const scan = scanMarcXmlFile(path, 0, chunkBytes);
  if (!scan.ok) return 'fatal' in scan ? { fatal: scan.fatal } : { notUtf8: true };
  const units = [...readMarcXmlFile(path, 0, chunkBytes)];
  expect(units.length).toBe(scan.count);
  return { units };
}

/** Damage a librarian's file may carry: a cut copy, a bad tag, a short leader, a stray '<'. */
const damage = fc.constantFrom('none', 'cut', 'badTag', 'shortLeader', 'strayLt') as fc.Arbitrary<'none' | 'cut' | 'badTag' | 'shortLeader' | 'strayLt'>;

function damaged(text: string, kind: 'none' | 'cut' | 'badTag' | 'shortLeader' | 'strayLt', at: number): string {
  switch (kind) {
    case 'cut':
      return text.slice(0, Math.max(1, Math.floor(text.length * at)));
    case 'badTag':
      return text.replace('tag="245"', 'tag="24"');
    case 'shortLeader':
      return text.replace('<marc:leader>00000nam a2200000 a 4500', '<marc:leader>00000nam');
    case 'strayLt':
      return text.replace('</marc:subfield>', '< </marc:subfield>');
    default:
      return text;
  }
}

describe('the streamed MARCXML reader', () => {
  it('reads what the in-memory reader reads, whatever the chunk size and the damage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 400 }),
        damage,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (count, chunkBytes, kind, at, seed) => {
          const text = damaged(marcXmlOf(sampleRecords(count, seed)), kind, at);
          expect(streamed(onDisk(text), chunkBytes)).toEqual(inMemory(text));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('leaves a file that is not UTF-8 to the whole-file reader, and reads it there as before', async () => {
    const text = marcXmlOf(sampleRecords(3, 4)).replace('encoding="UTF-8"', 'encoding="windows-1258"');
    // "Sách" in Windows-1258: the 0xE1 is not UTF-8.
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, text.indexOf('</marc:collection>'))),
      Buffer.from([0x53, 0xe1, 0x63, 0x68]),
      Buffer.from('</marc:collection>\n'),
    ]);
    const path = onDisk(bytes);
    expect(streamed(path, 64)).toEqual({ notUtf8: true });
    const fromFile = await readImportSource({ path });
    const fromBytes = await readImportFile(bytes);
    // Here a refusal (a few legacy bytes do not tell the encoding): the same sentence either way.
    expect(summary(fromFile)).toEqual(summary(fromBytes));
  });

  it('reads a UTF-8 file through readImportSource as readImportFile reads its bytes', async () => {
    const text = marcXmlOf(sampleRecords(40, 9));
    const fromFile = await readImportSource({ path: onDisk(text) });
    const fromBytes = await readImportFile(Buffer.from(text));
    expect(fromFile).toMatchObject({ ok: true, format: 'marcxml', encoding: 'utf-8', count: 40 });
    expect(summary(fromFile)).toEqual(summary(fromBytes));
  });
});

function summary(read: ReadOutcome) {
  if (!read.ok) return read;
  const { units, rows: _rows, ...rest } = read;
  return { ...rest, units: [...units] };
}
