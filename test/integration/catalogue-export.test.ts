// MARC export (issue #17): `kiosk catalogue export --format marc21|marcxml FILE` writes the
// commune's holdings with their copies in 952; Index Data's yaz-marcdump reads both files without
// an error; import → export → import changes nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCatalogue } from '../../electron/core/catalogue/export';
import { importCatalogueFile } from '../../electron/core/catalogue/import';
import { readIso2709 } from '../../electron/core/catalogue/iso2709';
import { badIsbnMrc } from '../fixtures/catalogue/bad-isbn';
import { kiosk as runCli } from '../support/cli';
import { openTestKiosk, type TestKiosk } from '../support/kiosk';
import { tempDir } from '../support/temp-dir';
import { mrcOf, sampleRecords } from '../unit/catalogue/fixtures';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
function folder(): string {
  const dir = tempDir('marc-export-');
  dirs.push(dir);
  return dir.path;
}

const importBytes = (t: TestKiosk, bytes: Uint8Array) => importCatalogueFile(t.kiosk.db, t.clock, bytes, { fileName: 'tinh.mrc', target: 'catalogue' });
const snapshotOf = (t: TestKiosk) => ({
  records: t.kiosk.db.prepare('SELECT * FROM records ORDER BY id').all(),
  items: t.kiosk.db.prepare('SELECT * FROM items ORDER BY id').all(),
  events: (t.kiosk.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
});

/** yaz-marcdump's verdict on a file: exit status and anything it said on stderr. */
function yazReads(file: string, format: 'marc21' | 'marcxml') {
  const args = format === 'marcxml' ? ['-i', 'marcxml', '-o', 'line', file] : ['-i', 'marc', '-o', 'line', file];
  const run = spawnSync('yaz-marcdump', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

describe('MARC export', () => {
  it('writes every record with its copies in 952, read by yaz-marcdump without errors in both formats', async () => {
    const t = await openTestKiosk();
    await importBytes(t, mrcOf(sampleRecords(60, 5)));
    await importBytes(t, badIsbnMrc());
    const records = (t.kiosk.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    const items = (
      t.kiosk.db.prepare("SELECT count(*) AS n FROM items i JOIN collections c ON c.id = i.collection_id WHERE c.kind = 'own'").get() as { n: number }
    ).n;
    const dir = folder();
    for (const format of ['marc21', 'marcxml'] as const) {
      const file = join(dir, `xa.${format === 'marc21' ? 'mrc' : 'xml'}`);
      const result = exportCatalogue(t.kiosk.db, file, format, '12345');
      expect(result).toMatchObject({ records, items, format });
      const yaz = yazReads(file, format);
      expect(yaz.stderr).toBe('');
      expect(yaz.status).toBe(0);
      // yaz's line format: one "952" line per copy, with the barcode in $p and the branch in $a.
      expect(yaz.stdout.match(/^952 /gm)?.length).toBe(items);
      expect(yaz.stdout).toMatch(/^952 {4}\$a 12345 \$b 12345 \$c Kho mở \$o 895\.9223 \$p TL00001 \$y BK$/m);
      expect(yaz.stdout).toContain('$z 9786042145674');
    }
    const parsed = readIso2709(readFileSync(join(dir, 'xa.mrc')));
    expect(parsed.ok && parsed.records.length).toBe(records);
  });

  it('import → export → import changes nothing, in MARC21 and MARCXML, also into a fresh kiosk', async () => {
    for (const format of ['marc21', 'marcxml'] as const) {
      const t = await openTestKiosk();
      await importBytes(t, mrcOf(sampleRecords(40, 6)));
      await importBytes(t, badIsbnMrc());
      const file = join(folder(), 'xa.out');
      exportCatalogue(t.kiosk.db, file, format, '12345');
      const before = snapshotOf(t);
      const again = await importBytes(t, readFileSync(file));
      expect(again).toMatchObject({ imported: 0, updated: 0, rejected: 0, itemsAdded: 0, unchanged: before.records.length });
      expect(snapshotOf(t)).toEqual(before);

      // The same file into another kiosk, exported again: the same MARC.
      const other = await openTestKiosk();
      await importBytes(other, readFileSync(file));
      const second = join(folder(), 'xa2.out');
      exportCatalogue(other.kiosk.db, second, format, '12345');
      // Records end with 0x1D (ISO 2709) or </record> (MARCXML).
      const body = (path: string) =>
        readFileSync(path, 'utf8')
          .split(String.fromCharCode(0x1d))
          .flatMap((part) => part.split('</record>'))
          .sort();
      expect(body(second)).toEqual(body(file));
    }
  });

  it('kiosk catalogue export --format marcxml FILE, through the CLI, as a technician runs it', async () => {
    const t = await openTestKiosk();
    await importBytes(t, badIsbnMrc());
    const dir = folder();
    const out = runCli('catalogue', 'export', '--format', 'marcxml', join(dir, 'xa.xml'), '--data-dir', t.dataDir, '--json');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ format: 'marcxml', records: snapshotOf(t).records.length });
    expect(yazReads(join(dir, 'xa.xml'), 'marcxml')).toMatchObject({ status: 0, stderr: '' });
  });

  it('refuses a folder it cannot write, leaving no file behind', async () => {
    const t = await openTestKiosk();
    const dir = folder();
    expect(() => exportCatalogue(t.kiosk.db, join(dir, 'khong-co', 'x.mrc'), 'marc21', '12345')).toThrow(/Không ghi được tệp .* Hãy chọn thư mục/);
  });
});
